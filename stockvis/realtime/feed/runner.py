"""The feed loop: while it leads, every interval it polls the watched symbols, publishes the
quotes that moved (at most one a second per symbol), stores them for snapshots and bars,
evaluates live alerts and pushes portfolio values."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import close_old_connections
from django.utils import timezone

from stockvis.realtime import broadcast, quotes, services
from stockvis.realtime.feed.bars import BarBook
from stockvis.realtime.feed.leader import Leadership
from stockvis.realtime.feed.sources import QuoteSource, Watched
from stockvis.realtime.feed.watch import watched_assets
from stockvis.realtime.messages import Coalescer, LiveQuote

logger = logging.getLogger(__name__)

WATCH_REFRESH_SECONDS = 2.0
BAR_FLUSH_SECONDS = 5.0
PRUNE_SECONDS = 3600.0


@dataclass
class RoundResult:
    polled: int = 0
    published: list[LiveQuote] = field(default_factory=list)
    alerts_fired: int = 0
    portfolios_pushed: int = 0


class Feed:
    def __init__(
        self,
        *,
        sources: dict[str, QuoteSource],
        leadership: Leadership,
        interval: float = 1.0,
        publish: Callable[[Iterable[LiveQuote]], None] = broadcast.send_quotes,
        clock: Callable[[], dt.datetime] = timezone.now,
        ticker: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sources = sources
        self.leadership = leadership
        self.interval = interval
        self.publish = publish
        self.clock = clock
        self.ticker = ticker
        self.last: dict[str, LiveQuote] = {}
        self.quotes_out: Coalescer[LiveQuote] = Coalescer(1.0)
        self.portfolios_out: Coalescer[int] = Coalescer(1.0)
        self.bars = BarBook()
        self.watched: list[Watched] = []
        self._watch_at = -1e9
        self._bars_at = -1e9
        self._prune_at = -1e9
        self._skipped: set[str] = set()

    def _refresh_watch(self, now: dt.datetime, tick: float) -> None:
        if tick - self._watch_at >= WATCH_REFRESH_SECONDS:
            self.watched = watched_assets(now)
            self._watch_at = tick

    def poll(self, now: dt.datetime) -> list[LiveQuote]:
        by_source: dict[str, list[Watched]] = defaultdict(list)
        for item in self.watched:
            by_source[item.source].append(item)
        got: list[LiveQuote] = []
        for name, items in by_source.items():
            source = self.sources.get(name)
            if source is None:
                if name not in self._skipped:
                    self._skipped.add(name)
                    logger.info("feed: no live source for %s assets; they keep daily closes", name)
                continue
            got.extend(source.poll(items, now))
        return got

    def run_round(self, tick: float | None = None) -> RoundResult:
        """One poll-and-publish round; ``tick`` is the round's scheduled time on the monotonic
        clock, so rounds an interval apart are a full second apart for the one-a-second rule
        even when a round starts a little late."""
        now = self.clock()
        tick = self.ticker() if tick is None else tick
        self._refresh_watch(now, tick)
        result = RoundResult()
        got = self.poll(now)
        result.polled = len(got)
        moved = [q for q in got if q.moved_from(self.last.get(q.symbol))]
        for quote in got:
            self.last[quote.symbol] = quote
        outgoing = self.quotes_out.due(tick)
        for quote in moved:
            if self.quotes_out.offer(quote.symbol, quote, tick) is not None:
                outgoing.append(quote)
        if outgoing:
            self.publish(outgoing)
            result.published = outgoing
        if moved:
            quotes.quotes_store(moved)
            for quote in moved:
                self.bars.add(quote)
            result.alerts_fired = services.live_alerts_evaluate(moved=moved, now=now)
        result.portfolios_pushed = services.portfolios_push(
            moved_symbols=[q.symbol for q in moved],
            coalescer=self.portfolios_out,
            now=now,
            tick=tick,
        )
        if tick - self._bars_at >= BAR_FLUSH_SECONDS:
            services.bars_store(bars=self.bars.take_changed())
            self._bars_at = tick
        if tick - self._prune_at >= PRUNE_SECONDS:
            services.bars_prune(now=now)
            self._prune_at = tick
        return result

    def run_forever(self, stop: threading.Event, *, wait_seconds: float = 2.0) -> None:
        leading = standing_by = False
        scheduled = self.ticker()
        while not stop.is_set():
            try:
                if not self.leadership.hold():
                    if leading or not standing_by:
                        logger.info("feed: another feed leads; standing by to take over")
                    leading, standing_by = False, True
                    stop.wait(wait_seconds)
                    scheduled = self.ticker()
                    continue
                if not leading:
                    logger.info("feed: leading; polling every %.1f s", self.interval)
                    leading = True
                close_old_connections()
                self.run_round(scheduled)
            except Exception:  # one bad round (provider, database) must not end the feed
                logger.exception("feed: round failed")
            scheduled += self.interval
            late = self.ticker() - scheduled
            if late > self.interval:  # a slow round: skip the missed slots instead of bursting
                scheduled += self.interval * int(late // self.interval)
            stop.wait(max(0.0, scheduled - self.ticker()))
        services.bars_store(bars=self.bars.take_changed())
        self.leadership.release()
