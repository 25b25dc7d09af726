"""The per-process fan-out hub on the embedded layer (the same scenarios run on Redis in
tests/integration/test_realtime_fanout_redis.py)."""

import asyncio
from typing import Any

import pytest

from stockvis.realtime import broadcast
from stockvis.realtime.fanout import current_hub
from tests.realtime import fanout_scenarios as scenarios
from tests.realtime.conftest import make_asset

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def assets() -> None:
    make_asset("AAPL")
    make_asset("MSFT")


def test_many_sockets_on_one_symbol_make_one_layer_message_per_process() -> None:
    asyncio.run(scenarios.many_sockets_on_one_symbol_share_one_layer_membership())


def test_the_last_socket_to_leave_takes_the_hub_out_of_the_group() -> None:
    asyncio.run(scenarios.the_last_socket_to_leave_takes_the_hub_out_of_the_group())


def test_unsubscribe_stops_a_symbols_updates_and_leaves_its_group() -> None:
    asyncio.run(scenarios.unsubscribe_stops_a_symbols_updates_and_leaves_its_group())


def test_a_stalled_reader_is_dropped_and_a_fast_one_on_its_symbol_is_not_delayed(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.WS_SEND_TIMEOUT = 1.0
    scenarios.stall_price_updates_of_marked_sockets(monkeypatch)
    asyncio.run(scenarios.a_stalled_reader_is_dropped_and_a_fast_one_on_its_symbol_is_not_delayed())


def test_a_reader_that_falls_a_whole_queue_behind_is_dropped_before_its_send_times_out(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.WS_SEND_TIMEOUT = 30.0
    settings.WS_SOCKET_QUEUE = 3
    from stockvis.realtime import consumers

    original = consumers.SymbolPriceConsumer.send

    async def slow(self: Any, text_data: str | None = None, **kwargs: Any) -> None:
        if self.scope["query_string"] == b"slow=1" and "price_update" in (text_data or ""):
            await asyncio.sleep(0.3)  # reads, but slower than updates arrive
        await original(self, text_data=text_data, **kwargs)

    monkeypatch.setattr(consumers.SymbolPriceConsumer, "send", slow)

    async def scenario() -> None:
        hub = current_hub()
        slow_socket = await scenarios.open_socket("/ws/stocks/AAPL/?slow=1")
        fast = await scenarios.open_socket("/ws/stocks/AAPL/")
        for step in range(8):
            await scenarios.publish(scenarios.live("AAPL", 200.0 + step))
        for step in range(8):
            assert (await scenarios.next_update(fast))["price"] == 200.0 + step
        await scenarios.until(slow_socket.future.done, timeout=5)
        assert hub.sinks(broadcast.symbol_group("AAPL")) == 1
        await fast.disconnect()

    asyncio.run(scenario())


def test_a_hub_message_without_a_group_it_holds_reaches_nobody() -> None:
    async def scenario() -> None:
        socket = await scenarios.open_socket("/ws/stocks/AAPL/")
        current_hub().dispatch({"type": broadcast.EVENT_TYPE, "group": "quotes.MSFT", "text": "{}"})
        current_hub().dispatch({"type": broadcast.EVENT_TYPE, "text": "{}"})
        assert await socket.receive_nothing(timeout=0.2)
        await socket.disconnect()

    asyncio.run(scenario())


def test_full_collections_wait_for_a_quiet_spell_and_python_gets_its_schedule_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from stockvis.realtime import fanout

    monkeypatch.setattr(fanout, "FULL_COLLECTION_EVERY", 0.05)
    monkeypatch.setattr(fanout, "QUIET_SPELL", 0.3)
    before = gc.get_threshold()
    full: list[float] = []

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(asyncio.get_event_loop().time())

    async def scenario() -> None:
        hub = current_hub()
        socket = await scenarios.open_socket("/ws/stocks/AAPL/")
        assert gc.get_threshold()[2] > 1_000_000  # Python starts no full collection itself
        gc.callbacks.append(count)
        try:
            # Messages every 0.1 s leave no quiet spell of 0.3 s: no full collection.
            for step in range(6):
                await scenarios.publish(scenarios.live("AAPL", 200.0 + step))
                await scenarios.next_update(socket)
                await asyncio.sleep(0.1)
            assert full == []
            last = hub.last_message_at
            await scenarios.until(lambda: bool(full), timeout=5)
            assert full[0] - last >= 0.3
        finally:
            gc.callbacks.remove(count)
        await socket.disconnect()

    asyncio.run(scenario())
    assert gc.get_threshold() == before


def test_a_heartbeat_needs_a_cache_write_only_when_a_mark_is_due() -> None:
    from stockvis.realtime import quotes

    assert quotes.marks_due(symbols=["AAPL"])
    quotes.sockets_mark(["AAPL"])
    assert not quotes.marks_due(symbols=["AAPL"])  # the other sockets' heartbeats stay in memory
    assert quotes.marks_due(symbols=["AAPL", "MSFT"])
    assert quotes.symbols_with_sockets(["AAPL", "MSFT"]) == {"AAPL"}
    assert quotes.marks_due(user_id=7)
    quotes.user_mark_online(7)
    assert not quotes.marks_due(user_id=7)
    assert quotes.users_online([7, 8]) == {7}
