"""Admin for users."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from stockvis.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            "Stock-Vis",
            {"fields": ("display_name", "base_currency", "timezone", "discord_webhook_url")},
        ),
    )
    list_display = ("username", "email", "display_name", "base_currency", "is_staff")
