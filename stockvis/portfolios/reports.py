"""Read-side composition: a portfolio's valuation, allocation and history from stored data."""

# Selectors fetch, the pure core (ledger, valuation, returns) computes, this module glues the two
# and shapes the display dicts the API returns. Money leaves as strings (exact decimals).

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

import orjson
from rest_framework import status
from rest_framework.exceptions import APIException

from stockvis.market.serializers import synthetic_notice
from stockvis.portfolios import ledger, selectors
from stockvis.portfolios.models import Portfolio
from stockvis.portfolios.returns import (
    ValuePoint,
    simple_return_pct,
    time_weighted_return_pct,
    value_history,
)
from stockvis.portfolios.valuation import (
    FxRates,
    MissingFxRate,
    PortfolioValuation,
    ValuationError,
    allocation,
    display_percent,
    percent_of,
    positions_in_base,
    value_portfolio,
)

_ONE_DAY = dt.timedelta(days=1)


class ValuationUnavailable(APIException):
    """The stored data cannot value this portfolio yet (no exchange rate, unknown currency)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "the portfolio cannot be valued with the stored data"
    default_code = "valuation_unavailable"


@dataclass(frozen=True)
class ValuationReport:
    portfolio: Portfolio
    valuation: PortfolioValuation
    quotes: dict[str, selectors.Quote]
    released_cost: dict[str, Decimal]
    released_cost_base: dict[str, Decimal]
    fx: tuple[dt.date, Decimal] | None
    unpriced: list[str]
    synthetic: bool
    fx_estimated_before: dt.date | None = None


def portfolio_valuation(
    *, portfolio: Portfolio, on: dt.date, live: Mapping[str, selectors.Quote] | None = None
) -> ValuationReport:
    """Value a portfolio at the close of ``on`` (the last stored close on or before it), or at
    the ``live`` quotes the realtime feed saw for the symbols it has them for.

    Market values use the stored USD-KRW close of ``on``, or of the last day before it with one
    (weekends and holidays); costs, realised P&L and dividends the close of each transaction's
    date (``valuation.BASE_CURRENCY_FORMULAS``). Holdings whose symbol has no price yet are
    listed in ``unpriced`` and left out of the totals until their collection completes.
    """
    inputs = selectors.portfolio_inputs(portfolio, splits_up_to=on)
    quotes = selectors.quotes_on(
        inputs.assets.values(), on, serving=inputs.serving, splits=inputs.splits
    )
    # Served from demo bars; a live quote of such a symbol comes from the demo feed too.
    demo = {symbol for symbol, quote in quotes.items() if quote.synthetic}
    for symbol, quote in (live or {}).items():
        if symbol in inputs.assets:
            quotes[symbol] = _previous_dated(quote, quotes.get(symbol))
    base = portfolio.base_currency
    needs_fx = any(asset.currency != base for asset in inputs.assets.values())
    fx = FxRates({})
    fx_close: tuple[dt.date, Decimal] | None = None
    estimated_before: dt.date | None = None
    try:
        if needs_fx:
            # Rates from the oldest day anything is converted at: a transaction or a previous close.
            days = [tx.date for tx in inputs.transactions]
            days += [q.previous_date for q in quotes.values() if q.previous_date is not None]
            closes = selectors.usd_krw_rates(start=min(*days, on), end=on, fx_asset=inputs.fx_asset)
            if not closes:
                raise ValuationUnavailable(f"no stored {selectors.FX_PAIR} close on or before {on}")
            fx_close = max(closes.items())
            closes, estimated_before = _rates_reaching_back(closes, min(*days, on))
            # The valuation day's rate is the close on or before it, as the payload says.
            fx = FxRates.usd_krw({**closes, on: fx_close[1]})
            held = list(positions_in_base(inputs.transactions, base_currency=base, fx=fx).values())
        else:
            held = inputs.positions
        positions = [p for p in held if p.symbol in quotes or not p.is_open]
        valuation = value_portfolio(
            positions,
            quotes={symbol: quote.as_price_quote() for symbol, quote in quotes.items()},
            assets={s: selectors.asset_meta(a) for s, a in inputs.assets.items()},
            base_currency=base,
            fx=fx,
            as_of=on,
        )
    except (MissingFxRate, ValuationError) as exc:
        raise ValuationUnavailable(str(exc)) from None
    unpriced = [p.symbol for p in held if p.symbol not in quotes and p.is_open]
    with localcontext(ledger.PRECISE):
        # Cost released by sales = everything bought − the cost still held (average cost method).
        released = {
            p.symbol: inputs.bought_gross.get(p.symbol, ledger.ZERO) - p.cost_basis
            for p in positions
        }
    released_base = {
        p.symbol: released[p.symbol] if p.in_base is None else p.in_base.released_cost
        for p in positions
    }
    synthetic = any(
        p.symbol in demo or quotes[p.symbol].synthetic for p in positions if p.symbol in quotes
    )
    return ValuationReport(
        portfolio,
        valuation,
        quotes,
        released,
        released_base,
        fx_close,
        unpriced,
        synthetic,
        estimated_before,
    )


def _previous_dated(live: selectors.Quote, stored: selectors.Quote | None) -> selectors.Quote:
    """A live quote with the day of its previous close, so the base-currency day change converts
    it at that day's rate (``q × P0 × R(d0)``) as a stored valuation does: the last stored close's
    day when the live quote is of a later day, else the day of the stored close before it.
    Without a stored close the previous close stays undated (converted at today's rate)."""
    if live.previous_close is None or live.previous_date is not None or stored is None:
        return live
    day = stored.date if stored.date < live.date else stored.previous_date
    return dataclasses.replace(live, previous_date=day)


def _rates_reaching_back(
    closes: dict[dt.date, Decimal], oldest: dt.date
) -> tuple[dict[dt.date, Decimal], dt.date | None]:
    """``closes`` reaching back to ``oldest``: days before the first stored close take that close,
    and the date it starts is returned so the answer can say those costs are estimated. Refusing
    instead would hide a whole portfolio for one old purchase."""
    first = min(closes)
    if oldest >= first:
        return closes, None
    return {**closes, oldest: closes[first]}, first


def _realised_pct(realised: Decimal, released: Decimal) -> Decimal | None:
    return display_percent(percent_of(realised, released))


def valuation_payload(report: ValuationReport) -> dict[str, Any]:
    """The answer of the valuation endpoint, with Decimals and dates as they are: encode it with
    ``encode`` (one pass) or make it JSON-ready with ``jsonable``."""
    valuation = report.valuation
    base = valuation.base_currency
    holdings = []
    released_base_total = ledger.ZERO
    with localcontext(ledger.PRECISE):
        for holding in valuation.holdings:
            shown: dict[str, Any] = holding.to_display()
            released = report.released_cost.get(holding.symbol, ledger.ZERO)
            released_base = report.released_cost_base.get(holding.symbol, ledger.ZERO)
            released_base_total += released_base
            shown["local"]["realised_pnl_pct"] = _realised_pct(holding.local.realised_pnl, released)
            shown["base"]["realised_pnl_pct"] = _realised_pct(
                holding.base.realised_pnl, released_base
            )
            quote = report.quotes.get(holding.symbol)
            shown["price_date"] = None if quote is None else quote.date
            holdings.append(shown)
    total = valuation.total.to_display()
    total["realised_pnl_pct"] = _realised_pct(valuation.total.realised_pnl, released_base_total)
    return {
        "portfolio": _portfolio_ref(report.portfolio),
        "as_of": valuation.as_of,
        "base_currency": base,
        "fx": None
        if report.fx is None
        else {
            "pair": selectors.FX_PAIR,
            "date": report.fx[0],
            "rate": report.fx[1],
            "estimated_before": report.fx_estimated_before,
        },
        "holdings": holdings,
        "total": total,
        "unpriced": report.unpriced,
        "synthetic": report.synthetic,
        "notice": synthetic_notice(report.synthetic),
    }


def allocation_payload(report: ValuationReport) -> dict[str, Any]:
    shown = allocation(report.valuation).to_display()
    return jsonable(
        {
            "portfolio": _portfolio_ref(report.portfolio),
            "as_of": report.valuation.as_of,
            **shown,
            "unpriced": report.unpriced,
            "synthetic": report.synthetic,
            "notice": synthetic_notice(report.synthetic),
        }
    )


def portfolio_history(
    *, portfolio: Portfolio, start: dt.date | None, end: dt.date, max_days: int
) -> dict[str, Any]:
    """The daily value history rebuilt from the ledger (or the holdings) and stored closes.

    Starts the day before the first transaction unless ``start`` is given, never before the
    first stored USD-KRW close when a conversion is needed, and never more than ``max_days``
    before ``end`` (the size bound of the answer). Every calendar day is a point.
    """
    inputs = selectors.portfolio_inputs(portfolio, splits_up_to=end)
    base = portfolio.base_currency
    points: list[ValuePoint] = []
    estimated_before: dt.date | None = None
    if inputs.transactions:
        first_day = min(tx.date for tx in inputs.transactions) - _ONE_DAY
        start = max(start or first_day, first_day, end - dt.timedelta(days=max_days))
        needs_fx = any(asset.currency != base for asset in inputs.assets.values())
        fx_closes: dict[dt.date, Decimal] = {}
        if needs_fx:
            # From the oldest transaction: opening positions carry their cost at their dates' rates.
            fx_closes = selectors.usd_krw_history(start=min(start, first_day), end=end)
            if not fx_closes:
                raise ValuationUnavailable(f"no stored {selectors.FX_PAIR} closes up to {end}")
            start = max(start, min(fx_closes))
            fx_closes, estimated_before = _rates_reaching_back(fx_closes, first_day)
        if start <= end:
            history = selectors.close_history(
                inputs.assets.values(), start=start, end=end, split_adjusted=True
            )
            try:
                points = value_history(
                    inputs.transactions,
                    history,
                    base_currency=base,
                    fx=FxRates.usd_krw(fx_closes) if needs_fx else FxRates({}),
                    start=start,
                    end=end,
                )
            except (MissingFxRate, ledger.LedgerError) as exc:
                raise ValuationUnavailable(str(exc)) from None
    # An empty history shows no data at all, demo or not.
    synthetic = bool(points) and selectors.serves_synthetic(inputs.assets.values())
    return jsonable(
        {
            "portfolio": _portfolio_ref(portfolio),
            "currency": base,
            "start": points[0].date if points else None,
            "end": points[-1].date if points else None,
            "simple_return_pct": display_percent(simple_return_pct(points)),
            "time_weighted_return_pct": display_percent(time_weighted_return_pct(points)),
            "points": [point.to_display(base) for point in points],
            "fx_estimated_before": estimated_before,
            "synthetic": synthetic,
            "notice": synthetic_notice(synthetic),
        }
    )


def _portfolio_ref(portfolio: Portfolio) -> dict[str, Any]:
    return {
        "id": portfolio.pk,
        "name": portfolio.name,
        "mode": portfolio.mode,
        "base_currency": portfolio.base_currency,
    }


def _exact(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def encode(payload: Any) -> bytes:
    """``payload`` as JSON in one pass: what ``jsonable`` then a JSON encoder make (Decimals as
    exact strings, dates as ISO strings), without building the converted copy first."""
    return orjson.dumps(payload, default=_exact)


def jsonable(value: Any) -> Any:
    """Decimals as exact strings, dates as ISO strings, containers walked."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value
