"""Tests of portfolio valuation, FX conversion, display rounding and allocation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stockvis.portfolios.ledger import Position, Transaction, TransactionKind
from stockvis.portfolios.valuation import (
    BASE_CURRENCY_FORMULAS,
    AssetMeta,
    FxRates,
    MissingFxRate,
    PortfolioValuation,
    PriceQuote,
    ValuationError,
    allocation,
    display_money,
    positions_in_base,
    value_portfolio,
)

D = Decimal
AS_OF = dt.date(2024, 5, 2)
# The same 1,350 since before the first trade, so these figures are those of a flat dollar; the
# currency tests below move it.
FX = FxRates.usd_krw({dt.date(2023, 12, 29): D("1350.00"), AS_OF: D("1350.00")})
ASSETS = {
    "AAPL": AssetMeta("AAPL", "USD", "stock", "US"),
    "005930": AssetMeta("005930", "KRW", "stock", "KR"),
    "BTC-KRW": AssetMeta("BTC-KRW", "KRW", "crypto", "CRYPTO"),
}
QUOTES = {
    "AAPL": PriceQuote("AAPL", D("175.00"), D("172.50")),
    "005930": PriceQuote("005930", D(77000), D(78000)),
    "BTC-KRW": PriceQuote("BTC-KRW", D(90000000), None),
}


def tx(
    kind: str, day: str, symbol: str, qty: str, price: str, currency: str, fee: str = "0"
) -> Transaction:
    return Transaction(
        TransactionKind(kind),
        dt.date.fromisoformat(day),
        symbol,
        D(qty),
        D(price),
        currency,
        D(fee),
    )


# A US stock with a sale, a dividend and fees, and a Korean stock with a fee transaction.
# AAPL:   buy 10 @ 150 (fee 1), buy 10 @ 170 (fee 1) → 20 held, cost 3200, average 160;
#         sell 5 @ 180 (fee 1.50) → realised 100 − 1.50; dividend 15 × 0.24 = 3.60 (tax 0.54).
#         realised = −1 − 1 + 100 − 1.50 − 0.54 = 95.96 USD; 15 held, cost 2400.
# 005930: buy 10 @ 70,000 (fee 150), buy 20 @ 73,000 (fee 300), custody fee 1,000
#         → 30 held, cost 2,160,000 KRW, average 72,000; realised −1,450 KRW.
LEDGER = [
    tx("buy", "2024-01-02", "AAPL", "10", "150.00", "USD", "1.00"),
    tx("buy", "2024-01-03", "005930", "10", "70000", "KRW", "150"),
    tx("buy", "2024-02-01", "AAPL", "10", "170.00", "USD", "1.00"),
    tx("buy", "2024-02-05", "005930", "20", "73000", "KRW", "300"),
    tx("sell", "2024-03-01", "AAPL", "5", "180.00", "USD", "1.50"),
    tx("dividend", "2024-03-15", "AAPL", "15", "0.24", "USD", "0.54"),
    tx("fee", "2024-04-01", "005930", "0", "0", "KRW", "1000"),
]


def in_base(base_currency: str, transactions: list[Transaction] = LEDGER) -> list[Position]:
    return list(positions_in_base(transactions, base_currency=base_currency, fx=FX).values())


def value(base_currency: str, positions: list[Position] | None = None) -> PortfolioValuation:
    held = in_base(base_currency) if positions is None else positions
    return value_portfolio(
        held, quotes=QUOTES, assets=ASSETS, base_currency=base_currency, fx=FX, as_of=AS_OF
    )


def test_two_currencies_are_valued_in_krw_at_the_usd_krw_close() -> None:
    valuation = value("KRW")
    aapl, samsung = valuation.holdings

    # AAPL in USD: value 15 × 175 = 2625; unrealised 2625 − 2400 = 225 = 9.375 % of cost;
    # day change (175 − 172.50) × 15 = 37.50, of yesterday's 2587.50 = 1.4492…%.
    assert aapl.local.currency == "USD"
    assert aapl.local.market_value == D("2625.00")
    assert aapl.local.cost == D(2400)
    assert aapl.local.unrealised_pnl == D(225)
    assert aapl.local.unrealised_pnl_pct == D("9.375")
    assert aapl.local.day_change == D("37.50")
    assert aapl.local.realised_pnl == D("95.96")
    assert aapl.local.dividends == D("3.60")

    # AAPL in KRW at 1,350: value 3,543,750; cost 3,240,000; unrealised 303,750;
    # realised 95.96 × 1350 = 129,546; dividends 4,860; day change 50,625.
    assert aapl.base.currency == "KRW"
    assert aapl.base.market_value == D(3543750)
    assert aapl.base.cost == D(3240000)
    assert aapl.base.unrealised_pnl == D(303750)
    assert aapl.base.realised_pnl == D(129546)
    assert aapl.base.dividends == D(4860)
    assert aapl.base.day_change == D(50625)
    assert aapl.base.unrealised_pnl_pct == D("9.375")

    # 005930 is already in KRW: value 30 × 77,000 = 2,310,000; unrealised 150,000;
    # day change (77,000 − 78,000) × 30 = −30,000; realised −1,450.
    assert samsung.base == samsung.local
    assert samsung.base.market_value == D(2310000)
    assert samsung.base.unrealised_pnl == D(150000)
    assert samsung.base.day_change == D(-30000)
    assert samsung.base.realised_pnl == D(-1450)

    # Totals: value 5,853,750; cost 5,400,000; unrealised 453,750 = 8.4027…%;
    # realised 129,546 − 1,450 = 128,096; day change 20,625 of 5,833,125 = 0.3535…%.
    total = valuation.total
    assert total.market_value == D(5853750)
    assert total.cost == D(5400000)
    assert total.unrealised_pnl == D(453750)
    assert total.realised_pnl == D(128096)
    assert total.dividends == D(4860)
    assert total.day_change == D(20625)

    display = total.to_display()
    assert display["unrealised_pnl_pct"] == D("8.40")
    assert display["day_change_pct"] == D("0.35")
    # Weights: 3,543,750 / 5,853,750 = 60.538…% and 2,310,000 / 5,853,750 = 39.461…%.
    assert [h.to_display()["weight_pct"] for h in valuation.holdings] == [D("60.54"), D("39.46")]


def test_the_same_portfolio_valued_in_usd_divides_krw_by_the_rate() -> None:
    valuation = value("USD")
    aapl, samsung = valuation.holdings
    assert aapl.base == aapl.local

    # 005930 in USD: 2,310,000 / 1350 = 1711.11…; cost 2,160,000 / 1350 = 1600;
    # realised −1450 / 1350 = −1.07…; day change −30,000 / 1350 = −22.22….
    assert samsung.base.cost == D(1600)
    shown = samsung.base.to_display()
    assert shown["market_value"] == D("1711.11")
    assert shown["unrealised_pnl"] == D("111.11")
    assert shown["realised_pnl"] == D("-1.07")
    assert shown["day_change"] == D("-22.22")

    # Totals: 2625 + 1711.11… = 4336.11; cost 2400 + 1600 = 4000; realised 95.96 − 1.07… =
    # 94.89; day change 37.50 − 22.22… = 15.28; the percentages are those of the KRW view.
    total = valuation.total.to_display()
    assert total == {
        "currency": "USD",
        "market_value": D("4336.11"),
        "cost": D("4000.00"),
        "unrealised_pnl": D("336.11"),
        "unrealised_pnl_pct": D("8.40"),
        "price_effect": D("336.11"),
        "currency_effect": D("0.00"),  # the dollar stayed at 1,350 throughout
        "realised_pnl": D("94.89"),
        "dividends": D("3.60"),
        "day_change": D("15.28"),
        "day_change_pct": D("0.35"),
    }


BOUGHT, VALUED = dt.date(2024, 3, 4), dt.date(2024, 5, 2)
WON_FELL = FxRates.usd_krw({BOUGHT: D(1300), dt.date(2024, 5, 1): D(1300), VALUED: D(1350)})
SAMSUNG_BUY = [tx("buy", "2024-03-04", "005930", "10", "70000", "KRW")]


def usd_view_of_samsung(quote: PriceQuote, fx: FxRates = WON_FELL) -> PortfolioValuation:
    positions = list(positions_in_base(SAMSUNG_BUY, base_currency="USD", fx=fx).values())
    return value_portfolio(
        positions, quotes={"005930": quote}, assets=ASSETS, base_currency="USD", fx=fx, as_of=VALUED
    )


def test_a_krw_holding_bought_at_1300_and_valued_at_1350_counts_the_currency_move() -> None:
    # 10 × 70,000 = 700,000 KRW paid at 1,300 KRW/USD: 538.46 USD really paid. Now worth
    # 10 × 72,000 = 720,000 KRW at 1,350: 533.33 USD, a loss in dollars although the price rose.
    valuation = usd_view_of_samsung(PriceQuote("005930", D(72000), D(72000), dt.date(2024, 5, 1)))
    samsung = valuation.holdings[0].base.to_display()
    assert samsung["cost"] == D("538.46")
    assert samsung["market_value"] == D("533.33")
    assert samsung["unrealised_pnl"] == D("-5.13")
    # Price effect: the 20,000 KRW gain at today's rate, 14.81; currency effect: the cost at
    # today's rate against what was paid, 518.52 − 538.46 = −19.94. Together the P&L.
    assert samsung["price_effect"] == D("14.81")
    assert samsung["currency_effect"] == D("-19.94")
    holding = valuation.holdings[0].base
    assert abs(holding.price_effect + holding.currency_effect - holding.unrealised_pnl) < D("1e-25")
    assert valuation.total.currency_effect == holding.currency_effect
    # The asset's own currency has no currency effect.
    assert valuation.holdings[0].local.currency_effect == 0
    assert valuation.holdings[0].local.price_effect == D(20000)


def test_the_usd_day_change_is_the_change_of_the_usd_value() -> None:
    # The price rose 1,000 KRW (71,000 → 72,000) while the dollar went from 1,300 to 1,350: in USD
    # the holding went from 710,000 / 1,300 = 546.15 to 720,000 / 1,350 = 533.33, a fall.
    valuation = usd_view_of_samsung(PriceQuote("005930", D(72000), D(71000), dt.date(2024, 5, 1)))
    holding = valuation.holdings[0]
    assert holding.local.day_change == D(10000)
    shown = holding.base.to_display()
    assert shown["day_change"] == D("-12.82")
    assert shown["day_change_pct"] == D("-2.35")  # −12.82 / 546.15
    assert valuation.total.day_change == holding.base.day_change


def test_the_previous_close_converts_at_the_rate_of_its_own_day_carried_forward() -> None:
    # Friday's close (no rate that day) uses Thursday's 1,300; Monday's value uses Monday's 1,350.
    thursday, friday, monday = dt.date(2024, 4, 25), dt.date(2024, 4, 26), dt.date(2024, 4, 29)
    fx = FxRates.usd_krw({BOUGHT: D(1300), thursday: D(1300), monday: D(1350), VALUED: D(1350)})
    valuation = usd_view_of_samsung(PriceQuote("005930", D(72000), D(72000), friday), fx)
    # 720,000 / 1,350 − 720,000 / 1,300 = 533.33 − 553.85
    assert valuation.holdings[0].base.to_display()["day_change"] == D("-20.51")


def test_a_sale_realises_in_the_base_currency_at_the_rates_of_its_dates() -> None:
    # Buy 10 @ 70,000 at 1,300 (538.46 USD), sell 5 @ 75,000 at 1,250: proceeds 300 USD against
    # half the dollar cost, 269.23: realised 30.77 USD. The remaining cost is the other half.
    fx = FxRates.usd_krw({BOUGHT: D(1300), dt.date(2024, 4, 1): D(1250), VALUED: D(1350)})
    ledger = [*SAMSUNG_BUY, tx("sell", "2024-04-01", "005930", "5", "75000", "KRW")]
    (samsung,) = positions_in_base(ledger, base_currency="USD", fx=fx).values()
    assert samsung.in_base is not None
    assert display_money(samsung.in_base.realised_pnl, "USD") == D("30.77")
    assert display_money(samsung.in_base.released_cost, "USD") == D("269.23")
    assert display_money(samsung.in_base.cost_basis, "USD") == D("269.23")


def test_a_foreign_position_without_its_base_cost_is_refused_not_valued_at_todays_rate() -> None:
    held = Position.from_holding("005930", "1", "70000", "KRW")
    with pytest.raises(ValuationError, match="needs the rates of its transaction dates"):
        value("USD", [held])


def test_the_formulas_are_written_down_for_the_api_docs() -> None:
    for term in ("price effect", "currency effect", "day change", "R(d1)", "transaction's date"):
        assert term in BASE_CURRENCY_FORMULAS


def test_full_precision_is_kept_until_display() -> None:
    samsung = value("USD").holdings[1]
    # 34 significant digits (decimal128), whatever the caller's decimal context is.
    assert samsung.base.market_value == D("1711.111111111111111111111111111111")
    assert samsung.base.market_value != D("1711.11")


def test_display_rounds_krw_to_won_and_usd_to_cents_half_up() -> None:
    assert display_money(D("1234.5"), "KRW") == D(1235)
    assert display_money(D("0.125"), "USD") == D("0.13")
    assert display_money(D("-0.125"), "USD") == D("-0.13")
    assert str(display_money(D(1350), "USD")) == "1350.00"


def test_allocation_splits_the_krw_total_by_asset_category_market_and_currency() -> None:
    # Add 0.05 BTC entered directly (no ledger) at 90,000,000 KRW: 4,500,000 KRW.
    # Total 3,543,750 + 2,310,000 + 4,500,000 = 10,353,750.
    positions = [*in_base("KRW"), Position.from_holding("BTC-KRW", "0.05", "60000000", "KRW")]
    shares = allocation(value("KRW", positions)).to_display()
    assert shares["by_asset"] == [
        {"key": "BTC-KRW", "value": D(4500000), "pct": D("43.46")},
        {"key": "AAPL", "value": D(3543750), "pct": D("34.23")},
        {"key": "005930", "value": D(2310000), "pct": D("22.31")},
    ]
    assert shares["by_category"] == [
        {"key": "stock", "value": D(5853750), "pct": D("56.54")},
        {"key": "crypto", "value": D(4500000), "pct": D("43.46")},
    ]
    assert [(s["key"], s["pct"]) for s in shares["by_market"]] == [  # type: ignore[attr-defined]
        ("CRYPTO", D("43.46")),
        ("US", D("34.23")),
        ("KR", D("22.31")),
    ]
    assert shares["by_currency"] == [
        {"key": "KRW", "value": D(6810000), "pct": D("65.77")},
        {"key": "USD", "value": D(3543750), "pct": D("34.23")},
    ]


def test_a_holding_without_a_previous_close_has_no_day_change() -> None:
    btc = Position.from_holding("BTC-KRW", "0.05", "60000000", "KRW")
    valuation = value("KRW", [btc])
    assert valuation.holdings[0].base.day_change is None
    assert valuation.total.day_change is None
    assert valuation.total.day_change_pct is None


def test_a_missing_fx_rate_names_the_pair_and_the_date() -> None:
    no_rate_that_day = FxRates.usd_krw({dt.date(2024, 5, 1): D(1340)})
    for base in ("KRW", "USD"):
        with pytest.raises(MissingFxRate, match="no USD/KRW exchange rate on 2024-05-02") as caught:
            value_portfolio(
                in_base(base),
                quotes=QUOTES,
                assets=ASSETS,
                base_currency=base,
                fx=no_rate_that_day,
                as_of=AS_OF,
            )
        assert caught.value.pair == "USD/KRW"
        assert caught.value.on == AS_OF


def test_a_currency_pair_never_given_is_named_as_markets_quote_it() -> None:
    with pytest.raises(MissingFxRate, match="no USD/JPY exchange rate on 2024-05-02"):
        FX.convert(D(100), "JPY", "USD", AS_OF)


def test_same_currency_conversion_is_the_identity_and_needs_no_rate() -> None:
    empty = FxRates({})
    assert empty.convert(D("1.23"), "KRW", "KRW", AS_OF) == D("1.23")
    assert empty.rate("USD", "USD", AS_OF) == 1


def test_rates_convert_both_ways_and_can_carry_forward_over_a_weekend() -> None:
    friday, sunday = dt.date(2024, 5, 3), dt.date(2024, 5, 5)
    fx = FxRates.usd_krw({friday: D(1360)})
    assert fx.convert(D(2), "USD", "KRW", sunday, carry_forward=True) == D(2720)
    assert fx.convert(D(2720), "KRW", "USD", sunday, carry_forward=True) == D(2)
    with pytest.raises(MissingFxRate, match="on or before 2024-05-02"):
        fx.convert(D(1), "USD", "KRW", AS_OF, carry_forward=True)


def test_zero_cost_gives_no_pnl_percentage_instead_of_dividing_by_zero() -> None:
    gifted = Position.from_holding("AAPL", "2", "0", "USD")
    holding = value("USD", [gifted]).holdings[0]
    assert holding.base.unrealised_pnl == D(350)
    assert holding.base.unrealised_pnl_pct is None
    assert holding.to_display()["base"]["unrealised_pnl_pct"] is None  # type: ignore[index]


def test_an_empty_portfolio_is_worth_zero_with_no_percentages() -> None:
    valuation = value("KRW", [])
    assert valuation.total.market_value == 0
    assert valuation.total.unrealised_pnl_pct is None
    assert allocation(valuation).by_asset == ()


def test_a_sold_out_position_needs_no_price_and_keeps_its_realised_pnl() -> None:
    (closed,) = in_base(
        "KRW",
        [
            tx("buy", "2024-01-02", "TSLA", "2", "200", "USD"),
            tx("sell", "2024-02-02", "TSLA", "2", "250", "USD"),
        ],
    )
    assets = {"TSLA": AssetMeta("TSLA", "USD", "stock", "US")}
    valuation = value_portfolio(
        [closed], quotes={}, assets=assets, base_currency="KRW", fx=FX, as_of=AS_OF
    )
    assert valuation.total.realised_pnl == D(135000)
    assert valuation.holdings[0].weight_pct is None
    assert allocation(valuation).by_market == ()


def test_a_held_symbol_without_a_price_is_an_error() -> None:
    held = Position.from_holding("AAPL", "1", "100", "USD")
    with pytest.raises(ValuationError, match="no price for AAPL on 2024-05-02"):
        value_portfolio([held], quotes={}, assets=ASSETS, base_currency="USD", fx=FX, as_of=AS_OF)


def test_a_position_in_another_currency_than_its_asset_is_an_error() -> None:
    held = Position.from_holding("AAPL", "1", "100000", "KRW")
    with pytest.raises(ValuationError, match="held in KRW but the asset is priced in USD"):
        value("KRW", [held])


def test_a_symbol_without_metadata_is_an_error() -> None:
    held = Position.from_holding("MSFT", "1", "100", "USD")
    with pytest.raises(ValuationError, match="no asset metadata for MSFT"):
        value("USD", [held])


holding_sizes = st.tuples(
    st.sampled_from(["USD", "KRW"]),
    st.decimals(min_value=D("0.0001"), max_value=D("10000"), places=4),
    st.decimals(min_value=D("0.01"), max_value=D("2000000"), places=2),
)


@settings(max_examples=50, deadline=None)
@given(
    holdings=st.lists(holding_sizes, min_size=1, max_size=25),
    base=st.sampled_from(["USD", "KRW"]),
)
def test_weights_sum_to_one_hundred_when_the_portfolio_is_worth_something(
    holdings: list[tuple[str, Decimal, Decimal]], base: str
) -> None:
    buys, assets, quotes = [], {}, {}
    for index, (currency, quantity, price) in enumerate(holdings):
        symbol = f"S{index}"
        buys.append(Transaction(TransactionKind.BUY, AS_OF, symbol, quantity, price, currency))
        assets[symbol] = AssetMeta(symbol, currency, "stock", "US" if currency == "USD" else "KR")
        quotes[symbol] = PriceQuote(symbol, price)
    valuation = value_portfolio(
        in_base(base, buys), quotes=quotes, assets=assets, base_currency=base, fx=FX, as_of=AS_OF
    )
    weights = [h.weight_pct for h in valuation.holdings]
    assert all(weight is not None for weight in weights)
    exact_sum = sum((w for w in weights if w is not None), D(0))
    assert abs(exact_sum - 100) < D("1e-25")
    shown = [h.to_display()["weight_pct"] for h in valuation.holdings]
    shown_sum = sum((w for w in shown if isinstance(w, Decimal)), D(0))
    # Each displayed weight is off by at most half a hundredth.
    assert abs(shown_sum - 100) <= D("0.005") * len(shown)
    market_sum = sum((s.pct for s in allocation(valuation).by_market if s.pct), D(0))
    assert abs(market_sum - 100) < D("1e-25")
