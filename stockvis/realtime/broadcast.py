"""The one place synchronous code talks to the channel layer: typed payloads, group names."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from stockvis.realtime.messages import LiveQuote

# The consumer method a group message calls (``broadcast.message`` -> ``broadcast_message``).
EVENT_TYPE = "broadcast.message"


def symbol_group(symbol: str) -> str:
    return f"quotes.{symbol.replace('=', '_')}"


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def _event(group: str, payload: dict[str, Any]) -> dict[str, Any]:
    # Encoded once here, not once per subscriber: a symbol's update goes to every socket on it.
    # The group rides along because a web process's fan-out hub receives every group it joined
    # on one channel (stockvis/realtime/fanout.py).
    return {"type": EVENT_TYPE, "group": group, "text": json.dumps(payload)}


async def send_many(items: list[tuple[str, dict[str, Any]]]) -> None:
    """Send (group, payload) pairs; the embedded layer writes them to its outbox in one go."""
    layer = get_channel_layer()
    if layer is None or not items:
        return
    events = [(group, _event(group, payload)) for group, payload in items]
    batch = getattr(layer, "group_send_many", None)
    if batch is not None:
        await batch(events)
        return
    for group, event in events:
        await layer.group_send(group, event)


def send_quotes(quotes: Iterable[LiveQuote]) -> None:
    """Publish ``price_update`` messages (callers keep to one a second per symbol)."""
    items = [(symbol_group(q.symbol), q.message()) for q in quotes]
    if items:
        async_to_sync(send_many)(items)


def send_user_event(*, user_id: int, kind: str, data: dict[str, Any]) -> None:
    """An event for one user's portfolio sockets: ``{"type": kind, **data}``."""
    async_to_sync(send_many)([(user_group(user_id), {"type": kind, **data})])


def send_user_events(events: Iterable[tuple[int, str, dict[str, Any]]]) -> None:
    items = [(user_group(uid), {"type": kind, **data}) for uid, kind, data in events]
    if items:
        async_to_sync(send_many)(items)
