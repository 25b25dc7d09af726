import datetime as dt

import pytest

from stockvis.core.calendars import sessions_between
from stockvis.providers.base import AssetRef, Category, ProviderError, StatementKind
from stockvis.providers.synthetic import SyntheticProvider
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL, DEMO_UNIVERSE

TODAY = dt.date(2026, 11, 22)


def ref(symbol: str) -> AssetRef:
    demo = DEMO_BY_SYMBOL[symbol]
    return AssetRef(symbol, demo.exchange, demo.category, demo.currency)


def test_the_demo_universe_spans_markets_and_categories() -> None:
    categories = {d.category for d in DEMO_UNIVERSE}
    assert 18 <= len(DEMO_UNIVERSE) <= 22
    assert categories == set(Category)
    assert {d.market for d in DEMO_UNIVERSE} >= {"US", "KR"}
    assert "USD-KRW" in DEMO_BY_SYMBOL


def test_a_bar_is_the_same_whatever_range_is_asked_for() -> None:
    provider = SyntheticProvider()
    long = provider.daily_prices(ref("AAPL"), dt.date(2024, 1, 1), TODAY).set_index("date")
    short = provider.daily_prices(
        ref("AAPL"), dt.date(2026, 11, 2), dt.date(2026, 11, 13)
    ).set_index("date")
    assert len(short) == 10
    assert short.equals(long.loc[short.index])


@pytest.mark.parametrize(
    ("symbol", "exchange"),
    [("AAPL", "XNYS"), ("005930", "XKRX"), ("BTC-KRW", "24/7"), ("USD-KRW", "24/5")],
)
def test_bars_fall_exactly_on_the_exchange_sessions(symbol: str, exchange: str) -> None:
    frame = SyntheticProvider().daily_prices(ref(symbol), dt.date(2025, 1, 1), TODAY)
    assert [ts.date() for ts in frame["date"]] == sessions_between(
        exchange, dt.date(2025, 1, 1), TODAY
    )


def test_bars_are_sane_and_priced_in_the_right_currency() -> None:
    provider = SyntheticProvider()
    for demo in DEMO_UNIVERSE:
        frame = provider.daily_prices(ref(demo.symbol), dt.date(2023, 11, 22), TODAY)
        assert (frame["high"] >= frame[["open", "close"]].max(axis=1)).all(), demo.symbol
        assert (frame["low"] <= frame[["open", "close"]].min(axis=1)).all(), demo.symbol
        assert (frame["low"] > 0).all()
        assert (frame["volume"] >= 0).all()
        # Plausible levels: within a factor of five of the configured level over three years.
        assert demo.level / 5 < frame["close"].iloc[-1] < demo.level * 5, demo.symbol
    samsung = provider.daily_prices(ref("005930"), dt.date(2026, 11, 1), TODAY)
    assert (samsung["close"] == samsung["close"].round()).all()  # whole won


def test_statements_balance_assets_against_liabilities_plus_equity() -> None:
    reports = SyntheticProvider().statements(ref("MSFT"), StatementKind.BALANCE_SHEET, today=TODAY)
    assert {r.period_type for r in reports} == {"annual", "quarterly"}
    for report in reports:
        v = report.values
        assert v["total_assets"] == v["total_liabilities"] + v["total_shareholder_equity"]


def test_weekly_bars_aggregate_the_daily_ones() -> None:
    provider = SyntheticProvider()
    daily = provider.daily_prices(ref("AAPL"), dt.date(2026, 11, 9), dt.date(2026, 11, 13))
    weekly = provider.weekly_prices(ref("AAPL"), dt.date(2026, 11, 9), dt.date(2026, 11, 13))
    assert len(weekly) == 1
    week = weekly.iloc[0]
    assert week["open"] == daily["open"].iloc[0]
    assert week["close"] == daily["close"].iloc[-1]
    assert week["high"] == daily["high"].max()
    assert week["volume"] == daily["volume"].sum()


def test_symbols_outside_the_demo_universe_are_refused_permanently() -> None:
    with pytest.raises(ProviderError) as caught:
        SyntheticProvider().describe_asset("ZZZZ")
    assert caught.value.permanent


@pytest.mark.parametrize("symbol", ["IBM", "AAPL", "005930"])
def test_the_three_statements_of_a_period_agree_with_each_other(symbol: str) -> None:
    provider = SyntheticProvider()

    def by_period(kind: StatementKind) -> dict[tuple[str, dt.date], dict[str, int | None]]:
        reports = provider.statements(ref(symbol), kind, today=TODAY)
        return {(r.period_type, r.fiscal_date_ending): r.values for r in reports}

    income = by_period(StatementKind.INCOME_STATEMENT)
    cash = by_period(StatementKind.CASH_FLOW)
    assert income.keys() == cash.keys()
    for period, values in income.items():
        assert cash[period]["net_income"] == values["net_income"], period
        assert (
            cash[period]["depreciation_depletion_and_amortization"]
            == (values["depreciation_and_amortization"])
        )
        operating = cash[period]["operating_cashflow"]
        assert operating is not None
        assert values["total_revenue"] is not None
        # Net income plus depreciation, moved by at most 5 % of revenue of working capital.
        expected = (values["net_income"] or 0) + (values["depreciation_and_amortization"] or 0)
        assert abs(operating - expected) <= 0.05 * values["total_revenue"] + 1
