"""Portfolio valuation: market value, P&L, day change, weights and allocation in two currencies."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext

from stockvis.portfolios.ledger import PRECISE, ZERO, Position, as_decimal

HUNDRED = Decimal(100)

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
        direct = f"{from_currency}/{to_currency}"
        inverse = f"{to_currency}/{from_currency}"
        with localcontext(PRECISE):
            if direct not in self.closes and inverse in self.closes:
                # Divide rather than multiply by a rounded reciprocal: 1350 KRW / 1350 is exactly 1.
                close = self._close(inverse, on, carry_forward)
                if close is None:
                    raise MissingFxRate(inverse, on, carried_forward=carry_forward)
                return amount / close
            return amount * self.rate(from_currency, to_currency, on, carry_forward=carry_forward)

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
    """Latest price and previous close of a symbol, in the asset's currency."""

    symbol: str
    last: Decimal
    previous_close: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    """Valuation figures in one currency (a holding's or the whole portfolio's).

    ``unrealised_pnl_pct`` is of ``cost``; ``day_change_pct`` is of the previous close's value.
    Day change assumes the quantity held now was also held at the previous close.
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

    def to_display(self) -> dict[str, object]:
        money = self.currency
        return {
            "currency": money,
            "market_value": display_money(self.market_value, money),
            "cost": display_money(self.cost, money),
            "unrealised_pnl": display_money(self.unrealised_pnl, money),
            "unrealised_pnl_pct": display_percent(self.unrealised_pnl_pct),
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


def _converted(figures: Figures, currency: str, fx: FxRates, on: dt.date) -> Figures:
    if figures.currency == currency:
        return figures

    def convert(amount: Decimal) -> Decimal:
        return fx.convert(amount, figures.currency, currency, on)

    return _figures(
        currency,
        convert(figures.market_value),
        convert(figures.cost),
        convert(figures.realised_pnl),
        convert(figures.dividends),
        None if figures.day_change is None else convert(figures.day_change),
    )


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

    Every base-currency figure, realised P&L and cost included, is the asset-currency figure
    translated at the ``as_of`` FX close (``fx.convert(..., on=as_of)``; no carry-forward, so a
    missing rate raises :class:`MissingFxRate` naming the pair and the date). Sold-out positions
    stay in the result for their realised P&L and need no quote. Raises :class:`ValuationError`
    when a held symbol has no quote or no asset metadata, or its currencies disagree.
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
            base = _converted(local, base_currency, fx, as_of)
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
