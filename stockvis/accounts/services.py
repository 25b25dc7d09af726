"""Write paths of accounts: registration, profile edits, password change, logout."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import password_validation
from django.db import IntegrityError, transaction
from rest_framework.exceptions import ValidationError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from stockvis.accounts.models import User

DEFAULT_PORTFOLIO_NAME = "My portfolio"
PROFILE_FIELDS = ("display_name", "email", "base_currency", "timezone", "discord_webhook_url")


def user_register(
    *,
    username: str,
    password: str,
    email: str = "",
    display_name: str = "",
    base_currency: str = "KRW",
    timezone: str = "Asia/Seoul",
) -> User:
    """Create a user (password through Django's validators) with a default portfolio."""
    from stockvis.portfolios.services import portfolio_create

    user = User(
        username=username,
        email=email,
        display_name=display_name,
        base_currency=base_currency,
        timezone=timezone,
    )
    password_validation.validate_password(password, user)
    try:
        with transaction.atomic():
            user.set_password(password)
            user.save()
            portfolio_create(
                owner=user,
                name=DEFAULT_PORTFOLIO_NAME,
                base_currency=base_currency,
                is_default=True,
            )
    except IntegrityError:
        # Lost a race with a registration of the same name in another case: the serializer's
        # check passed for both, the database's case-insensitive constraint let one in.
        raise ValidationError({"username": ["this username is taken"]}) from None
    return user


def user_update_profile(*, user: User, changes: Mapping[str, Any]) -> User:
    fields = [name for name in PROFILE_FIELDS if name in changes]
    for name in fields:
        setattr(user, name, changes[name])
    if fields:
        user.save(update_fields=fields)
    return user


def user_change_password(*, user: User, new_password: str) -> None:
    """Set a new password and log out every other session holding a refresh token."""
    password_validation.validate_password(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        refresh_tokens_revoke_all(user=user)


def refresh_tokens_revoke_all(*, user: User) -> int:
    revoked = 0
    for token in OutstandingToken.objects.filter(user=user):
        _, created = BlacklistedToken.objects.get_or_create(token=token)
        revoked += created
    return revoked


def refresh_token_revoke(*, token: RefreshToken) -> None:
    """Blacklist one refresh token (logout); the access token expires on its own soon after."""
    token.blacklist()
