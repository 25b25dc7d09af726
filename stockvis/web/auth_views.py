"""Sign-in for the browser: the refresh token lives in an HttpOnly cookie, the access token only in
the page's memory, so a script injected into the page can read neither a stored token nor the
cookie.

CSRF: the cookie is SameSite=Strict and scoped to these two paths, and both views demand the
``X-Requested-With`` header, which a cross-site form cannot send and a cross-site fetch cannot send
without a CORS preflight this server never grants.
"""

from __future__ import annotations

import contextlib
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import RefreshToken

from stockvis.accounts import services
from stockvis.core.api import ErrorSerializer

COOKIE_NAME = "stockvis_refresh"
COOKIE_PATH = "/api/v1/users/web/"
CSRF_HEADER = "HTTP_X_REQUESTED_WITH"


class WebRefreshRequestSerializer(serializers.Serializer[Any]):
    refresh = serializers.CharField(
        required=False,
        help_text="A refresh token from login or registration to move into the cookie; "
        "omit it to use the cookie.",
    )


class WebAccessSerializer(serializers.Serializer[Any]):
    access = serializers.CharField(
        allow_null=True, help_text="The access token; null when the browser holds no sign-in."
    )


def _require_same_site_script(request: Request) -> None:
    if not request.META.get(CSRF_HEADER):
        raise PermissionDenied("the X-Requested-With header is required")


def _set_refresh_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=int(jwt_settings.REFRESH_TOKEN_LIFETIME.total_seconds()),
        path=COOKIE_PATH,
        secure=request.is_secure(),
        httponly=True,
        samesite="Strict",
    )


class WebRefreshView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        summary="Browser sign-in: rotate the refresh cookie",
        description="Rotates the refresh token held in the HttpOnly cookie (or the one in the "
        "body, right after login or registration), sets the new one as the cookie and answers "
        "with a fresh access token; `access` is null when there is no cookie. A revoked or "
        "expired token answers 401 and clears the cookie. Needs the `X-Requested-With` header.",
        request=WebRefreshRequestSerializer,
        responses={200: WebAccessSerializer, 401: ErrorSerializer},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        _require_same_site_script(request)
        body = WebRefreshRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        token = body.validated_data.get("refresh") or request.COOKIES.get(COOKIE_NAME)
        if not token:
            # A browser without a sign-in is a normal visitor, not a failed request.
            return Response({"access": None})
        rotation = TokenRefreshSerializer(data={"refresh": token})
        try:
            rotation.is_valid(raise_exception=True)
        except TokenError as exc:
            refused = Response(
                {"error": "not_authenticated", "detail": str(exc)},
                status=status.HTTP_401_UNAUTHORIZED,
            )
            refused.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Strict")
            return refused
        response = Response({"access": rotation.validated_data["access"]})
        _set_refresh_cookie(response, request, rotation.validated_data["refresh"])
        return response


class WebLogoutView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        summary="Browser sign-out",
        description="Blacklists the refresh token in the cookie and clears the cookie.",
        request=None,
        responses={204: None},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        _require_same_site_script(request)
        token = request.COOKIES.get(COOKIE_NAME)
        # An expired or revoked token needs no revoking: signing out still clears the cookie.
        if token:
            with contextlib.suppress(TokenError):
                services.refresh_token_revoke(token=RefreshToken(token))  # type: ignore[arg-type]
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Strict")
        return response
