"""The Stock-Vis user (custom from the first migration so it can grow without pain)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower


class Currency(models.TextChoices):
    KRW = "KRW", "Korean won"
    USD = "USD", "US dollar"


class User(AbstractUser):
    display_name = models.CharField(max_length=80, blank=True)
    base_currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.KRW)
    timezone = models.CharField(max_length=64, default="Asia/Seoul")
    discord_webhook_url = models.URLField(
        blank=True, help_text="Optional Discord webhook for this user's price alerts."
    )

    class Meta(AbstractUser.Meta):  # type: ignore[name-defined]  # keeps verbose names
        constraints = (
            # "alice", "Alice" and "ALICE" are one account: checking first in Python is not enough
            # when registrations race, so the database decides.
            models.UniqueConstraint(Lower("username"), name="user_username_unique_any_case"),
        )

    def __str__(self) -> str:
        return self.display_name or self.username
