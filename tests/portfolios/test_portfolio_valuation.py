"""Smoke tests of the portfolio valuation benchmark, so it cannot rot between runs."""

from __future__ import annotations

from bench.portfolio_valuation import bare_decimal_baseline, build_sample_ledger, value_sample
from stockvis.portfolios.ledger import positions_from_ledger


def test_the_sample_ledger_has_the_asked_size_in_two_currencies_and_is_reproducible() -> None:
    sample = build_sample_ledger(n_holdings=20, n_transactions=200, seed=3)
    assert len(sample.transactions) == 200
    assert len(positions_from_ledger(sample.transactions)) == 20
    assert {tx.currency for tx in sample.transactions} == {"USD", "KRW"}
    assert build_sample_ledger(n_holdings=20, n_transactions=200, seed=3) == sample


def test_the_measured_work_agrees_with_the_baseline_on_the_total_value() -> None:
    sample = build_sample_ledger(n_holdings=20, n_transactions=200, seed=3)
    shares = value_sample(sample, "KRW")
    assert sum(bucket.value for bucket in shares.by_asset) == bare_decimal_baseline(sample)
