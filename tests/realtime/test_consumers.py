import asyncio
import datetime as dt
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import time_machine
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.asgi import application
from stockvis.portfolios.models import Holding, Portfolio
from stockvis.realtime import broadcast, quotes
from stockvis.realtime.messages import LiveQuote
from tests.realtime.conftest import add_closes, make_asset, make_user, token_for

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://localhost")]
# Sunday 29 November 2026, 15:00 UTC: New York is closed, crypto trades.
SUNDAY = dt.datetime(2026, 11, 29, 15, 0, tzinfo=dt.UTC)


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(scenario())


async def open_socket(
    path: str, headers: list[tuple[bytes, bytes]] | None = None, **kwargs: Any
) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        application, path, headers=ORIGIN if headers is None else headers, **kwargs
    )
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    return communicator


async def closed_with(communicator: WebsocketCommunicator) -> tuple[dict[str, Any], int]:
    """The error message a refused socket gets, then its close code."""
    said = await communicator.receive_json_from(timeout=5)
    closing = await communicator.receive_output(timeout=5)
    assert closing["type"] == "websocket.close"
    return said, closing["code"]


def live(symbol: str, price: float, previous: float = 100.0) -> LiveQuote:
    return LiveQuote(
        symbol=symbol,
        price=price,
        previous_close=previous,
        volume=1234.0,
        timestamp=dt.datetime(2026, 11, 27, 15, 0, 1, tzinfo=dt.UTC),
        source="synthetic",
        synthetic=True,
    )


@pytest.fixture
def aapl() -> Any:
    asset = make_asset("AAPL")
    add_closes(asset, [(dt.date(2026, 11, 25), 190.0), (dt.date(2026, 11, 27), 200.0)])
    return asset


def test_a_symbol_socket_starts_with_a_snapshot_of_the_last_close_and_says_when_the_market_opens(
    aapl: Any,
) -> None:
    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/aapl/")
        snapshot = await socket.receive_json_from(timeout=5)
        assert snapshot == {
            "type": "snapshot",
            "symbol": "AAPL",
            "price": 200.0,
            "change": 10.0,
            "change_percent": 5.2632,
            "volume": None,
            "timestamp": "2026-11-27T18:00:00Z",  # the half-day close after Thanksgiving
            "source": "synthetic",
            "synthetic": True,
            "exchange": "XNYS",
            "market_open": False,
            "next_open": "2026-11-30T14:30:00Z",
        }
        await socket.disconnect()

    with time_machine.travel(SUNDAY, tick=True):
        run(scenario)


def test_the_snapshot_is_the_feeds_latest_quote_when_there_is_one(aapl: Any) -> None:
    quotes.quotes_store([live("AAPL", 201.25, previous=200.0)])

    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/")
        snapshot = await socket.receive_json_from(timeout=5)
        assert snapshot["price"] == 201.25
        assert snapshot["change"] == 1.25
        assert snapshot["timestamp"] == "2026-11-27T15:00:01Z"
        assert snapshot["volume"] == 1234.0
        await socket.disconnect()

    run(scenario)


def test_a_crypto_socket_says_the_market_is_open_on_a_sunday() -> None:
    make_asset("BTC-KRW", exchange="24/7", currency="KRW")

    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/btc-krw/")
        snapshot = await socket.receive_json_from(timeout=5)
        assert (snapshot["market_open"], snapshot["next_open"], snapshot["price"]) == (
            True,
            None,
            None,
        )
        await socket.disconnect()

    with time_machine.travel(SUNDAY, tick=True):
        run(scenario)


def test_price_updates_reach_the_sockets_of_that_symbol_only(aapl: Any) -> None:
    make_asset("MSFT")

    async def scenario() -> None:
        apple = await open_socket("/ws/stocks/AAPL/")
        microsoft = await open_socket("/ws/stocks/MSFT/")
        await apple.receive_json_from(timeout=5)
        await microsoft.receive_json_from(timeout=5)
        await sync_to_async(broadcast.send_quotes)([live("AAPL", 201.5)])
        assert await apple.receive_json_from(timeout=5) == {
            "type": "price_update",
            "symbol": "AAPL",
            "price": 201.5,
            "change": 101.5,
            "change_percent": 101.5,
            "volume": 1234.0,
            "timestamp": "2026-11-27T15:00:01Z",
            "source": "synthetic",
            "synthetic": True,
        }
        assert await microsoft.receive_nothing(timeout=0.3)
        await apple.disconnect()
        await microsoft.disconnect()

    run(scenario)


def test_an_open_socket_tells_the_feed_its_symbol_is_watched(aapl: Any) -> None:
    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/")
        await socket.receive_json_from(timeout=5)
        assert quotes.symbols_with_sockets(["AAPL", "MSFT"]) == {"AAPL"}
        await socket.disconnect()

    run(scenario)


def test_an_unknown_symbol_is_accepted_then_closed_with_4404(aapl: Any) -> None:
    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/NOPE/")
        said, code = await closed_with(socket)
        assert (code, said["type"]) == (4404, "error")
        assert "NOPE" in said["message"]

    run(scenario)


def test_a_malformed_or_10000_character_symbol_is_closed_with_4400_and_the_server_carries_on(
    aapl: Any,
) -> None:
    async def scenario() -> None:
        for path in ("/ws/stocks/a%20b/", "/ws/stocks/" + "A" * 10_000 + "/"):
            socket = await open_socket(path)
            said, code = await closed_with(socket)
            assert code == 4400
            assert len(said["message"]) < 80
        healthy = await open_socket("/ws/stocks/AAPL/")
        assert (await healthy.receive_json_from(timeout=5))["type"] == "snapshot"
        await healthy.disconnect()

    run(scenario)


def test_a_garbage_frame_gets_an_error_and_the_connection_stays_open(aapl: Any) -> None:
    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/")
        await socket.receive_json_from(timeout=5)
        for garbage in ("{not json", "[1, 2]", '{"type": 7}', "x" * 50_000):
            await socket.send_to(text_data=garbage)
            assert (await socket.receive_json_from(timeout=5))["type"] == "error"
        await socket.send_to(bytes_data=b"\x00\x01")
        assert (await socket.receive_json_from(timeout=5))["type"] == "error"
        await socket.send_json_to({"type": "ping"})
        assert (await socket.receive_json_from(timeout=5))["type"] == "pong"
        await socket.disconnect()

    run(scenario)


def test_a_flood_of_subscribe_messages_is_cut_short_and_the_socket_still_answers(
    aapl: Any, settings: Any
) -> None:
    make_asset("MSFT")

    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/")
        await socket.receive_json_from(timeout=5)
        started = asyncio.get_running_loop().time()
        for _ in range(500):
            await socket.send_json_to({"type": "subscribe", "symbols": ["MSFT"]})
        # Once the allowance has refilled, a ping is answered. Messages are handled in order, so
        # everything the flood caused comes before its pong (waiting for a quiet half second
        # instead ended early on a busy machine).
        await asyncio.sleep(1.2)
        await socket.send_json_to({"type": "ping"})
        replies = []
        while (reply := await socket.receive_json_from(timeout=10))["type"] != "pong":
            replies.append(reply["type"])
        elapsed = asyncio.get_running_loop().time() - started
        # One snapshot for the first subscribe; the repeats are no-ops and the flood past the
        # allowance costs at most one notice a second.
        assert replies.count("snapshot") == 1
        assert 1 <= replies.count("error") <= 1 + int(elapsed)
        await asyncio.sleep(1.2)
        await socket.send_json_to({"type": "ping"})
        assert (await socket.receive_json_from(timeout=5))["type"] == "pong"
        await socket.disconnect()

    run(scenario)


def test_the_server_sends_a_heartbeat(aapl: Any, settings: Any) -> None:
    settings.WS_HEARTBEAT_SECONDS = 0.2

    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/")
        await socket.receive_json_from(timeout=5)
        assert (await socket.receive_json_from(timeout=5))["type"] == "heartbeat"
        await socket.disconnect()

    run(scenario)


def test_a_client_that_stops_reading_is_dropped_and_others_keep_their_updates(
    aapl: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.WS_SEND_TIMEOUT = 0.2
    from stockvis.realtime import consumers

    original = consumers.SymbolPriceConsumer.send

    async def stalled(self: Any, *args: Any, **kwargs: Any) -> None:
        if self.scope["query_string"] == b"stall=1":
            await asyncio.sleep(3600)
        await original(self, *args, **kwargs)

    monkeypatch.setattr(consumers.SymbolPriceConsumer, "send", stalled)

    async def scenario() -> None:
        reader = await open_socket("/ws/stocks/AAPL/")
        await reader.receive_json_from(timeout=5)
        stalled_socket = WebsocketCommunicator(
            application, "/ws/stocks/AAPL/?stall=1", headers=ORIGIN
        )
        await stalled_socket.connect(timeout=5)
        await asyncio.sleep(0.5)  # its snapshot never goes out: it is dropped
        assert stalled_socket.future.done()
        await sync_to_async(broadcast.send_quotes)([live("AAPL", 202.0)])
        assert (await reader.receive_json_from(timeout=5))["price"] == 202.0
        await reader.disconnect()

    run(scenario)


def test_a_socket_without_an_origin_header_is_let_in_and_a_foreign_origin_is_not(
    aapl: Any,
) -> None:
    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/", headers=[])
        assert (await socket.receive_json_from(timeout=5))["type"] == "snapshot"
        await socket.disconnect()
        foreign = WebsocketCommunicator(
            application, "/ws/stocks/AAPL/", headers=[(b"origin", b"http://evil.example")]
        )
        connected, _ = await foreign.connect(timeout=5)
        assert not connected

    run(scenario)


# --- /ws/portfolio/ ----------------------------------------------------------------------


def test_an_anonymous_or_badly_signed_portfolio_socket_is_closed_with_4401() -> None:
    async def scenario() -> None:
        for path in ("/ws/portfolio/", "/ws/portfolio/?token=not-a-jwt"):
            socket = await open_socket(path)
            said, code = await closed_with(socket)
            assert code == 4401, path
            assert said["type"] == "error"

    run(scenario)


def holding(user: Any, asset: Any, quantity: int, price: str) -> None:
    portfolio = Portfolio.objects.get(owner=user, is_default=True)
    Holding.objects.create(
        portfolio=portfolio,
        asset=asset,
        quantity=quantity,
        average_price=price,
        acquired_on=dt.date(2026, 1, 2),
    )


def test_the_portfolio_socket_takes_the_api_token_in_the_query_or_the_subprotocol(
    aapl: Any,
) -> None:
    alice = make_user("alice")
    holding(alice, aapl, 10, "150")
    token = token_for(alice)

    async def scenario() -> None:
        by_query = await open_socket(f"/ws/portfolio/?token={token}")
        first = await by_query.receive_json_from(timeout=5)
        assert first["type"] == "portfolio_update"
        [portfolio] = first["portfolios"]
        assert portfolio["base_currency"] == "USD"
        assert (portfolio["market_value"], portfolio["cost"]) == ("2000.00", "1500.00")
        assert (portfolio["unrealised_pnl"], portfolio["day_change"]) == ("500.00", "100.00")
        await by_query.disconnect()

        by_header = WebsocketCommunicator(
            application, "/ws/portfolio/", headers=ORIGIN, subprotocols=["bearer", token]
        )
        connected, protocol = await by_header.connect(timeout=5)
        assert (connected, protocol) == (True, "bearer")
        assert (await by_header.receive_json_from(timeout=5))["type"] == "portfolio_update"
        await by_header.disconnect()

    run(scenario)


def test_the_portfolio_socket_takes_the_session_of_a_signed_in_browser(aapl: Any) -> None:
    alice = make_user("alice")
    client = Client()
    client.force_login(alice)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()

    async def scenario() -> None:
        socket = await open_socket("/ws/portfolio/", headers=[*ORIGIN, (b"cookie", cookie)])
        assert (await socket.receive_json_from(timeout=5))["type"] == "portfolio_update"
        await socket.disconnect()

    run(scenario)


def test_portfolio_events_reach_their_owner_and_never_another_user(aapl: Any) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    holding(alice, aapl, 10, "150")

    async def scenario() -> None:
        as_alice = await open_socket(f"/ws/portfolio/?token={token_for(alice)}")
        as_bob = await open_socket(f"/ws/portfolio/?token={token_for(bob)}")
        await as_alice.receive_json_from(timeout=5)
        await as_bob.receive_json_from(timeout=5)
        await sync_to_async(broadcast.send_user_event)(
            user_id=alice.pk, kind="notification", data={"title": "AAPL above 199"}
        )
        assert await as_alice.receive_json_from(timeout=5) == {
            "type": "notification",
            "title": "AAPL above 199",
        }
        assert await as_bob.receive_nothing(timeout=0.3)
        await as_alice.disconnect()
        await as_bob.disconnect()

    run(scenario)


def test_messages_are_json_text(aapl: Any) -> None:
    async def scenario() -> None:
        socket = await open_socket("/ws/stocks/AAPL/")
        raw = await socket.receive_from(timeout=5)
        assert json.loads(raw)["symbol"] == "AAPL"
        await socket.disconnect()

    run(scenario)
