"""Operator alerts: a Discord-format webhook post that is logged when it fails, never raised."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)

ALERT_TIMEOUT = 10.0
# Discord rejects content over 2,000 characters and embed descriptions over 4,096.
_CONTENT_LIMIT = 1900
_DESCRIPTION_LIMIT = 4000
RED = 0xD9534F
AMBER = 0xF0AD4E


def alert_post(
    *,
    title: str,
    description: str,
    fields: Mapping[str, str] | None = None,
    color: int = RED,
    url: str | None = None,
    timeout: float = ALERT_TIMEOUT,
) -> bool:
    """Post one alert to ``url`` (default ALERT_WEBHOOK_URL); True when the webhook accepted it.

    No URL means alerts are off. Whatever goes wrong (DNS, timeout, a 4xx/5xx) is logged and
    swallowed: an alert is a courtesy to the operator and must never fail the job it reports on.
    """
    target = url if url is not None else settings.ALERT_WEBHOOK_URL
    if not target:
        return False
    embed: dict[str, object] = {
        "title": title[:250],
        "description": description[:_DESCRIPTION_LIMIT],
        "color": color,
    }
    if fields:
        embed["fields"] = [
            {"name": name[:250], "value": (value or "-")[:1000], "inline": False}
            for name, value in list(fields.items())[:25]
        ]
    payload = {"content": f"**{title}**\n{description}"[:_CONTENT_LIMIT], "embeds": [embed]}
    try:
        response = httpx.post(target, json=payload, timeout=timeout)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        logger.warning("alert webhook failed: %s: %s", type(exc).__name__, exc)
        return False
    except Exception:  # a broken alert path must not take the job down with it
        logger.exception("alert webhook failed unexpectedly")
        return False
    return True


def lines(items: Sequence[str], *, limit: int = 20) -> str:
    """Bullet lines for an alert, cut to ``limit`` with a count of what was left out."""
    shown = [f"- {item}" for item in items[:limit]]
    if len(items) > limit:
        shown.append(f"- … and {len(items) - limit} more")
    return "\n".join(shown)
