"""WebSocket consumers: a symbol's price stream and a signed-in user's portfolio events."""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.realtime.broadcast import symbol_group, user_group


class GroupConsumer(AsyncJsonWebsocketConsumer):
    """Joins one channel-layer group on connect and relays what broadcast.py sends to it."""

    group: str | None = None
    close_code = 4400

    def group_for_scope(self) -> str | None:
        """The group to join, or None to refuse the connection (after setting ``close_code``).

        Subclasses say which group; this base joins none, so it refuses everyone."""
        return None

    async def connect(self) -> None:
        self.group = self.group_for_scope()
        if self.group is None:
            await self.close(code=self.close_code)
            return
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def broadcast_message(self, event: dict[str, Any]) -> None:
        await self.send_json(event["payload"])


class SymbolPriceConsumer(GroupConsumer):
    """/ws/stocks/<symbol>/: quotes of one symbol; a malformed symbol is refused (4400)."""

    def group_for_scope(self) -> str | None:
        try:
            return symbol_group(normalize_symbol(self.scope["url_route"]["kwargs"]["symbol"]))
        except InvalidSymbol:
            self.close_code = 4400
            return None


class PortfolioConsumer(GroupConsumer):
    """/ws/portfolio/: the signed-in user's events (alerts, valuations); anonymous is refused (4401)."""

    def group_for_scope(self) -> str | None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            self.close_code = 4401
            return None
        return user_group(user.pk)
