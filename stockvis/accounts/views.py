"""Accounts API: registration, JWT login/refresh/logout, profile and password."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from stockvis.accounts import services
from stockvis.accounts.serializers import (
    LogoutSerializer,
    PasswordChangeSerializer,
    ProfileSerializer,
    RegisteredSerializer,
    RegisterSerializer,
    TokenRefreshOfLiveUserSerializer,
)
from stockvis.accounts.throttling import UsernameLoginThrottle
from stockvis.core.throttling import AnonRateThrottle, ScopedRateThrottle

# Brute force on credentials: login and registration share the "auth" rate (THROTTLE_AUTH).
AUTH_THROTTLES = (AnonRateThrottle, ScopedRateThrottle)


class RegisterView(APIView):
    permission_classes = (AllowAny,)
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(
        summary="Register",
        description="Creates the account and a default portfolio in its base currency, and "
        "answers with a JWT pair so the client is signed in at once. Passwords go through "
        "Django's validators. Throttled with login (scope `auth`).",
        request=RegisterSerializer,
        responses={201: RegisteredSerializer},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        refresh = RefreshToken.for_user(user)
        return Response(
            {
                "user": ProfileSerializer(user).data,
                "access": str(refresh.access_token),
                "refresh": str(refresh),
            },
            status=status.HTTP_201_CREATED,
        )


@extend_schema(
    summary="Log in",
    description="Username and password for an access token (send it as `Authorization: Bearer "
    "<access>`) and a refresh token. Throttled with registration (scope `auth`).",
    auth=[],
)
class LoginView(TokenObtainPairView):
    """Username and password for an access and a refresh token (throttled, scope ``auth``)."""

    # Per address and per username: many addresses guessing one password share one budget.
    throttle_classes = (*AUTH_THROTTLES, UsernameLoginThrottle)
    throttle_scope = "auth"


@extend_schema(
    summary="Refresh the tokens",
    description="A refresh token for a new access and refresh token; the refresh token sent is "
    "blacklisted (rotation), so each can be used once.",
    auth=[],
)
class RefreshView(TokenRefreshView):
    """A refresh token for a new pair; the used refresh token is blacklisted (rotation)."""

    serializer_class = TokenRefreshOfLiveUserSerializer


class LogoutView(APIView):
    # The refresh token is the credential here: logging out must work after the access expired.
    permission_classes = (AllowAny,)

    @extend_schema(
        summary="Log out",
        description="Blacklists the refresh token; it can no longer be refreshed.",
        request=LogoutSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        serializer = LogoutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.refresh_token_revoke(token=serializer.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProfileView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(summary="Your profile", responses={200: ProfileSerializer})
    def get(self, request: Request) -> Response:
        user: Any = request.user
        return Response(ProfileSerializer(user).data)

    @extend_schema(
        summary="Edit your profile",
        description="Display name, email, base currency (KRW or USD; new portfolios default to "
        "it), time zone (IANA name) and an optional Discord webhook for price alerts.",
        request=ProfileSerializer,
        responses={200: ProfileSerializer},
    )
    def patch(self, request: Request) -> Response:
        return self._update(request, partial=True)

    @extend_schema(
        summary="Replace your profile",
        request=ProfileSerializer,
        responses={200: ProfileSerializer},
    )
    def put(self, request: Request) -> Response:
        return self._update(request, partial=False)

    def _update(self, request: Request, *, partial: bool) -> Response:
        user: Any = request.user
        serializer = ProfileSerializer(user, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        services.user_update_profile(user=user, changes=serializer.validated_data)
        return Response(ProfileSerializer(user).data)


class PasswordChangeView(APIView):
    permission_classes = (IsAuthenticated,)
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(
        summary="Change your password",
        description="Needs the current password; the new one goes through Django's "
        "validators. Every refresh token issued before is blacklisted.",
        request=PasswordChangeSerializer,
        responses={204: None},
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordChangeSerializer(data=request.data, context={"user": request.user})
        serializer.is_valid(raise_exception=True)
        user: Any = request.user
        services.user_change_password(
            user=user, new_password=serializer.validated_data["new_password"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
