"""Benchmark of the pure portfolio core: ledger → positions, valuation and allocation."""

# Run with `uv run python -m bench.portfolio_valuation`. The baseline is the bare average-cost
# arithmetic on the same transactions in one plain loop (no dataclasses, no validation; the
# base-currency cost at each transaction's rate read straight from a dict), so the ratio shows what
# the core's structure and checks cost on top of the Decimal work itself.

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, localcontext

from stockvis.portfolios.ledger import PRECISE, Transaction, TransactionKind
from stockvis.portfolios.valuation import (
    Allocation,
    AssetMeta,
    FxRates,
    PriceQuote,
    allocation,
    positions_in_base,
    value_portfolio,
)

AS_OF = dt.date(2025, 6, 30)
USD_KRW = Decimal("1350.00")


@dataclass(frozen=True)
class SamplePortfolio:
    """Everything one valuation needs: a ledger plus the market data of its symbols."""

    transactions: list[Transaction]
    assets: dict[str, AssetMeta]
    quotes: dict[str, PriceQuote]
    fx: FxRates
    as_of: dt.date


def _money(rng: random.Random, currency: str, low: int, high: int) -> Decimal:
    # US prices in cents, Korean prices in whole won, as the exchanges quote them.
    if currency == "USD":
        return Decimal(rng.randint(low * 100, high * 100)).scaleb(-2)
    return Decimal(rng.randint(low, high))


def build_sample_ledger(
    n_holdings: int = 200, n_transactions: int = 2000, seed: int = 7
) -> SamplePortfolio:
    """A deterministic portfolio: half US stocks in USD, half Korean stocks in KRW.

    Each symbol opens with a buy, then mixes buys, partial sells, dividends and fees on strictly
    increasing dates (so it never oversells); the ledger comes back shuffled, as a database would
    return it without an ORDER BY.
    """
    if n_transactions < n_holdings:
        raise ValueError("need at least one transaction per holding")
    rng = random.Random(seed)
    transactions: list[Transaction] = []
    assets: dict[str, AssetMeta] = {}
    quotes: dict[str, PriceQuote] = {}
    start = AS_OF - dt.timedelta(days=730)
    for index in range(n_holdings):
        is_us = index % 2 == 0
        currency = "USD" if is_us else "KRW"
        symbol = f"US{index:04d}" if is_us else f"{index:06d}"
        low, high = (10, 500) if is_us else (5_000, 500_000)
        category = "stock" if index % 5 else "etf"
        assets[symbol] = AssetMeta(symbol, currency, category, "US" if is_us else "KR")
        count = n_transactions // n_holdings + (index < n_transactions % n_holdings)
        days = sorted(rng.sample(range(700), count))
        held = 0
        for offset in days:
            on = start + dt.timedelta(days=offset)
            roll = rng.random()
            fee = _money(rng, currency, 0, 2 if is_us else 2_000)
            price = _money(rng, currency, low, high)
            if held == 0 or roll < 0.55:
                quantity = rng.randint(1, 50)
                held += quantity
                kind = TransactionKind.BUY
            elif roll < 0.75:
                quantity = rng.randint(1, max(1, held // 2))
                held -= quantity
                kind = TransactionKind.SELL
            elif roll < 0.90:
                quantity, price = held, _money(rng, currency, 0, 3 if is_us else 3_000)
                kind = TransactionKind.DIVIDEND
            else:
                quantity, price = 0, Decimal(0)
                kind = TransactionKind.FEE
            transactions.append(
                Transaction(kind, on, symbol, Decimal(quantity), price, currency, fee)
            )
        last = _money(rng, currency, low, high)
        quotes[symbol] = PriceQuote(symbol, last, last * Decimal("0.99"))
    rng.shuffle(transactions)
    # A daily USD/KRW close over the whole ledger (costs convert at their transaction's date),
    # ending at USD_KRW on the valuation day.
    closes = {
        start + dt.timedelta(days=offset): USD_KRW + rng.randint(-800, 800) / Decimal(10)
        for offset in range(730)
    }
    fx = FxRates.usd_krw({**closes, AS_OF: USD_KRW})
    return SamplePortfolio(transactions, assets, quotes, fx, AS_OF)


def value_sample(sample: SamplePortfolio, base_currency: str = "KRW") -> Allocation:
    """The measured work: ledger → positions, valuation, allocation."""
    positions = positions_in_base(sample.transactions, base_currency=base_currency, fx=sample.fx)
    valuation = value_portfolio(
        positions.values(),
        quotes=sample.quotes,
        assets=sample.assets,
        base_currency=base_currency,
        fx=sample.fx,
        as_of=sample.as_of,
    )
    return allocation(valuation)


def bare_decimal_baseline(sample: SamplePortfolio) -> Decimal:
    """The same average-cost arithmetic in one plain loop: the floor the core is compared with."""
    rate = USD_KRW
    closes = sample.fx.closes["USD/KRW"]
    with localcontext(PRECISE):
        state: dict[str, list[Decimal]] = {}
        for tx in sorted(sample.transactions, key=lambda t: t.date):
            quantity, cost, realised, base_cost = state.setdefault(
                tx.symbol, [Decimal(0), Decimal(0), Decimal(0), Decimal(0)]
            )
            day_rate = closes[tx.date] if tx.currency == "USD" else Decimal(1)
            if tx.kind is TransactionKind.BUY:
                quantity += tx.quantity
                cost += tx.quantity * tx.price
                base_cost += tx.quantity * tx.price * day_rate
            elif tx.kind is TransactionKind.SELL:
                released = cost * tx.quantity / quantity
                base_cost -= base_cost * tx.quantity / quantity
                realised += tx.quantity * tx.price - released
                quantity -= tx.quantity
                cost -= released
            realised -= tx.fee
            state[tx.symbol] = [quantity, cost, realised, base_cost]
        total = Decimal(0)
        for symbol, (quantity, _cost, _realised, _base_cost) in state.items():
            value = quantity * sample.quotes[symbol].last
            total += value * rate if sample.assets[symbol].currency == "USD" else value
        return total


def median_ms(work: Callable[[], object], repeats: int) -> float:
    work()  # warm-up: first-call costs are not what a running server pays
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holdings", type=int, default=200)
    parser.add_argument("--transactions", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    sample = build_sample_ledger(args.holdings, args.transactions, args.seed)
    core_ms = median_ms(lambda: value_sample(sample), args.repeats)
    baseline_ms = median_ms(lambda: bare_decimal_baseline(sample), args.repeats)
    print(
        f"portfolio valuation: {args.holdings} holdings, {len(sample.transactions)} transactions "
        f"(USD + KRW), base KRW, median of {args.repeats} runs"
    )
    print(f"  ledger → positions + valuation + allocation: {core_ms:8.2f} ms")
    print(f"  baseline (bare Decimal average-cost loop):    {baseline_ms:8.2f} ms")
    print(f"  ratio core / baseline:                        {core_ms / baseline_ms:8.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
