"""WebSocket consumers: a symbol's price stream and a signed-in user's portfolio events."""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.realtime.broadcast import symbol_group, user_group


class SymbolPriceConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        try:
            self.symbol = normalize_symbol(self.scope["url_route"]["kwargs"]["symbol"])
        except InvalidSymbol:
            await self.close(code=4400)
            return
        self.group = symbol_group(self.symbol)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def broadcast_message(self, event: dict[str, Any]) -> None:
        await self.send_json(event["payload"])


class PortfolioConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def broadcast_message(self, event: dict[str, Any]) -> None:
        await self.send_json(event["payload"])
