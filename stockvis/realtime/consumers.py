"""WebSocket consumers: a symbol's price stream and a signed-in user's portfolio events.

Close codes (sent after accepting, so a browser sees them instead of a failed handshake):
4400 malformed symbol, 4404 unknown symbol, 4401 not signed in or bad token. A client too slow
to read its messages is dropped: its connection is aborted (it cannot take a close frame either).
Client messages are JSON; anything else gets an error message and the connection stays open.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import random
import time
from typing import Any

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import timezone

from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.market.models import Asset
from stockvis.realtime import quotes
from stockvis.realtime.auth import BEARER_PROTOCOL
from stockvis.realtime.broadcast import EVENT_TYPE, symbol_group, user_group
from stockvis.realtime.connection import abort_connection
from stockvis.realtime.fanout import current_hub
from stockvis.realtime.messages import snapshot_message

logger = logging.getLogger(__name__)

CLOSE_BAD_SYMBOL = 4400
CLOSE_UNAUTHORISED = 4401
CLOSE_UNKNOWN_SYMBOL = 4404
CLOSE_TOO_SLOW = 4408
_MAX_FRAME = 4096
_MAX_SYMBOLS = 50


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


class RealtimeConsumer(AsyncWebsocketConsumer):
    """Heartbeats, bounded sends, and a rate limit on what the client sends.

    A consumer has no channel-layer channel of its own: it joins groups through this process's
    fan-out hub (``stockvis.realtime.fanout``), which puts group messages in the consumer's
    bounded inbox without waiting. The client's frames go to the same inbox, and the consumer's
    task handles the inbox in order: everything the socket sends (snapshots, updates,
    heartbeats, errors) goes out from that one task, one frame after the other, so the ASGI
    server is never asked to send on one socket from two tasks at once."""

    groups_joined: set[str]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        # AsyncConsumer.__call__ without the per-socket layer channel, and one queue instead of
        # Channels' await_many_dispatch, which starts a task and an asyncio.wait per message.
        self.scope = scope
        self.channel_layer = None
        self.base_send = send
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=settings.WS_SOCKET_QUEUE)
        self.overflowed = False
        self.hub = current_hub()
        pump = asyncio.get_running_loop().create_task(self._pump(receive))
        try:
            # A handler raises StopConsumer to end the socket (disconnect, close, a slow client).
            with contextlib.suppress(StopConsumer):
                while True:
                    await self.dispatch(await self.inbox.get())
        finally:
            pump.cancel()
            # A cancelled task (server shutdown) never ran disconnect(): leave the hub anyway.
            self.hub.forget(self)
            heartbeat = getattr(self, "_heartbeat", None)
            if heartbeat is not None:
                heartbeat.cancel()

    async def _pump(self, receive: Any) -> None:
        """The client's frames (and connect/disconnect) into the inbox; a full inbox makes this
        wait, which stops reading from the client instead of growing."""
        while True:
            message = await receive()
            await self.inbox.put(message)
            if message["type"] == "websocket.disconnect":
                return

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels closes stale database connections (a thread hop) before every handler; the
        # inbox's messages touch no database and arrive once a second per symbol per socket.
        if message["type"] == EVENT_TYPE:
            await self.broadcast_message(message)
        else:
            await super().dispatch(message)

    def deliver(self, event: dict[str, Any]) -> None:
        """Called by the hub for every group message: queue it, never wait."""
        try:
            self.inbox.put_nowait(event)
        except asyncio.QueueFull:
            # The client has fallen behind by a whole inbox; it is dropped at its next message
            # (or when its blocked send times out) instead of silently missing updates.
            self.overflowed = True

    async def websocket_connect(self, message: dict[str, Any]) -> None:
        self.groups_joined = set()
        self._heartbeat: asyncio.Task[None] | None = None
        self._tokens = float(settings.WS_CLIENT_BURST)
        self._tokens_at = time.monotonic()
        self._warned_at = 0.0
        await super().websocket_connect(message)

    # -- accepting and refusing ------------------------------------------------------------

    async def accept_socket(self) -> None:
        protocols = self.scope.get("subprotocols") or []
        await self.accept(subprotocol=BEARER_PROTOCOL if BEARER_PROTOCOL in protocols else None)
        self._heartbeat = asyncio.get_running_loop().create_task(self._beat())

    async def refuse(self, code: int, reason: str) -> None:
        """Accept, say why, then close with ``code``: an HTTP 403 would hide the reason."""
        await self.accept_socket()
        await self.push({"type": "error", "code": code, "message": reason})
        await self.close(code=code)

    async def join(self, group: str) -> None:
        await self.hub.join(group, self)
        self.groups_joined.add(group)

    async def leave(self, group: str) -> None:
        self.groups_joined.discard(group)
        await self.hub.leave(group, self)

    async def disconnect(self, code: int) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            self._heartbeat = None
        # Out of the hub's groups at once; the hub tells the channel layer later, in a task of its
        # own, so a closed socket's task never waits for the layer (Redis) on its way out.
        self.groups_joined.clear()
        self.hub.forget(self)

    # -- sending ---------------------------------------------------------------------------

    async def push(self, payload: dict[str, Any]) -> None:
        await self.push_text(json.dumps(payload))

    async def push_text(self, text: str) -> None:
        """Send one JSON text frame; a client that cannot take it within the timeout is dropped
        so it never holds memory or a slot that other clients need."""
        try:
            # asyncio.timeout arms a timer; wait_for would start a task for every message.
            async with asyncio.timeout(settings.WS_SEND_TIMEOUT):
                await self.send(text_data=text)
        except TimeoutError:
            await self.drop_slow_client()

    async def drop_slow_client(self) -> None:
        logger.info("dropping a websocket client that stopped reading")
        await self.disconnect(CLOSE_TOO_SLOW)
        # Cut, not closed: a close waits for the peer to read what is buffered, and it never will.
        abort_connection(self.scope)
        raise StopConsumer()

    async def broadcast_message(self, event: dict[str, Any]) -> None:
        if self.overflowed:
            await self.drop_slow_client()
        await self.push_text(event["text"])

    async def _beat(self) -> None:
        # The first beat at a random point of the second half of the interval: sockets that
        # (re)connected together do not all beat, and all write, in the same moment ever after.
        delay = settings.WS_HEARTBEAT_SECONDS * random.uniform(0.5, 1.0)
        while True:
            await asyncio.sleep(delay)
            delay = settings.WS_HEARTBEAT_SECONDS
            # Through the inbox, so the frame goes out from the consumer's task.
            with contextlib.suppress(asyncio.QueueFull):
                self.inbox.put_nowait({"type": "heartbeat.due"})

    async def heartbeat_due(self, event: dict[str, Any]) -> None:
        await self.refresh_marks()
        await self.push({"type": "heartbeat", "timestamp": _stamp(timezone.now())})

    async def refresh_marks(self) -> None:
        """Tell the feed this socket is still open (the heartbeat calls it)."""

    # -- receiving -------------------------------------------------------------------------

    def _allow_message(self) -> bool:
        now = time.monotonic()
        rate = settings.WS_CLIENT_MESSAGES_PER_SECOND
        self._tokens = min(settings.WS_CLIENT_BURST, self._tokens + (now - self._tokens_at) * rate)
        self._tokens_at = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if not self._allow_message():
            # One notice a second at most; the flood itself is dropped unread.
            if time.monotonic() - self._warned_at >= 1:
                self._warned_at = time.monotonic()
                await self.error("too many messages: slow down (extra messages are ignored)")
            return
        if text_data is None or len(text_data) > _MAX_FRAME:
            await self.error(f"send JSON text frames of at most {_MAX_FRAME} characters")
            return
        try:
            message = json.loads(text_data)
        except ValueError:
            await self.error('not JSON: send an object such as {"type": "ping"}')
            return
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.error('send a JSON object with a "type"')
            return
        if message["type"] == "ping":
            await self.push({"type": "pong", "timestamp": _stamp(timezone.now())})
            return
        await self.handle(message)

    async def handle(self, message: dict[str, Any]) -> None:
        await self.error(f'unknown message type {str(message["type"])[:40]!r}; try "ping"')

    async def error(self, text: str) -> None:
        await self.push({"type": "error", "message": text})


@database_sync_to_async
def _asset(symbol: str) -> Asset | None:
    return Asset.objects.filter(symbol=symbol, is_active=True).first()


@database_sync_to_async
def _snapshot(asset: Asset) -> dict[str, Any]:
    quote = quotes.quote_latest(asset)
    quotes.sockets_mark([asset.symbol])
    return snapshot_message(quote, symbol=asset.symbol, exchange=asset.exchange, now=timezone.now())


class SymbolPriceConsumer(RealtimeConsumer):
    """/ws/stocks/<symbol>/: a snapshot, then ``price_update`` messages of that symbol.

    ``{"type": "subscribe", "symbols": [...]}`` adds symbols to the same socket (up to 50) and
    ``unsubscribe`` removes them."""

    async def connect(self) -> None:
        self.symbols: set[str] = set()
        raw = str(self.scope["url_route"]["kwargs"]["symbol"])
        try:
            symbol = normalize_symbol(raw)
        except InvalidSymbol:
            await self.refuse(CLOSE_BAD_SYMBOL, f"malformed symbol {raw[:30]!r}")
            return
        asset = await _asset(symbol)
        if asset is None:
            await self.refuse(CLOSE_UNKNOWN_SYMBOL, f"unknown symbol {symbol}")
            return
        await self.accept_socket()
        await self.subscribe(asset)

    async def subscribe(self, asset: Asset) -> None:
        if asset.symbol in self.symbols:
            return
        await self.join(symbol_group(asset.symbol))
        self.symbols.add(asset.symbol)
        await self.push(await _snapshot(asset))

    async def refresh_marks(self) -> None:
        if quotes.marks_due(symbols=self.symbols):
            await database_sync_to_async(quotes.sockets_mark)(sorted(self.symbols))

    async def handle(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind not in ("subscribe", "unsubscribe"):
            await super().handle(message)
            return
        symbols = message.get("symbols", [message.get("symbol")])
        if not isinstance(symbols, list) or not symbols or len(symbols) > _MAX_SYMBOLS:
            await self.error(f'{kind} takes "symbols": a list of 1 to {_MAX_SYMBOLS} symbols')
            return
        for raw in symbols:
            try:
                symbol = normalize_symbol(raw)
            except InvalidSymbol:
                await self.error(f"malformed symbol {str(raw)[:30]!r}")
                continue
            if kind == "unsubscribe":
                if symbol in self.symbols:
                    self.symbols.discard(symbol)
                    await self.leave(symbol_group(symbol))
                continue
            if symbol not in self.symbols and len(self.symbols) >= _MAX_SYMBOLS:
                await self.error(f"at most {_MAX_SYMBOLS} symbols on one socket")
                return
            asset = await _asset(symbol)
            if asset is None:
                await self.error(f"unknown symbol {symbol}")
                continue
            await self.subscribe(asset)


class PortfolioConsumer(RealtimeConsumer):
    """/ws/portfolio/: the signed-in user's portfolio values and notifications, nobody else's."""

    user_id: int | None = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if self.scope.get("auth_error") or user is None or not user.is_authenticated:
            reason = self.scope.get("auth_error") or "sign in: pass ?token=<access JWT>"
            await self.refuse(CLOSE_UNAUTHORISED, reason)
            return
        self.user_id = int(user.pk)
        await self.join(user_group(self.user_id))
        await self.accept_socket()
        await self.refresh_marks()
        from stockvis.realtime.portfolio import portfolio_message

        await self.push(await database_sync_to_async(portfolio_message)(user_id=self.user_id))

    async def refresh_marks(self) -> None:
        if self.user_id is not None and quotes.marks_due(user_id=self.user_id):
            await database_sync_to_async(quotes.user_mark_online)(self.user_id)
