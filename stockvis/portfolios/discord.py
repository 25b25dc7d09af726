"""The one outbound call of this app: posting an alert to a user's Discord webhook."""

# A network edge: it times out, never raises, and logs what went wrong. Discord answers 204 on
# success and 429 with Retry-After when throttled; we do not retry (the in-app list has it all).

from __future__ import annotations

import logging

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)

# Discord refuses message content longer than this.
_MAX_CONTENT = 2000


def discord_post(*, url: str, content: str) -> bool:
    """Post ``content`` to a Discord webhook; True on success, False (logged) otherwise."""
    try:
        response = httpx.post(
            url,
            json={"content": content[:_MAX_CONTENT]},
            timeout=settings.DISCORD_WEBHOOK_TIMEOUT,
        )
    except httpx.HTTPError as exc:
        logger.warning("discord webhook failed: %s", type(exc).__name__)
        return False
    if response.status_code >= 400:
        logger.warning("discord webhook answered HTTP %s", response.status_code)
        return False
    return True
