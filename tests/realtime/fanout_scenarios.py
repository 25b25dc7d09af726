"""The fan-out hub's behaviour as scenarios, run on the embedded layer (tests/realtime) and on
Redis (tests/integration): what crosses the layer, who gets what, and who is dropped."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from config.asgi import application
from stockvis.realtime import broadcast
from stockvis.realtime.fanout import FanoutHub, current_hub
from stockvis.realtime.messages import LiveQuote

ORIGIN = [(b"origin", b"http://localhost")]


def live(symbol: str, price: float) -> LiveQuote:
    return LiveQuote(
        symbol=symbol,
        price=price,
        previous_close=100.0,
        volume=1.0,
        timestamp=dt.datetime(2026, 11, 27, 15, 0, 1, tzinfo=dt.UTC),
        source="synthetic",
        synthetic=True,
    )


async def layer_members(group: str) -> int:
    """How many channels the channel layer itself lists in ``group`` (whatever the backend)."""
    layer: Any = get_channel_layer()
    if hasattr(layer, "_group_key"):  # channels-redis core: a sorted set in Redis
        connection = layer.connection(layer.consistent_hash(group))
        return int(await connection.zcard(layer._group_key(group)))
    if hasattr(layer, "_get_layer"):  # channels-redis pub/sub: this process's subscriptions
        loop_layer = layer._get_layer()
        return len(loop_layer.groups.get(loop_layer._get_group_channel_name(group), ()))
    return len(layer.groups.get(group, {}))  # in-memory and the embedded layer


async def open_socket(path: str) -> WebsocketCommunicator:
    socket = WebsocketCommunicator(application, path, headers=ORIGIN)
    connected, _ = await socket.connect(timeout=10)
    assert connected
    assert (await socket.receive_json_from(timeout=10))["type"] == "snapshot"
    return socket


async def next_update(socket: WebsocketCommunicator, timeout: float = 5) -> dict[str, Any]:
    message = await socket.receive_json_from(timeout=timeout)
    while message["type"] == "heartbeat":
        message = await socket.receive_json_from(timeout=timeout)
    return dict(message)


async def publish(*quotes: LiveQuote) -> None:
    await sync_to_async(broadcast.send_quotes)(list(quotes))


async def until(condition: Any, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        await asyncio.sleep(0.02)


async def many_sockets_on_one_symbol_share_one_layer_membership() -> None:
    hub: FanoutHub = current_hub()
    sockets = [await open_socket("/ws/stocks/AAPL/") for _ in range(5)]
    group = broadcast.symbol_group("AAPL")
    assert hub.sinks(group) == 5
    assert await layer_members(group) == 1
    before = hub.received
    await publish(live("AAPL", 201.5))
    for socket in sockets:
        assert (await next_update(socket))["price"] == 201.5
    assert hub.received - before == 1, "one layer message for five sockets"
    for socket in sockets:
        await socket.disconnect()


async def the_last_socket_to_leave_takes_the_hub_out_of_the_group() -> None:
    hub = current_hub()
    group = broadcast.symbol_group("AAPL")
    first, second = await open_socket("/ws/stocks/AAPL/"), await open_socket("/ws/stocks/AAPL/")
    await first.disconnect()
    assert (hub.sinks(group), await layer_members(group)) == (1, 1)
    await publish(live("AAPL", 202.0))
    assert (await next_update(second))["price"] == 202.0
    await second.disconnect()
    assert hub.sinks(group) == 0
    # The hub leaves the layer's group in a task of its own, after the socket's task has ended.
    deadline = time.monotonic() + 5
    while await layer_members(group) != 0:
        assert time.monotonic() < deadline, "the hub never left the layer's group"
        await asyncio.sleep(0.02)


async def unsubscribe_stops_a_symbols_updates_and_leaves_its_group() -> None:
    hub = current_hub()
    socket = await open_socket("/ws/stocks/AAPL/")
    await socket.send_json_to({"type": "subscribe", "symbols": ["MSFT"]})
    assert (await socket.receive_json_from(timeout=10))["symbol"] == "MSFT"
    msft = broadcast.symbol_group("MSFT")
    assert (hub.sinks(msft), await layer_members(msft)) == (1, 1)
    await socket.send_json_to({"type": "unsubscribe", "symbols": ["MSFT"]})
    await until(lambda: hub.sinks(msft) == 0)
    assert await layer_members(msft) == 0
    await publish(live("MSFT", 410.0), live("AAPL", 203.0))
    update = await next_update(socket)
    assert (update["symbol"], update["price"]) == ("AAPL", 203.0)
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


def stall_price_updates_of_marked_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sockets opened with ``?stall=1`` never finish sending a price update (a client that
    stopped reading: its TCP window is full)."""
    from stockvis.realtime import consumers

    original = consumers.SymbolPriceConsumer.send

    async def stalled(self: Any, text_data: str | None = None, **kwargs: Any) -> None:
        if self.scope["query_string"] == b"stall=1" and "price_update" in (text_data or ""):
            await asyncio.sleep(3600)
        await original(self, text_data=text_data, **kwargs)

    monkeypatch.setattr(consumers.SymbolPriceConsumer, "send", stalled)


async def a_stalled_reader_is_dropped_and_a_fast_one_on_its_symbol_is_not_delayed() -> None:
    """Needs stall_price_updates_of_marked_sockets and WS_SEND_TIMEOUT of about a second."""
    hub = current_hub()
    group = broadcast.symbol_group("AAPL")
    stalled = await open_socket("/ws/stocks/AAPL/?stall=1")
    fast = await open_socket("/ws/stocks/AAPL/")
    sent = time.monotonic()
    await publish(live("AAPL", 204.0))
    assert (await next_update(fast))["price"] == 204.0
    assert time.monotonic() - sent < 0.5, "the fast reader waited for the stalled one"
    await until(stalled.future.done, timeout=10)  # dropped after WS_SEND_TIMEOUT
    assert hub.sinks(group) == 1
    await publish(live("AAPL", 205.0))
    assert (await next_update(fast))["price"] == 205.0
    await fast.disconnect()
