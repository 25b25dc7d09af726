"""Benchmark of the portfolio valuation endpoint: 200 holdings and 2,000 transactions via HTTP."""

# Run with `uv run python -m bench.portfolio_api`. A throwaway SQLite database gets the sample
# ledger of `bench.portfolio_valuation` (half USD, half KRW, shuffled, with sells, dividends and
# fees), two closes per symbol and two years of USD-KRW closes; then GET /api/v1/users/portfolios/<id>/valuation/
# is timed through Django's test client with a JWT (routing, auth, queries, the pure core and
# JSON encoding). The baseline is the pure core alone on the same data, already in memory, so the
# ratio shows what reading the database and shaping the response add. The target is checked on
# the steady state, the ledger decoded in the process (as the write that changed it leaves it);
# the first request of a process that has not decoded it yet is printed beside it. All are timed
# in turns (one of each per round). Exits non-zero when the endpoint takes more than TARGET times
# the core.

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The endpoint (routing, auth, queries, the core, encoding) within this many times the core alone.
TARGET = 3.0


def _configure(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["VAR_DIR"] = str(workdir)
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def interleaved_medians_ms(works: list[Callable[[], object]], repeats: int) -> list[float]:
    """Each work's median time, the works called in turns (one of each per round), so a slow
    spell of this shared machine slows all of them alike instead of one block."""
    timings: list[list[float]] = [[] for _ in works]
    for work in works:
        work()  # warm-up: first-call costs are not what a running server pays
    for _ in range(repeats):
        for work, samples in zip(works, timings, strict=True):
            started = time.perf_counter()
            work()
            samples.append((time.perf_counter() - started) * 1000)
    return [statistics.median(samples) for samples in timings]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holdings", type=int, default=200)
    parser.add_argument("--transactions", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        _configure(Path(workdir))
        return _run(args.holdings, args.transactions, args.repeats)


def _run(n_holdings: int, n_transactions: int, repeats: int) -> int:
    import datetime as dt

    from django.core.management import call_command
    from django.db import connection
    from rest_framework.test import APIClient
    from rest_framework_simplejwt.tokens import RefreshToken

    from bench.portfolio_valuation import build_sample_ledger, value_sample
    from stockvis.accounts.models import User
    from stockvis.market.models import Asset, DailyPrice
    from stockvis.portfolios import services
    from stockvis.portfolios.ledger_cache import LEDGERS
    from stockvis.portfolios.models import Portfolio, PortfolioMode, Transaction

    call_command("migrate", verbosity=0)
    sample = build_sample_ledger(n_holdings, n_transactions)
    as_of = sample.as_of
    previous = as_of - dt.timedelta(days=1)

    assets = {
        meta.symbol: Asset(
            symbol=meta.symbol,
            name=meta.symbol,
            category=meta.category,
            market=meta.market,
            exchange="XNYS" if meta.currency == "USD" else "XKRX",
            currency=meta.currency,
            preferred_source="csv",
        )
        for meta in sample.assets.values()
    }
    assets["USD-KRW"] = Asset(
        symbol="USD-KRW",
        name="USD/KRW",
        category="fx",
        market="GLOBAL",
        exchange="24/5",
        currency="KRW",
        preferred_source="csv",
    )
    Asset.objects.bulk_create(assets.values())
    by_symbol = {asset.symbol: asset for asset in Asset.objects.all()}
    bars = []
    for symbol, quote in sample.quotes.items():
        for day, close in ((previous, quote.previous_close), (as_of, quote.last)):
            value = float(close or quote.last)
            bars.append(
                DailyPrice(
                    asset=by_symbol[symbol],
                    date=day,
                    source="csv",
                    open=value,
                    high=value,
                    low=value,
                    close=value,
                    volume=1,
                )
            )
    # The whole USD-KRW history of the sample: costs convert at each transaction's date.
    for day, close in sample.fx.closes["USD/KRW"].items():
        rate = float(close)
        bars.append(
            DailyPrice(
                asset=by_symbol["USD-KRW"],
                date=day,
                source="csv",
                open=rate,
                high=rate,
                low=rate,
                close=rate,
                volume=1,
            )
        )
    DailyPrice.objects.bulk_create(bars)

    user = User.objects.create_user("bench", password=None)
    portfolio = Portfolio.objects.create(
        owner=user, name="Bench", base_currency="KRW", mode=PortfolioMode.LEDGER, is_default=True
    )
    Transaction.objects.bulk_create(
        Transaction(
            portfolio=portfolio,
            asset=by_symbol[tx.symbol],
            kind=tx.kind.value,
            date=tx.date,
            quantity=tx.quantity,
            price=tx.price,
            fee=tx.fee,
            currency=tx.currency,
        )
        for tx in sample.transactions
    )
    services.holdings_rebuild(portfolio=portfolio)

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    url = f"/api/v1/users/portfolios/{portfolio.pk}/valuation/?date={as_of.isoformat()}"

    def get_valuation() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"valuation answered {response.status_code}: {response.content!r}")

    queries: list[str] = []

    def count_query(execute: Any, sql: str, *rest: Any) -> Any:
        queries.append(sql)
        return execute(sql, *rest)

    with connection.execute_wrapper(count_query):
        get_valuation()
    if os.environ.get("BENCH_QUERIES"):
        print("\n".join(q[:160] for q in queries))
    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        cProfile.runctx("for _ in range(5): get_valuation()", globals(), locals(), sort="cumtime")

    def get_valuation_cold() -> None:
        LEDGERS.clear()
        get_valuation()

    endpoint_ms, core_ms, cold_ms = interleaved_medians_ms(
        [get_valuation, lambda: value_sample(sample), get_valuation_cold], repeats
    )
    held = portfolio.holdings.count()
    print(
        f"portfolio valuation endpoint: {held} open holdings of {n_holdings} symbols, "
        f"{len(sample.transactions)} transactions (USD + KRW), base KRW, SQLite, "
        f"median of {repeats} requests"
    )
    print(f"  GET .../valuation/ (JWT, {len(queries)} queries, JSON): {endpoint_ms:8.2f} ms")
    print(f"  baseline (pure core on in-memory data):          {core_ms:8.2f} ms")
    print(
        f"  (the same request with the ledger not decoded in this process yet: {cold_ms:.2f} ms, "
        f"{cold_ms / core_ms:.2f}×)"
    )
    ratio = endpoint_ms / core_ms
    print(f"  ratio endpoint / core:                           {ratio:8.2f}× (target <= {TARGET}×)")
    if ratio > TARGET:
        print("FAILED: the target was missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
