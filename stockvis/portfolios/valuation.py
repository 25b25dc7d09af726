"""Portfolio valuation: market value, P&L, day change, weights and allocation in two currencies."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext

from stockvis.portfolios.ledger import (
    PRECISE,
    ZERO,
    Position,
    Transaction,
    as_decimal,
    positions_from_ledger,
)

HUNDRED = Decimal(100)

# Base-currency formulas, quoted by the API docs and the README. For a holding of q units in its
# asset currency, last close P₁ on the valuation day d₁, previous close P₀ on d₀, and R(d) the
# base-currency price of one asset-currency unit at the close of d (carried forward over days
# without a rate):
#   market value   = q × P₁ × R(d₁)
#   cost           = Σ over the lots still held of their cost × R(their transaction's date)
#                    (a directly entered holding is one buy on its acquisition date)
#   unrealised P&L = market value − cost = price effect + currency effect, where
#     price effect    = (q × P₁ − cost in the asset currency) × R(d₁)
#     currency effect = cost in the asset currency × R(d₁) − cost
#   realised P&L   = Σ sales' proceeds × R(sale date) − the base cost they released,
#                    − Σ fees × R(fee date); dividends Σ amount × R(dividend date)
#   day change     = q × P₁ × R(d₁) − q × P₀ × R(d₀): the change of the base-currency value
BASE_CURRENCY_FORMULAS = """\
Base-currency figures use what was really paid: with q units, last close P1 on the valuation day \
d1, previous close P0 on d0, and R(d) the base-currency price of one unit of the asset's currency \
at the close of d (carried forward over days without a rate): market value = q x P1 x R(d1); \
cost = sum of each lot still held x R(its transaction's date) (a directly entered holding is one \
buy on its acquisition date); unrealised P&L = market value - cost = price effect + currency \
effect, with price effect = (q x P1 - asset-currency cost) x R(d1) and currency effect = \
asset-currency cost x R(d1) - cost; realised P&L = each sale's proceeds x R(sale date) - the base \
cost it released, less each fee x R(its date); dividends at their date's rate; day change = \
q x P1 x R(d1) - q x P0 x R(d0), the change of the base-currency value. In the asset's own \
currency R is 1 and the currency effect 0."""

# Rounding rule, quoted by the API docs: every figure keeps full Decimal precision (34 significant
# digits, see ``PRECISE``) and only the ``to_display()`` helpers quantise, half-up: money to the
# currency's minor unit (USD 2 decimals, KRW 0), percentages to 2 decimals. Unit prices and
# quantities are never rounded. Percentages are percent (12.5 means 12.5 %), None on a zero base.

# Minor units of the currencies we show; anything else gets two decimals.
_CURRENCY_DECIMALS = {"KRW": 0, "JPY": 0, "USD": 2}
_PERCENT_QUANTUM = Decimal("0.01")


class ValuationError(ValueError):
    """Inputs that cannot be valued (a held symbol without a price, mismatched currencies)."""


class MissingFxRate(LookupError):
    """No exchange rate for ``pair`` (``"USD/KRW"``) on ``on``."""

    def __init__(self, pair: str, on: dt.date, *, carried_forward: bool = False) -> None:
        when = f"on or before {on}" if carried_forward else f"on {on}"
        super().__init__(f"no {pair} exchange rate {when}")
        self.pair = pair
        self.on = on


@functools.cache
def money_quantum(currency: str) -> Decimal:
    """The smallest displayed amount of ``currency``: ``Decimal("0.01")`` for USD, ``1`` for KRW."""
    return Decimal(1).scaleb(-_CURRENCY_DECIMALS.get(currency, 2))


def display_money(amount: Decimal, currency: str) -> Decimal:
    """``amount`` rounded half-up to ``currency``'s minor unit, for display only."""
    return amount.quantize(money_quantum(currency), rounding=ROUND_HALF_UP)


def display_percent(percent: Decimal | None) -> Decimal | None:
    """``percent`` rounded half-up to 2 decimals, for display only."""
    if percent is None:
        return None
    return percent.quantize(_PERCENT_QUANTUM, rounding=ROUND_HALF_UP)


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole × 100``, or ``None`` when ``whole`` is zero."""
    if not whole:
        return None
    with localcontext(PRECISE):
        return part * HUNDRED / whole


def _conventional_pair(from_currency: str, to_currency: str) -> str:
    # Errors name the pair the way markets quote it (USD/KRW, never KRW/USD).
    if to_currency == "USD":
        return f"USD/{from_currency}"
    return f"{from_currency}/{to_currency}"


@dataclass(frozen=True)
class FxRates:
    """Daily closing exchange rates: ``{"USD/KRW": {date: KRW per 1 USD}}``.

    Conversion: same currency is the identity; ``A → B`` multiplies by the ``A/B`` close when that
    pair is given, otherwise divides by the ``B/A`` close (so one USD/KRW series converts both
    ways: USD → KRW is ``× rate``, KRW → USD is ``÷ rate``).
    """

    closes: Mapping[str, Mapping[dt.date, Decimal]]
    _sorted_dates: dict[str, list[dt.date]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        cleaned: dict[str, dict[dt.date, Decimal]] = {}
        for pair, series in self.closes.items():
            rates = {day: as_decimal(rate, f"{pair} rate") for day, rate in series.items()}
            if any(rate <= 0 for rate in rates.values()):
                raise ValueError(f"{pair} rates must be positive")
            cleaned[pair.strip().upper()] = rates
        object.__setattr__(self, "closes", cleaned)
        object.__setattr__(self, "_sorted_dates", {p: sorted(s) for p, s in cleaned.items()})

    @classmethod
    def usd_krw(cls, closes: Mapping[dt.date, Decimal]) -> FxRates:
        """Rates from one USD/KRW close series (KRW per 1 USD)."""
        return cls({"USD/KRW": closes})

    def rate(
        self, from_currency: str, to_currency: str, on: dt.date, *, carry_forward: bool = False
    ) -> Decimal:
        """How many ``to_currency`` one ``from_currency`` buys on ``on``.

        With ``carry_forward`` the latest close on or before ``on`` stands in for a missing day
        (weekends, holidays). Raises :class:`MissingFxRate` naming the pair and the date.
        """
        if from_currency == to_currency:
            return Decimal(1)
        direct = f"{from_currency}/{to_currency}"
        inverse = f"{to_currency}/{from_currency}"
        for pair, invert in ((direct, False), (inverse, True)):
            if pair not in self.closes:
                continue
            close = self._close(pair, on, carry_forward)
            if close is None:
                raise MissingFxRate(pair, on, carried_forward=carry_forward)
            if not invert:
                return close
            with localcontext(PRECISE):
                return Decimal(1) / close
        raise MissingFxRate(
            _conventional_pair(from_currency, to_currency), on, carried_forward=carry_forward
        )

    def convert(
        self,
        amount: Decimal,
        from_currency: str,
        to_currency: str,
        on: dt.date,
        *,
        carry_forward: bool = False,
    ) -> Decimal:
        """``amount`` of ``from_currency`` in ``to_currency`` at the close of ``on``."""
        if from_currency == to_currency:
            return amount
        close, divide = self.factor(from_currency, to_currency, on, carry_forward=carry_forward)
        with localcontext(PRECISE):
            return amount / close if divide else amount * close

    def factor(
        self, from_currency: str, to_currency: str, on: dt.date, *, carry_forward: bool = False
    ) -> tuple[Decimal, bool]:
        """``(close, divide)``: :meth:`convert` divides by ``close`` or multiplies by it.

        Dividing by the quoted close rather than multiplying by a rounded reciprocal keeps
        1350 KRW / 1350 exactly 1; callers converting many amounts keep the pair and reuse it.
        """
        if from_currency == to_currency:
            return Decimal(1), False
        direct = f"{from_currency}/{to_currency}"
        inverse = f"{to_currency}/{from_currency}"
        if direct not in self.closes and inverse in self.closes:
            close = self._close(inverse, on, carry_forward)
            if close is None:
                raise MissingFxRate(inverse, on, carried_forward=carry_forward)
            return close, True
        return self.rate(from_currency, to_currency, on, carry_forward=carry_forward), False

    def _close(self, pair: str, on: dt.date, carry_forward: bool) -> Decimal | None:
        series = self.closes[pair]
        if on in series or not carry_forward:
            return series.get(on)
        dates = self._sorted_dates[pair]
        index = bisect.bisect_right(dates, on)
        return series[dates[index - 1]] if index else None


@dataclass(frozen=True, slots=True)
class AssetMeta:
    """What valuation and allocation need to know about an asset.

    ``category`` follows the asset master (stock, etf, index, crypto, commodity, fx); ``market`` is
    the allocation bucket the UI shows (KR, US, CRYPTO, ...).
    """

    symbol: str
    currency: str
    category: str
    market: str


@dataclass(frozen=True, slots=True)
class PriceQuote:
    """Latest price and previous close of a symbol, in the asset's currency.

    ``previous_date`` is the previous close's day, whose FX rate the base-currency day change
    uses; without it that close is converted at the valuation day's rate.
    """

    symbol: str
    last: Decimal
    previous_close: Decimal | None = None
    previous_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    """Valuation figures in one currency (a holding's or the whole portfolio's).

    ``unrealised_pnl_pct`` is of ``cost``; ``day_change_pct`` is of the previous close's value.
    Day change assumes the quantity held now was also held at the previous close.
    ``unrealised_pnl = price_effect + currency_effect`` (see ``BASE_CURRENCY_FORMULAS``); in the
    asset's own currency the currency effect is 0.
    """

    currency: str
    market_value: Decimal
    cost: Decimal
    unrealised_pnl: Decimal
    unrealised_pnl_pct: Decimal | None
    realised_pnl: Decimal
    dividends: Decimal
    day_change: Decimal | None
    day_change_pct: Decimal | None
    price_effect: Decimal
    currency_effect: Decimal

    def to_display(self) -> dict[str, object]:
        money = self.currency
        return {
            "currency": money,
            "market_value": display_money(self.market_value, money),
            "cost": display_money(self.cost, money),
            "unrealised_pnl": display_money(self.unrealised_pnl, money),
            "unrealised_pnl_pct": display_percent(self.unrealised_pnl_pct),
            "price_effect": display_money(self.price_effect, money),
            "currency_effect": display_money(self.currency_effect, money),
            "realised_pnl": display_money(self.realised_pnl, money),
            "dividends": display_money(self.dividends, money),
            "day_change": None
            if self.day_change is None
            else display_money(self.day_change, money),
            "day_change_pct": display_percent(self.day_change_pct),
        }


@dataclass(frozen=True, slots=True)
class HoldingValuation:
    """One position valued in its own currency (``local``) and the portfolio's (``base``)."""

    symbol: str
    category: str
    market: str
    quantity: Decimal
    average_price: Decimal
    last_price: Decimal | None
    previous_close: Decimal | None
    local: Figures
    base: Figures
    weight_pct: Decimal | None

    def to_display(self) -> dict[str, object]:
        return {
            "symbol": self.symbol,
            "category": self.category,
            "market": self.market,
            "quantity": self.quantity,
            "average_price": self.average_price,
            "last_price": self.last_price,
            "previous_close": self.previous_close,
            "local": self.local.to_display(),
            "base": self.base.to_display(),
            "weight_pct": display_percent(self.weight_pct),
        }


@dataclass(frozen=True, slots=True)
class PortfolioValuation:
    """Every holding plus the totals, all totals in ``base_currency`` at the ``as_of`` close."""

    as_of: dt.date
    base_currency: str
    holdings: tuple[HoldingValuation, ...]
    total: Figures

    def to_display(self) -> dict[str, object]:
        return {
            "as_of": self.as_of,
            "base_currency": self.base_currency,
            "holdings": [holding.to_display() for holding in self.holdings],
            "total": self.total.to_display(),
        }


def _figures(
    currency: str,
    market_value: Decimal,
    cost: Decimal,
    realised_pnl: Decimal,
    dividends: Decimal,
    day_change: Decimal | None,
    currency_effect: Decimal = ZERO,
) -> Figures:
    unrealised = market_value - cost
    return Figures(
        currency=currency,
        market_value=market_value,
        cost=cost,
        unrealised_pnl=unrealised,
        unrealised_pnl_pct=percent_of(unrealised, cost),
        realised_pnl=realised_pnl,
        dividends=dividends,
        day_change=day_change,
        day_change_pct=None
        if day_change is None
        else percent_of(day_change, market_value - day_change),
        price_effect=unrealised - currency_effect,
        currency_effect=currency_effect,
    )


def _local_figures(position: Position, quote: PriceQuote | None) -> Figures:
    if quote is None:
        market_value, day_change = ZERO, None
    else:
        market_value = position.quantity * quote.last
        day_change = (
            None
            if quote.previous_close is None
            else (quote.last - quote.previous_close) * position.quantity
        )
    return _figures(
        position.currency,
        market_value,
        position.cost_basis,
        position.realised_pnl,
        position.dividends_received,
        day_change,
    )


def _base_figures(
    position: Position,
    quote: PriceQuote | None,
    local: Figures,
    currency: str,
    fx: FxRates,
    on: dt.date,
) -> Figures:
    """``local`` in ``currency``: see ``BASE_CURRENCY_FORMULAS``."""
    if local.currency == currency:
        return local
    held = position.in_base
    if held is None or held.currency != currency:
        raise ValuationError(
            f"{position.symbol}: its {currency} cost needs the rates of its transaction dates; "
            "build the positions with positions_in_base"
        )

    def convert(amount: Decimal, day: dt.date = on, *, carry_forward: bool = False) -> Decimal:
        return fx.convert(amount, local.currency, currency, day, carry_forward=carry_forward)

    market_value = convert(local.market_value)
    day_change = None
    if quote is not None and quote.previous_close is not None:
        previous_value = position.quantity * quote.previous_close
        if quote.previous_date is None:
            previous_in_base = convert(previous_value)
        else:
            previous_in_base = convert(previous_value, quote.previous_date, carry_forward=True)
        day_change = market_value - previous_in_base
    return _figures(
        currency,
        market_value,
        held.cost_basis,
        held.realised_pnl,
        held.dividends_received,
        day_change,
        currency_effect=convert(local.cost) - held.cost_basis,
    )


def positions_in_base(
    transactions: Iterable[Transaction], *, base_currency: str, fx: FxRates
) -> dict[str, Position]:
    """Positions whose ``in_base`` amounts convert every transaction at its own date's rate.

    Rates carry forward over days without one; a transaction older than every rate raises
    :class:`MissingFxRate` naming the pair and its date.
    """
    base = base_currency.strip().upper()
    # A ledger has many transactions on few days: look each day's rate up once.
    factors: dict[tuple[str, dt.date], tuple[Decimal, bool]] = {}

    def to_base(amount: Decimal, tx: Transaction) -> Decimal:
        if tx.currency == base:
            return amount
        key = (tx.currency, tx.date)
        found = factors.get(key)
        if found is None:
            found = factors[key] = fx.factor(tx.currency, base, tx.date, carry_forward=True)
        close, divide = found
        return amount / close if divide else amount * close  # under the ledger's PRECISE

    return positions_from_ledger(transactions, base_currency=base, to_base=to_base)


def value_portfolio(
    positions: Iterable[Position],
    *,
    quotes: Mapping[str, PriceQuote],
    assets: Mapping[str, AssetMeta],
    base_currency: str,
    fx: FxRates,
    as_of: dt.date,
) -> PortfolioValuation:
    """Value ``positions`` at the ``as_of`` close in their own currency and in ``base_currency``.

    Base-currency figures follow ``BASE_CURRENCY_FORMULAS``: market value at the ``as_of`` FX
    close (no carry-forward, so a missing rate raises :class:`MissingFxRate` naming the pair and
    the date), cost, realised P&L and dividends at their transactions' rates (a position in
    another currency than the base must come from :func:`positions_in_base`), day change as the
    change of the base-currency value since the previous close. Sold-out positions stay in the
    result for their realised P&L and need no quote. Raises :class:`ValuationError` when a held
    symbol has no quote or no asset metadata, or its currencies disagree.
    """
    base_currency = base_currency.strip().upper()
    with localcontext(PRECISE):
        valued: list[tuple[Position, AssetMeta, PriceQuote | None, Figures, Figures]] = []
        for position in positions:
            meta = assets.get(position.symbol)
            if meta is None:
                raise ValuationError(f"no asset metadata for {position.symbol}")
            if meta.currency.upper() != position.currency:
                raise ValuationError(
                    f"{position.symbol} is held in {position.currency} "
                    f"but the asset is priced in {meta.currency}"
                )
            quote = quotes.get(position.symbol)
            if quote is None and position.is_open:
                raise ValuationError(f"no price for {position.symbol} on {as_of}")
            local = _local_figures(position, quote)
            base = _base_figures(position, quote, local, base_currency, fx, as_of)
            valued.append((position, meta, quote, local, base))

        total_value = sum((base.market_value for *_, base in valued), ZERO)
        day_changes = [base.day_change for *_, base in valued if base.day_change is not None]
        total = _figures(
            base_currency,
            total_value,
            sum((base.cost for *_, base in valued), ZERO),
            sum((base.realised_pnl for *_, base in valued), ZERO),
            sum((base.dividends for *_, base in valued), ZERO),
            sum(day_changes, ZERO) if day_changes else None,
            currency_effect=sum((base.currency_effect for *_, base in valued), ZERO),
        )
        holdings = tuple(
            HoldingValuation(
                symbol=position.symbol,
                category=meta.category,
                market=meta.market,
                quantity=position.quantity,
                average_price=position.average_price,
                last_price=None if quote is None else quote.last,
                previous_close=None if quote is None else quote.previous_close,
                local=local,
                base=base,
                weight_pct=percent_of(base.market_value, total_value),
            )
            for position, meta, quote, local, base in valued
        )
    return PortfolioValuation(as_of, base_currency, holdings, total)


@dataclass(frozen=True, slots=True)
class AllocationSlice:
    """One bucket of an allocation: its base-currency market value and share of the total."""

    key: str
    value: Decimal
    pct: Decimal | None


@dataclass(frozen=True, slots=True)
class Allocation:
    """Where the money is, by asset, category, market and currency; largest bucket first."""

    base_currency: str
    by_asset: tuple[AllocationSlice, ...]
    by_category: tuple[AllocationSlice, ...]
    by_market: tuple[AllocationSlice, ...]
    by_currency: tuple[AllocationSlice, ...]

    def to_display(self) -> dict[str, object]:
        def slices(buckets: tuple[AllocationSlice, ...]) -> list[dict[str, object]]:
            return [
                {
                    "key": bucket.key,
                    "value": display_money(bucket.value, self.base_currency),
                    "pct": display_percent(bucket.pct),
                }
                for bucket in buckets
            ]

        return {
            "base_currency": self.base_currency,
            "by_asset": slices(self.by_asset),
            "by_category": slices(self.by_category),
            "by_market": slices(self.by_market),
            "by_currency": slices(self.by_currency),
        }


def _buckets(pairs: Iterable[tuple[str, Decimal]], total: Decimal) -> tuple[AllocationSlice, ...]:
    sums: dict[str, Decimal] = {}
    for key, value in pairs:
        sums[key] = sums.get(key, ZERO) + value
    ordered = sorted(sums.items(), key=lambda item: (-item[1], item[0]))
    return tuple(AllocationSlice(key, value, percent_of(value, total)) for key, value in ordered)


def allocation(valuation: PortfolioValuation) -> Allocation:
    """Split the total market value by asset, category, market and currency.

    Sold-out and unpriced holdings (market value 0) are left out; ``pct`` is ``None`` everywhere
    when the total is zero.
    """
    held = [h for h in valuation.holdings if h.base.market_value]
    total = valuation.total.market_value
    with localcontext(PRECISE):
        return Allocation(
            base_currency=valuation.base_currency,
            by_asset=_buckets(((h.symbol, h.base.market_value) for h in held), total),
            by_category=_buckets(((h.category, h.base.market_value) for h in held), total),
            by_market=_buckets(((h.market, h.base.market_value) for h in held), total),
            by_currency=_buckets(((h.local.currency, h.base.market_value) for h in held), total),
        )
