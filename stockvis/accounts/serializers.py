"""Input and output shapes of the accounts API."""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.tokens import RefreshToken

from stockvis.accounts.models import Currency, User

DISCORD_WEBHOOK_PREFIXES = (
    "https://discord.com/api/webhooks/",
    "https://discordapp.com/api/webhooks/",
)


def _known_timezone(value: str) -> None:
    if value not in available_timezones():
        raise serializers.ValidationError(f"unknown time zone {value!r} (use e.g. Asia/Seoul)")


def _discord_webhook(value: str) -> None:
    if value and not value.startswith(DISCORD_WEBHOOK_PREFIXES):
        raise serializers.ValidationError("must be a https://discord.com/api/webhooks/... URL")


class ProfileSerializer(serializers.ModelSerializer[User]):
    timezone = serializers.CharField(max_length=64, validators=[_known_timezone], required=False)
    discord_webhook_url = serializers.URLField(
        max_length=200, validators=[_discord_webhook], required=False, allow_blank=True
    )

    class Meta:
        model = User
        fields = (
            "id",
            "username",
            "email",
            "display_name",
            "base_currency",
            "timezone",
            "discord_webhook_url",
            "date_joined",
            "is_staff",
        )
        # is_staff lets the UI show the staff pages' link; changed only in the admin.
        read_only_fields = ("id", "username", "date_joined", "is_staff")


class RegisterSerializer(serializers.Serializer[Any]):
    username = serializers.RegexField(r"^[\w.@+-]{3,150}$", max_length=150)
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    email = serializers.EmailField(required=False, allow_blank=True)
    display_name = serializers.CharField(max_length=80, required=False, allow_blank=True)
    base_currency = serializers.ChoiceField(choices=Currency.choices, required=False)
    timezone = serializers.CharField(max_length=64, validators=[_known_timezone], required=False)

    def validate_username(self, value: str) -> str:
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError("this username is taken")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        candidate = User(username=attrs["username"], email=attrs.get("email", ""))
        try:
            password_validation.validate_password(attrs["password"], candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs


class PasswordChangeSerializer(serializers.Serializer[Any]):
    old_password = serializers.CharField(write_only=True)
    new_password = serializers.CharField(write_only=True)

    def validate_old_password(self, value: str) -> str:
        if not self.context["user"].check_password(value):
            raise serializers.ValidationError("the current password is wrong")
        return value

    def validate_new_password(self, value: str) -> str:
        try:
            password_validation.validate_password(value, self.context["user"])
        except DjangoValidationError as exc:
            raise serializers.ValidationError(list(exc.messages)) from None
        return value


class LogoutSerializer(serializers.Serializer[Any]):
    refresh = serializers.CharField()

    def validate_refresh(self, value: str) -> RefreshToken:
        try:
            return RefreshToken(value)  # type: ignore[arg-type]
        except TokenError as exc:
            raise serializers.ValidationError(str(exc)) from None


class TokenPairSerializer(serializers.Serializer[Any]):
    access = serializers.CharField()
    refresh = serializers.CharField()


class RegisteredSerializer(serializers.Serializer[Any]):
    user = ProfileSerializer()
    access = serializers.CharField()
    refresh = serializers.CharField()


class TokenRefreshOfLiveUserSerializer(TokenRefreshSerializer):
    """simplejwt's refresh, with a deleted user's token refused as a 401 rather than a 500."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, str]:
        try:
            return super().validate(attrs)
        except User.DoesNotExist:
            raise AuthenticationFailed(
                "No active account found for the given token.", "no_active_account"
            ) from None
