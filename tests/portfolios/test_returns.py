"""Tests of the reconstructed value history and of simple and time-weighted returns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from stockvis.portfolios.ledger import Transaction, TransactionKind
from stockvis.portfolios.returns import (
    ValuePoint,
    external_cash_flow,
    simple_return_pct,
    time_weighted_return_pct,
    value_history,
)
from stockvis.portfolios.valuation import FxRates, MissingFxRate

D = Decimal
day = dt.date.fromisoformat


def tx(
    kind: str, on: str, symbol: str, qty: str, price: str, currency: str = "USD", fee: str = "0"
) -> Transaction:
    return Transaction(TransactionKind(kind), day(on), symbol, D(qty), D(price), currency, D(fee))


def closes(**by_date: str) -> dict[dt.date, Decimal]:
    # closes(d20240301="100") → {2024-03-01: 100}
    return {dt.datetime.strptime(key, "d%Y%m%d").date(): D(value) for key, value in by_date.items()}


NO_FX = FxRates({})

# Buy 10 @ 100 on Monday (1,000 in); up to 110 on Tuesday; buy 10 more @ 110 on Wednesday
# (1,100 in); down to 99 on Thursday. Closes: 100, 110, 110, 99.
DEPOSIT_LEDGER = [
    tx("buy", "2024-03-04", "XYZ", "10", "100"),
    tx("buy", "2024-03-06", "XYZ", "10", "110"),
]
DEPOSIT_PRICES = {"XYZ": closes(d20240304="100", d20240305="110", d20240306="110", d20240307="99")}


def test_a_mid_period_deposit_makes_simple_return_and_twr_differ() -> None:
    points = value_history(
        DEPOSIT_LEDGER, DEPOSIT_PRICES, base_currency="USD", fx=NO_FX, end=day("2024-03-07")
    )
    assert [(p.total_value, p.net_cash_flow) for p in points] == [
        (D(1000), D(1000)),
        (D(1100), D(0)),
        (D(2200), D(1100)),
        (D(1980), D(0)),
    ]
    # TWR from Monday's close: Tue 1100 / 1000 − 1 = +10 %; Wed (2200 − 1100) / 1100 − 1 = 0 %;
    # Thu 1980 / 2200 − 1 = −10 %. Chained: 1.10 × 1.00 × 0.90 − 1 = −1 %.
    assert time_weighted_return_pct(points) == D(-1)
    # Simple: gain 1980 − 1000 − 1100 = −120 on capital 1000 + 1100 = 2100: −5.714…%.
    # The deposit arrived just before the fall, so money-weighted results look worse.
    assert simple_return_pct(points) == D("-5.714285714285714285714285714285714")


def test_starting_the_day_before_the_first_trade_counts_the_first_days_move() -> None:
    # Bought 10 @ 98, closed at 100: the first day earns 1000 / 980 − 1, then +10 %, 0 %, −10 %.
    # TWR = 1000 / 980 × 1.10 × 0.90 − 1 = 990 / 980 − 1 = 1.0204…%.
    ledger = [tx("buy", "2024-03-04", "XYZ", "10", "98"), DEPOSIT_LEDGER[1]]
    points = value_history(
        ledger,
        DEPOSIT_PRICES,
        base_currency="USD",
        fx=NO_FX,
        start=day("2024-03-03"),
        end=day("2024-03-07"),
    )
    assert points[0].total_value == 0
    assert time_weighted_return_pct(points) == D("1.020408163265306122448979591836700")


def test_days_without_a_bar_or_a_rate_carry_the_last_close_forward() -> None:
    # 2 AAPL @ 100 on Friday at 1,300 KRW/USD: 260,000 KRW. The weekend repeats Friday.
    # Monday: close 105 at 1,320: value 210 × 1320 = 277,200; the cost stays what was paid,
    # 200 × 1300 = 260,000; pnl 17,200 = 6.615…% of cost, the dollar's rise included.
    points = value_history(
        [tx("buy", "2024-03-01", "AAPL", "2", "100")],
        {"AAPL": closes(d20240301="100", d20240304="105")},
        base_currency="KRW",
        fx=FxRates.usd_krw(closes(d20240301="1300", d20240304="1320")),
        end=day("2024-03-04"),
    )
    assert [p.date for p in points] == [day("2024-03-0" + str(n)) for n in range(1, 5)]
    assert [p.total_value for p in points] == [D(260000)] * 3 + [D(277200)]
    monday = points[-1]
    assert (monday.total_cost, monday.pnl) == (D(260000), D(17200))
    assert monday.pnl_pct == D("6.615384615384615384615384615384615")
    assert [p.net_cash_flow for p in points] == [D(260000), 0, 0, 0]


def test_a_holding_bought_before_its_first_bar_is_valued_at_cost() -> None:
    points = value_history(
        [tx("buy", "2024-03-01", "005930", "3", "70000", "KRW")],
        {"005930": closes(d20240302="71000")},
        base_currency="KRW",
        fx=NO_FX,
        end=day("2024-03-02"),
    )
    assert [p.total_value for p in points] == [D(210000), D(213000)]


def test_sales_dividends_and_fees_are_external_flows_with_their_fees() -> None:
    assert external_cash_flow(tx("buy", "2024-03-01", "X", "2", "10", fee="1")) == D(21)
    assert external_cash_flow(tx("sell", "2024-03-01", "X", "2", "10", fee="1")) == D(-19)
    assert external_cash_flow(tx("dividend", "2024-03-01", "X", "2", "0.5", fee="0.15")) == D(
        "-0.85"
    )
    assert external_cash_flow(tx("fee", "2024-03-01", "X", "0", "0", fee="3")) == D(3)


def test_a_dividend_counts_as_return_even_though_it_leaves_the_holdings() -> None:
    # Buy 10 @ 100, flat price; a dividend of 10 × 1 paid on day two: TWR (1000 + 10) / 1000 − 1.
    points = value_history(
        [
            tx("buy", "2024-03-04", "XYZ", "10", "100"),
            tx("dividend", "2024-03-05", "XYZ", "10", "1"),
        ],
        {"XYZ": closes(d20240304="100")},
        base_currency="USD",
        fx=NO_FX,
        end=day("2024-03-05"),
    )
    assert time_weighted_return_pct(points) == D(1)
    assert simple_return_pct(points) == D(1)


def test_selling_everything_withdraws_the_proceeds_and_leaves_nothing_at_risk() -> None:
    # 10 @ 100, up to 110, sold at 110 (1,100 out), then a day with nothing held.
    points = value_history(
        [
            tx("buy", "2024-03-04", "XYZ", "10", "100"),
            tx("sell", "2024-03-05", "XYZ", "10", "110"),
        ],
        {"XYZ": closes(d20240304="100", d20240305="110")},
        base_currency="USD",
        fx=NO_FX,
        end=day("2024-03-06"),
    )
    assert [(p.total_value, p.net_cash_flow) for p in points] == [
        (D(1000), D(1000)),
        (D(0), D(-1100)),
        (D(0), D(0)),
    ]
    assert points[-1].pnl_pct is None
    # (0 − (−1100)) / 1000 − 1 = +10 %; the empty day adds nothing.
    assert time_weighted_return_pct(points) == D(10)
    assert simple_return_pct(points) == D(10)


def test_a_history_with_no_usable_fx_rate_names_the_pair() -> None:
    with pytest.raises(MissingFxRate, match="no USD/KRW exchange rate on or before 2024-03-01"):
        value_history(
            [tx("buy", "2024-03-01", "AAPL", "1", "100")],
            {},
            base_currency="KRW",
            fx=FxRates.usd_krw(closes(d20240304="1320")),
            end=day("2024-03-01"),
        )


def test_transactions_before_the_start_set_the_opening_positions_without_a_flow() -> None:
    points = value_history(
        DEPOSIT_LEDGER,
        DEPOSIT_PRICES,
        base_currency="USD",
        fx=NO_FX,
        start=day("2024-03-05"),
        end=day("2024-03-05"),
    )
    assert [(p.total_value, p.total_cost, p.net_cash_flow) for p in points] == [
        (D(1100), D(1000), D(0))
    ]


def test_no_returns_without_two_points_or_capital() -> None:
    assert value_history([], {}, base_currency="USD", fx=NO_FX, end=day("2024-03-01")) == []
    empty = ValuePoint(day("2024-03-01"), D(0), D(0), D(0), None, D(0))
    assert time_weighted_return_pct([empty]) is None
    assert simple_return_pct([empty]) is None
    assert time_weighted_return_pct([empty, empty]) is None
    assert simple_return_pct([empty, empty]) is None


def test_a_value_point_is_rounded_only_for_display() -> None:
    point = ValuePoint(
        day("2024-03-01"), D("1234.567"), D("1000"), D("234.567"), D("23.4567"), D(0)
    )
    assert point.to_display("USD") == {
        "date": day("2024-03-01"),
        "total_value": D("1234.57"),
        "total_cost": D("1000.00"),
        "pnl": D("234.57"),
        "pnl_pct": D("23.46"),
        "net_cash_flow": D("0.00"),
    }
    assert point.to_display("KRW")["total_value"] == D(1235)
