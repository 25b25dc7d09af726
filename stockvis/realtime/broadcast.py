"""The one place synchronous code talks to the channel layer: typed payloads, group names."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def symbol_group(symbol: str) -> str:
    return f"quotes.{symbol.replace('=', '_')}"


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def _send(group: str, payload: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(group, {"type": "broadcast.message", "payload": payload})


def send_quote(
    *, symbol: str, price: float, change: float | None, at: str, synthetic: bool
) -> None:
    _send(
        symbol_group(symbol),
        {
            "kind": "quote",
            "symbol": symbol,
            "price": price,
            "change": change,
            "at": at,
            "synthetic": synthetic,
        },
    )


def send_user_event(*, user_id: int, kind: str, data: dict[str, Any]) -> None:
    _send(user_group(user_id), {"kind": kind, **data})
