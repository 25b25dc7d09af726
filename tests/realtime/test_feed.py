import asyncio
import datetime as dt
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import time_machine
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.management import call_command
from django.test import Client

from config.asgi import application
from stockvis.portfolios.models import Holding, Notification, Portfolio, PriceAlert, WatchlistItem
from stockvis.portfolios.services import watchlist_create
from stockvis.providers.alphavantage import DEFAULT_BASE_URL
from stockvis.realtime import quotes
from stockvis.realtime.feed.leader import FileLeadership
from stockvis.realtime.feed.runner import Feed
from stockvis.realtime.feed.sources import (
    AlphaVantageQuoteSource,
    SyntheticQuoteSource,
    Watched,
)
from stockvis.realtime.feed.walk import intraday_price
from stockvis.realtime.feed.watch import watched_assets
from stockvis.realtime.messages import LiveQuote
from stockvis.realtime.models import IntradayBar
from tests.realtime.conftest import add_closes, make_asset, make_user, token_for
from tests.shared_data import shared_data_path

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://localhost")]
# Monday 30 November 2026, 15:00 UTC: New York has been open half an hour.
MONDAY = dt.datetime(2026, 11, 30, 15, 0, tzinfo=dt.UTC)
SUNDAY = dt.datetime(2026, 11, 29, 15, 0, tzinfo=dt.UTC)


class ScriptedSource:
    """A quote source that answers the prices a test sets, like a provider would."""

    name = "synthetic"

    def __init__(self) -> None:
        self.prices: dict[str, float] = {}
        self.asked: list[list[str]] = []
        self.now = MONDAY

    def poll(self, watched: Sequence[Watched], now: dt.datetime) -> list[LiveQuote]:
        self.asked.append([w.ref.symbol for w in watched])
        return [
            LiveQuote(
                w.ref.symbol,
                self.prices[w.ref.symbol],
                w.previous_close,
                1000.0,
                now,
                "synthetic",
                True,
            )
            for w in watched
            if w.ref.symbol in self.prices
        ]


class Clock:
    def __init__(self) -> None:
        self.now = MONDAY
        self.tick = 0.0

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)
        self.tick += seconds


@pytest.fixture
def aapl() -> Any:
    asset = make_asset("AAPL")
    add_closes(asset, [(dt.date(2026, 11, 25), 190.0), (dt.date(2026, 11, 27), 200.0)])
    return asset


def feed_with(source: Any, clock: Clock, tmp_path: Path) -> Feed:
    return Feed(
        sources={"synthetic": source},
        leadership=FileLeadership(tmp_path / "feed.lock"),
        clock=lambda: clock.now,
        ticker=lambda: clock.tick,
    )


def hold(user: Any, asset: Any, quantity: int = 10, price: str = "150") -> None:
    Holding.objects.create(
        portfolio=Portfolio.objects.get(owner=user, is_default=True),
        asset=asset,
        quantity=quantity,
        average_price=price,
        acquired_on=dt.date(2026, 1, 2),
    )


# --- the synthetic source ----------------------------------------------------------------


def test_the_synthetic_walk_is_the_same_for_the_same_symbol_and_minute_and_starts_at_the_close() -> (
    None
):
    opened = dt.datetime(2026, 11, 30, 14, 30, tzinfo=dt.UTC)
    closes = dt.datetime(2026, 11, 30, 21, 0, tzinfo=dt.UTC)

    def price(symbol: str, at: dt.datetime) -> float:
        return intraday_price(
            symbol=symbol,
            previous_close=200.0,
            daily_volatility=0.02,
            session_open=opened,
            session_close=closes,
            at=at,
        )

    assert price("AAPL", opened) == 200.0
    noon = dt.datetime(2026, 11, 30, 17, 0, 7, tzinfo=dt.UTC)
    assert price("AAPL", noon) == price("AAPL", noon)
    assert price("AAPL", noon) != price("MSFT", noon)
    seen = {price("AAPL", noon + dt.timedelta(seconds=5 * i)) for i in range(12)}
    assert len(seen) > 3  # it moves within a minute, so the demo looks live
    assert all(150 < p < 250 for p in seen)


def test_synthetic_quotes_are_labelled_synthetic_and_only_come_while_the_market_trades(
    aapl: Any,
) -> None:
    [item] = list(watched_for(aapl, MONDAY))
    [quote] = SyntheticQuoteSource().poll([item], MONDAY)
    assert (quote.source, quote.synthetic, quote.previous_close) == ("synthetic", True, 200.0)
    assert SyntheticQuoteSource().poll([item], SUNDAY) == []


def watched_for(asset: Any, now: dt.datetime) -> list[Watched]:
    from stockvis.providers.base import AssetRef, Category

    ref = AssetRef(asset.symbol, asset.exchange, Category(asset.category), asset.currency)
    return [Watched(ref, "synthetic", 200.0, 0)]


# --- what the feed polls -------------------------------------------------------------------


def test_open_sockets_and_holdings_come_first_and_closed_markets_not_at_all(aapl: Any) -> None:
    alice = make_user("alice")
    msft, nvda, ibm = make_asset("MSFT"), make_asset("NVDA"), make_asset("IBM")
    make_asset("BTC-KRW", exchange="24/7", currency="KRW")
    samsung = make_asset("005930", exchange="XKRX", currency="KRW")
    PriceAlert.objects.create(owner=alice, asset=aapl, kind="price_above", threshold=250)
    WatchlistItem.objects.create(watchlist=watchlist_create(owner=alice, name="w"), asset=ibm)
    hold(alice, nvda)
    hold(alice, samsung)  # Seoul is closed at 15:00 UTC
    quotes.sockets_mark(["MSFT", "BTC-KRW"])

    order = [(w.ref.symbol, w.priority) for w in watched_assets(MONDAY)]

    assert order == [("BTC-KRW", 0), ("MSFT", 0), ("NVDA", 1), ("IBM", 2), ("AAPL", 3)]
    assert msft.symbol in dict(order)
    assert [w.ref.symbol for w in watched_assets(SUNDAY)] == ["BTC-KRW"]


# --- publishing ----------------------------------------------------------------------------


def test_sockets_get_at_most_one_update_a_second_and_the_latest_price_wins(
    aapl: Any, tmp_path: Path
) -> None:
    source, clock = ScriptedSource(), Clock()
    feed = feed_with(source, clock, tmp_path)

    async def scenario() -> None:
        socket = WebsocketCommunicator(application, "/ws/stocks/AAPL/", headers=ORIGIN)
        await socket.connect(timeout=5)
        await socket.receive_json_from(timeout=5)
        received = []
        for price in (201.0, 202.0, 203.0, 204.0, 205.0):  # five moves within 0.8 s
            source.prices["AAPL"] = price
            await sync_to_async(feed.run_round)()
            clock.advance(0.2)
        while not await socket.receive_nothing(timeout=0.3):
            received.append(await socket.receive_json_from())
        assert [m["price"] for m in received] == [201.0]
        clock.advance(0.2)  # a second after the first update: the held-back latest goes out
        await sync_to_async(feed.run_round)()
        message = await socket.receive_json_from(timeout=5)
        assert (message["type"], message["price"], message["change"]) == (
            "price_update",
            205.0,
            5.0,
        )
        await socket.disconnect()

    asyncio.run(scenario())


def test_an_unchanged_price_is_not_published_again(aapl: Any, tmp_path: Path) -> None:
    source, clock = ScriptedSource(), Clock()
    feed = feed_with(source, clock, tmp_path)
    quotes.sockets_mark(["AAPL"])
    source.prices["AAPL"] = 201.0
    assert len(feed.run_round().published) == 1
    clock.advance(1.0)
    assert feed.run_round().published == []
    assert quotes.quote_live("AAPL").price == 201.0  # type: ignore[union-attr]


def test_a_live_price_fires_an_alert_once_and_its_owner_hears_of_it_at_once(
    aapl: Any, tmp_path: Path
) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    PriceAlert.objects.create(owner=alice, asset=aapl, kind="price_above", threshold=205)
    source, clock = ScriptedSource(), Clock()
    feed = feed_with(source, clock, tmp_path)

    async def scenario() -> None:
        as_alice = WebsocketCommunicator(
            application, f"/ws/portfolio/?token={token_for(alice)}", headers=ORIGIN
        )
        as_bob = WebsocketCommunicator(
            application, f"/ws/portfolio/?token={token_for(bob)}", headers=ORIGIN
        )
        await as_alice.connect(timeout=5)
        await as_bob.connect(timeout=5)
        await as_alice.receive_json_from(timeout=5)
        await as_bob.receive_json_from(timeout=5)
        for price in (204.0, 206.0, 207.0):
            source.prices["AAPL"] = price
            await sync_to_async(feed.run_round)()
            clock.advance(1.0)
        message = await as_alice.receive_json_from(timeout=5)
        assert message["type"] == "notification"
        assert message["data"]["price"] == "206"
        assert await as_alice.receive_nothing(timeout=0.3)
        assert await as_bob.receive_nothing(timeout=0.3)
        await as_alice.disconnect()
        await as_bob.disconnect()

    asyncio.run(scenario())
    assert Notification.objects.filter(owner=alice).count() == 1


def test_portfolio_values_follow_live_prices_and_go_to_their_owner_only(
    aapl: Any, tmp_path: Path
) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    hold(alice, aapl, 10, "150")
    source, clock = ScriptedSource(), Clock()
    feed = feed_with(source, clock, tmp_path)

    async def scenario() -> None:
        as_alice = WebsocketCommunicator(
            application, f"/ws/portfolio/?token={token_for(alice)}", headers=ORIGIN
        )
        as_bob = WebsocketCommunicator(
            application, f"/ws/portfolio/?token={token_for(bob)}", headers=ORIGIN
        )
        await as_alice.connect(timeout=5)
        await as_bob.connect(timeout=5)
        await as_alice.receive_json_from(timeout=5)
        await as_bob.receive_json_from(timeout=5)
        source.prices["AAPL"] = 210.0
        await sync_to_async(feed.run_round)()
        update = await as_alice.receive_json_from(timeout=5)
        [portfolio] = update["portfolios"]
        assert update["type"] == "portfolio_update"
        assert (portfolio["market_value"], portfolio["day_change"]) == ("2100.00", "100.00")
        assert (portfolio["unrealised_pnl"], portfolio["live_symbols"]) == ("600.00", ["AAPL"])
        assert await as_bob.receive_nothing(timeout=0.3)
        await as_alice.disconnect()
        await as_bob.disconnect()

    asyncio.run(scenario())


# --- intraday bars ---------------------------------------------------------------------------


def test_the_1d_chart_shows_the_intraday_bars_the_feed_built(aapl: Any, tmp_path: Path) -> None:
    source, clock = ScriptedSource(), Clock()
    feed = feed_with(source, clock, tmp_path)
    quotes.sockets_mark(["AAPL"])
    for price in (201.0, 203.0, 199.0, 202.0):
        source.prices["AAPL"] = price
        feed.run_round()
        clock.advance(20)
    feed.run_round()  # flushes the bars (every 5 s)

    with time_machine.travel(clock.now):
        body = Client().get("/api/v1/stocks/api/chart/aapl/?period=1d").json()

    assert (body["type"], body["interval"], body["synthetic"]) == ("intraday", "1m", True)
    assert body["bars"] == [
        {
            "time": int(MONDAY.timestamp()),
            "open": 201.0,
            "high": 203.0,
            "low": 199.0,
            "close": 199.0,
            "volume": 0.0,
        },
        {
            "time": int(MONDAY.timestamp()) + 60,
            "open": 202.0,
            "high": 202.0,
            "low": 202.0,
            "close": 202.0,
            "volume": 0.0,
        },
    ]
    assert IntradayBar.objects.count() == 2
    daily = Client().get("/api/v1/stocks/api/chart/aapl/?period=5d").json()
    assert daily["type"] == "daily"


# --- Alpha Vantage within the feed's budget --------------------------------------------------


@respx.mock
def test_the_alphavantage_source_spends_only_the_feeds_budget(
    settings: Any, aapl: Any, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path  # a fresh limiter state
    settings.ALPHA_VANTAGE_API_KEY = "KEY"
    settings.FEED_ALPHAVANTAGE_CALLS_PER_DAY = 2
    settings.FEED_ALPHAVANTAGE_CALLS_PER_MINUTE = 0
    body = shared_data_path("alpha_vantage", "global_quote").read_bytes()
    route = respx.get(DEFAULT_BASE_URL).mock(return_value=httpx.Response(200, content=body))
    source = AlphaVantageQuoteSource.from_settings()
    assert source is not None
    from stockvis.providers.registry import rate_limiter

    collection_before = rate_limiter().used_today("alphavantage")
    items = list(watched_for(aapl, MONDAY)) * 3

    got = source.poll(items, MONDAY)

    assert route.call_count == 2
    assert [(q.price, q.previous_close, q.synthetic) for q in got] == [(112.13, 112.79, False)] * 2
    assert rate_limiter().used_today("alphavantage") == collection_before
    assert source.poll(items, MONDAY) == []


def test_without_a_feed_budget_alphavantage_is_never_polled(settings: Any) -> None:
    settings.ALPHA_VANTAGE_API_KEY = "KEY"
    settings.FEED_ALPHAVANTAGE_CALLS_PER_DAY = 0
    assert AlphaVantageQuoteSource.from_settings() is None


# --- one feed ------------------------------------------------------------------------------


def test_a_second_feed_waits_while_the_first_leads_and_takes_over_after_it(tmp_path: Path) -> None:
    first, second = FileLeadership(tmp_path / "l"), FileLeadership(tmp_path / "l")
    assert first.hold()
    assert not second.hold()
    first.release()
    assert second.hold()


def test_the_feed_command_runs_a_round(aapl: Any, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("feed", "--once")
    assert "polled" in capsys.readouterr().out


def test_the_feed_loop_stops_on_request(tmp_path: Path) -> None:
    feed = Feed(sources={}, leadership=FileLeadership(tmp_path / "l"), interval=0.2)
    stop = threading.Event()
    runner = threading.Thread(target=feed.run_forever, args=(stop,))
    runner.start()
    stop.set()
    runner.join(timeout=5)
    assert not runner.is_alive()


# --- across processes without Redis ----------------------------------------------------------

SEND_FROM_ANOTHER_PROCESS = """
import django, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.conf import settings
settings.CHANNEL_LAYERS = {"default": {
    "BACKEND": "stockvis.realtime.layers.LocalProcessChannelLayer",
    "CONFIG": {"path": sys.argv[1]}}}
from stockvis.realtime.broadcast import send_user_event
send_user_event(user_id=int(sys.argv[2]), kind="notification", data={"title": "from the worker"})
"""


def test_an_event_sent_by_another_process_reaches_the_socket_without_redis(
    embedded_layer: Path,
) -> None:
    alice = make_user("alice")

    async def scenario() -> None:
        socket = WebsocketCommunicator(
            application, f"/ws/portfolio/?token={token_for(alice)}", headers=ORIGIN
        )
        await socket.connect(timeout=5)
        await socket.receive_json_from(timeout=5)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            SEND_FROM_ANOTHER_PROCESS,
            str(embedded_layer),
            str(alice.pk),
            env=_env(),
        )
        assert await process.wait() == 0
        assert await socket.receive_json_from(timeout=5) == {
            "type": "notification",
            "title": "from the worker",
        }
        await socket.disconnect()

    asyncio.run(scenario())


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "REDIS_URL"}


def test_celery_routes_realtime_work_to_high_collection_to_default_and_analysis_to_low() -> None:
    from config.celery import app

    router = app.amqp.router
    queue = {
        name: router.route({}, name)["queue"].name
        for name in (
            "stockvis.portfolios.tasks.evaluate_price_alerts",
            "stockvis.collector.tasks.collect_assets",
            "stockvis.analysis.tasks.refresh_snapshots",
            "stockvis.ml.tasks.train_models",
        )
    }
    assert queue == {
        "stockvis.portfolios.tasks.evaluate_price_alerts": "high",
        "stockvis.collector.tasks.collect_assets": "default",
        "stockvis.analysis.tasks.refresh_snapshots": "low",
        "stockvis.ml.tasks.train_models": "low",
    }
