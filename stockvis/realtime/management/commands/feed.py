"""`stockvis feed`: the live quote feed (one per deployment; a second one waits as a standby)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from stockvis.core.heartbeat import HeartbeatThread
from stockvis.realtime.feed.leader import leadership_from_settings
from stockvis.realtime.feed.runner import Feed
from stockvis.realtime.feed.sources import (
    AlphaVantageQuoteSource,
    QuoteSource,
    SyntheticQuoteSource,
)


def feed_sources() -> dict[str, QuoteSource]:
    sources: dict[str, QuoteSource] = {"synthetic": SyntheticQuoteSource()}
    alphavantage = AlphaVantageQuoteSource.from_settings()
    if alphavantage is not None:
        sources["alphavantage"] = alphavantage
    return sources


class Command(BaseCommand):
    help = (
        "Run the live quote feed: while an exchange is in session, poll the quote provider for "
        "the symbols someone watches (open sockets and holdings first, then watchlists and "
        "alerts) within the feed's rate budget, and publish the prices that moved to "
        "/ws/stocks/<symbol>/, intraday bars, live alerts and /ws/portfolio/. Only one feed "
        "leads (a Redis lock with REDIS_URL, else a lock file under VAR_DIR); another waits "
        "and takes over when it dies. Ctrl-C stops it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=settings.FEED_INTERVAL,
            help="Seconds between polls (default FEED_INTERVAL, 1).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Run one round and print what it did."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        feed = Feed(
            sources=feed_sources(),
            leadership=leadership_from_settings(),
            interval=max(0.2, options["interval"]),
        )
        if options["once"]:
            if not feed.leadership.hold():
                self.stdout.write("Another feed is leading; nothing done.")
                return
            result = feed.run_round()
            feed.leadership.release()
            self.stdout.write(
                f"polled {result.polled}, published {len(result.published)}, "
                f"alerts fired {result.alerts_fired}, portfolios pushed {result.portfolios_pushed}"
            )
            return
        stop = threading.Event()
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.stdout.write("Feed started; waiting for the lead if another feed has it.")
        # Readiness (/healthz/ready with "feed" in HEALTH_READY_COMPONENTS) reads this.
        heartbeat = HeartbeatThread("feed", interval=settings.HEARTBEAT_INTERVAL)
        heartbeat.start()
        try:
            feed.run_forever(stop)
        finally:
            heartbeat.stop()
        self.stdout.write("Feed stopped.")
