"""Reads for portfolios: positions, quotes, FX closes and price histories as pure-core inputs."""

# Bars are stored as floats; they enter the Decimal core through ``str()`` (the shortest repr), so
# a close stored as 187.33 is valued as exactly Decimal("187.33").

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q, QuerySet

from stockvis.market.models import SYNTHETIC_SOURCE, Asset, DailyPrice
from stockvis.market.selectors import serving_bars_of, serving_sources, with_serving_source
from stockvis.market.splits import SplitBook
from stockvis.portfolios import ledger
from stockvis.portfolios.ledger_cache import LEDGERS, CachedLedger
from stockvis.portfolios.models import Holding, Portfolio, PortfolioMode, Transaction
from stockvis.portfolios.splits import split_adjusted
from stockvis.portfolios.valuation import AssetMeta, PriceQuote

if TYPE_CHECKING:
    from stockvis.realtime.messages import LiveQuote

FX_SYMBOL = "USD-KRW"
FX_PAIR = "USD/KRW"
# Look this far back for the last two closes first; most assets have a bar within a fortnight.
_RECENT_WINDOW = dt.timedelta(days=14)


def as_decimal(close: float) -> Decimal:
    """A stored float close as the decimal it was written as: 187.33, 1400 (not 1400.0)."""
    return plain(Decimal(str(close)))


def plain(stored: Decimal) -> Decimal:
    """A stored decimal without the column's trailing zeros: 10.0000000000 reads as 10."""
    if stored == stored.to_integral_value():
        return stored.quantize(Decimal(1))
    return stored.normalize()


@dataclass(frozen=True)
class PortfolioInputs:
    """What the pure core needs about one portfolio's contents.

    ``serving`` (asset id → serving source) and ``splits`` were read with the entries and are
    handed on to the quotes, so a valuation reads neither twice."""

    transactions: list[ledger.Transaction]
    assets: dict[str, Asset]
    bought_gross: dict[str, Decimal]
    holdings_mode: bool
    splits: SplitBook | None = None
    serving: dict[int, str] | None = None
    # The USD-KRW asset with its serving source, read with the ledger's assets (None: not read).
    fx_asset: Asset | None = None

    @cached_property
    def positions(self) -> list[ledger.Position]:
        """Positions in the assets' currencies (a valuation in another base replays the entries
        with their rates instead, so this replay runs only when asked for)."""
        if self.holdings_mode:
            return [
                ledger.Position.from_holding(tx.symbol, tx.quantity, tx.price, tx.currency)
                for tx in self.transactions
            ]
        return list(ledger.positions_from_ledger(self.transactions).values())


_KINDS = {kind.value: kind for kind in ledger.TransactionKind}
# What valuations and histories read of a ledger's assets: whole rows (a JSON field, timestamps)
# cost five times as much to load, for 200 assets on every valuation.
_ASSET_FIELDS = ("id", "symbol", "currency", "category", "market", "preferred_source")
# A stored decimal as Django's SQLite backend reads one (a float of 15 significant digits, then
# the column's places); PostgreSQL's driver hands over Decimals. Places of Transaction's columns.
_SQLITE_DIGITS = Context(prec=15)
_COLUMN_DIGITS = Context(prec=28)
_QUANTITY_PLACES = Decimal(1).scaleb(-10)
_PRICE_PLACES = Decimal(1).scaleb(-8)
_EXACT_INT = 10**15


def _stored(value: Decimal | float, places: Decimal) -> Decimal:
    if type(value) is int and -_EXACT_INT < value < _EXACT_INT:
        return Decimal(value)  # what the path below makes of a whole number, directly
    if not isinstance(value, Decimal):
        value = _SQLITE_DIGITS.create_decimal_from_float(value).quantize(
            places, context=_COLUMN_DIGITS
        )
    return plain(value)


def _driver_rows(rows: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The rows of a ``values_list`` as the database driver returns them: Django's converters
    (one call per value) were a fifth of reading a 2,000-entry ledger; the caller converts."""
    sql, params = rows.query.sql_with_params()
    return _sql_rows(sql, params, rows.db)


def _sql_rows(
    sql: str, params: Sequence[Any], alias: str = DEFAULT_DB_ALIAS
) -> list[tuple[Any, ...]]:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _bars_table() -> str:
    """The daily bar table's quoted name, for the statements written as SQL below."""
    return connections[DEFAULT_DB_ALIAS].ops.quote_name(DailyPrice._meta.db_table)


def _as_date(value: dt.date | str) -> dt.date:
    """A date as the driver returns it: SQLite gives text where it cannot tell the column type."""
    return value if type(value) is dt.date else dt.date.fromisoformat(str(value))


def ledger_transactions(portfolio: Portfolio) -> tuple[list[ledger.Transaction], dict[str, Asset]]:
    """The portfolio's transactions as pure-core entries, oldest first, and their assets (each
    with ``serving``, its serving source, read in the same query).

    The entries come from the process's cache of decoded ledgers when it holds the portfolio's
    current ``ledger_version`` (read here, so a long-lived ``portfolio`` object is no risk), and
    are decoded from the rows otherwise. Rows leave the database as tuples (no model instances):
    a 2,000-entry ledger is read on every valuation.
    """
    entries, assets, _ = _ledger_with_assets(portfolio, with_fx=False)
    return entries, assets


def _ledger_with_assets(
    portfolio: Portfolio, *, with_fx: bool
) -> tuple[list[ledger.Transaction], dict[str, Asset], Asset | None]:
    """``ledger_transactions``, and with ``with_fx`` the USD-KRW asset read in the same query."""
    alias = portfolio._state.db or DEFAULT_DB_ALIAS
    (version,) = _driver_rows(
        Portfolio.objects.using(alias).filter(pk=portfolio.pk).values_list("ledger_version")
    ) or [(None,)]
    key = (alias, connections[alias].settings_dict["NAME"], portfolio.pk)
    cached = LEDGERS.get(key)
    if cached is not None and cached.version != version:
        cached = None
    rows: list[tuple[Any, ...]] | None = None
    if cached is None:
        rows = _ledger_rows(portfolio, alias)
        asset_ids: set[int] = {row[0] for row in rows}
    else:
        asset_ids = set(cached.symbols)
    wanted = Q(pk__in=asset_ids) | Q(symbol=FX_SYMBOL) if with_fx else Q(pk__in=asset_ids)
    assets = Asset.objects.using(alias).filter(wanted).only(*_ASSET_FIELDS)
    by_id: dict[int, Asset] = {}
    fx_asset = None
    for asset in with_serving_source(assets):
        if asset.symbol == FX_SYMBOL:
            fx_asset = asset
        if asset.pk in asset_ids:
            by_id[asset.pk] = asset
    symbols = {pk: asset.symbol for pk, asset in by_id.items()}
    by_symbol = {asset.symbol: asset for asset in by_id.values()}
    if cached is not None and cached.symbols == symbols:
        return list(cached.entries), by_symbol, fx_asset
    entries = _decoded(rows if rows is not None else _ledger_rows(portfolio, alias), symbols)
    if version is not None:
        LEDGERS.put(key, CachedLedger(version, tuple(entries), symbols))
    return entries, by_symbol, fx_asset


def _ledger_rows(portfolio: Portfolio, alias: str) -> list[tuple[Any, ...]]:
    return _driver_rows(
        Transaction.objects.using(alias)
        .filter(portfolio=portfolio)
        .order_by("date", "id")
        .values_list("asset_id", "kind", "date", "quantity", "price", "currency", "fee")
    )


def _decoded(rows: list[tuple[Any, ...]], symbols: dict[int, str]) -> list[ledger.Transaction]:
    return [
        ledger.Transaction(
            _KINDS[kind],
            _as_date(date),
            symbols[asset_id],
            _stored(quantity, _QUANTITY_PLACES),
            _stored(price, _PRICE_PLACES),
            currency,
            _stored(fee, _PRICE_PLACES),
        )
        for asset_id, kind, date, quantity, price, currency, fee in rows
    ]


def holdings_as_ledger(portfolio: Portfolio) -> tuple[list[ledger.Transaction], dict[str, Asset]]:
    """Directly entered holdings as one buy each at the average price on ``acquired_on``.

    This is how a holdings-mode portfolio gets a reconstructed history: as if each position had
    been bought whole on the day it was opened.
    """
    entries: list[ledger.Transaction] = []
    assets: dict[str, Asset] = {}
    for holding in Holding.objects.filter(portfolio=portfolio).select_related("asset"):
        if holding.quantity <= 0:
            continue
        assets[holding.asset.symbol] = holding.asset
        entries.append(
            ledger.Transaction(
                kind=ledger.TransactionKind.BUY,
                date=holding.acquired_on,
                symbol=holding.asset.symbol,
                quantity=plain(holding.quantity),
                price=plain(holding.average_price),
                currency=holding.asset.currency,
            )
        )
    return entries, assets


def portfolio_inputs(
    portfolio: Portfolio, *, splits_up_to: dt.date | None = None
) -> PortfolioInputs:
    """Positions of a portfolio: replayed from its ledger, or read from its holdings.

    With ``splits_up_to``, entries before a split effective by that day are restated in
    post-split shares (quantity × ratio, price ÷ ratio): the money paid stays what it was.
    """
    holdings_mode = portfolio.mode != PortfolioMode.LEDGER
    fx_asset = None
    if holdings_mode:
        entries, assets = holdings_as_ledger(portfolio)
    else:
        entries, assets, fx_asset = _ledger_with_assets(portfolio, with_fx=True)
    book = None
    if splits_up_to is not None:
        book = SplitBook.for_assets(assets.values())
        entries = split_adjusted(entries, book.by_symbol(assets.values()), up_to=splits_up_to)
    bought: dict[str, Decimal] = defaultdict(Decimal)
    with_precise = ledger.PRECISE
    for tx in entries:
        if tx.kind is ledger.TransactionKind.BUY:
            bought[tx.symbol] = with_precise.add(bought[tx.symbol], tx.gross_amount)
    serving = None
    if not holdings_mode:
        serving = {a.pk: a.serving for a in assets.values() if a.serving is not None}  # type: ignore[attr-defined]
    return PortfolioInputs(entries, assets, dict(bought), holdings_mode, book, serving, fx_asset)


def asset_meta(asset: Asset) -> AssetMeta:
    return AssetMeta(asset.symbol, asset.currency, asset.category, asset.market)


def _last_two_closes(
    serving: dict[int, str], *, on_or_before: dt.date, since: dt.date | None
) -> dict[int, list[tuple[dt.date, float]]]:
    """The last two closes of each asset on or before a day, newest first, from its serving
    source: one statement whatever the number of assets.

    Written as SQL (the same on SQLite and PostgreSQL): built through the ORM, the filter over a
    few hundred (asset, source) pairs cost more to compile than the query took to run, on every
    valuation and every live portfolio update.
    """
    if not serving:
        return {}
    pairs = sorted(serving.items())
    table = _bars_table()
    since_sql = "" if since is None else " AND d.date >= %s"
    sql = (
        f"WITH w(asset_id, source) AS (VALUES {', '.join(['(%s, %s)'] * len(pairs))}) "
        "SELECT asset_id, date, close FROM ("
        "SELECT d.asset_id, d.date, d.close, ROW_NUMBER() OVER "
        "(PARTITION BY d.asset_id ORDER BY d.date DESC) AS rank "
        f"FROM {table} d JOIN w ON d.asset_id = w.asset_id AND d.source = w.source "
        f"WHERE d.date <= %s{since_sql}"
        ") ranked WHERE rank <= 2 ORDER BY asset_id, rank"
    )
    params: list[Any] = [value for pair in pairs for value in pair]
    params += [on_or_before] if since is None else [on_or_before, since]
    found: dict[int, list[tuple[dt.date, float]]] = defaultdict(list)
    for asset_id, date, close in _sql_rows(sql, params):
        found[asset_id].append((_as_date(date), close))
    return found


@dataclass(frozen=True)
class Quote:
    """The last close on or before a day and the close before it."""

    symbol: str
    date: dt.date
    last: Decimal
    previous_close: Decimal | None
    previous_date: dt.date | None = None
    source: str = ""

    @property
    def synthetic(self) -> bool:
        return self.source == SYNTHETIC_SOURCE

    @property
    def change(self) -> Decimal | None:
        return None if self.previous_close is None else self.last - self.previous_close

    @property
    def change_pct(self) -> Decimal | None:
        if not self.previous_close:
            return None
        with localcontext(ledger.PRECISE):
            return (self.last - self.previous_close) * 100 / self.previous_close

    def as_price_quote(self) -> PriceQuote:
        return PriceQuote(self.symbol, self.last, self.previous_close, self.previous_date)

    @classmethod
    def from_live(cls, quote: LiveQuote) -> Quote:
        """The realtime feed's quote. The day of its previous close is not known here: a
        valuation dates it from the stored closes (``reports.portfolio_valuation``)."""
        return cls(
            symbol=quote.symbol,
            date=quote.timestamp.date(),
            last=as_decimal(quote.price),
            previous_close=None
            if quote.previous_close is None
            else as_decimal(quote.previous_close),
            source=quote.source,
        )


def quotes_on(
    assets: Iterable[Asset],
    on: dt.date,
    *,
    serving: dict[int, str] | None = None,
    splits: SplitBook | None = None,
) -> dict[str, Quote]:
    """Last close and previous close of each asset on or before ``on``, from its serving source
    (``market.selectors.serving_sources``: real data before synthetic).

    At most four queries whatever the number of assets: the serving sources, the recent window,
    then without a lower bound for the few assets it missed, and the splits; a caller that read
    the serving sources (``with_serving_source``) or the splits of ``assets`` already passes them.
    """
    by_id = {asset.pk: asset for asset in assets}
    if serving is None:
        serving = serving_sources(by_id.values())
    found: dict[int, list[tuple[dt.date, float]]] = {}
    for since in (on - _RECENT_WINDOW, None):
        missing = {asset_id: s for asset_id, s in serving.items() if asset_id not in found}
        if not missing:
            break
        found.update(_last_two_closes(missing, on_or_before=on, since=since))
    if splits is None:
        splits = SplitBook.for_assets(by_id[asset_id] for asset_id in found)
    quotes: dict[str, Quote] = {}
    for asset_id, closes in found.items():
        symbol = by_id[asset_id].symbol
        (last_date, last), *rest = closes
        previous = None
        previous_date = rest[0][0] if rest else None
        if rest:
            # In post-split shares, so a split day is no -50 % day change (nor a false alert).
            ratio = splits.ratio(asset_id, rest[0][0], last_date)
            previous = as_decimal(rest[0][1] / ratio)
        quotes[symbol] = Quote(
            symbol, last_date, as_decimal(last), previous, previous_date, serving[asset_id]
        )
    return quotes


def close_history(
    assets: Iterable[Asset], *, start: dt.date, end: dt.date, split_adjusted: bool = False
) -> dict[str, dict[dt.date, Decimal]]:
    """Daily closes of each asset between two dates (plus the last one before ``start``).

    ``split_adjusted``: closes before a split effective by ``end`` are restated per post-split
    share, to go with quantities restated the same way.
    """
    by_id = {asset.pk: asset for asset in assets}
    history: dict[str, dict[dt.date, Decimal]] = {asset.symbol: {} for asset in by_id.values()}
    if not by_id:
        return history
    # The close before the window carries into its first days (weekends, holidays).
    for symbol, quote in quotes_on(by_id.values(), start).items():
        history[symbol][quote.date] = quote.last
    serving = serving_sources(by_id.values())
    rows = (
        DailyPrice.objects.filter(serving_bars_of(serving), date__gte=start, date__lte=end)
        .order_by()
        .values_list("asset_id", "date", "close")
    )
    for asset_id, date, close in rows.iterator(chunk_size=5000):
        history[by_id[asset_id].symbol][date] = as_decimal(close)
    if split_adjusted:
        book = SplitBook.for_assets(by_id.values())
        for asset_id in book.events:
            closes = history[by_id[asset_id].symbol]
            for day, stored in closes.items():
                ratio = book.ratio(asset_id, day, end)
                if ratio != 1.0:
                    closes[day] = as_decimal(float(stored) / ratio)
    return history


def usd_krw_rates(
    *, start: dt.date, end: dt.date, fx_asset: Asset | None = None
) -> dict[dt.date, Decimal]:
    """USD-KRW closes from the last one on or before ``start`` up to ``end``, from the serving
    source: every rate a valuation on ``end`` converts at, in one query after the asset's
    (``fx_asset``: the asset already read with ``with_serving_source``)."""
    asset = fx_asset or with_serving_source(Asset.objects.filter(symbol=FX_SYMBOL)).first()
    source = None if asset is None else asset.serving  # type: ignore[attr-defined]
    if asset is None or source is None:
        return {}
    # From the last close on or before start (without one, every close is after start anyway).
    # Written as SQL, like _last_two_closes: through the ORM, the subquery cost more to build and
    # compile than the statement took to run, on every valuation.
    table = _bars_table()
    sql = (
        f"SELECT date, close FROM {table} WHERE asset_id = %s AND source = %s AND date <= %s "
        f"AND date >= COALESCE((SELECT date FROM {table} WHERE asset_id = %s AND source = %s "
        "AND date <= %s ORDER BY date DESC LIMIT 1), %s)"
    )
    rows = _sql_rows(sql, [asset.pk, source, end, asset.pk, source, start, start])
    return {_as_date(day): as_decimal(close) for day, close in rows}


def usd_krw_history(*, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    asset = Asset.objects.filter(symbol=FX_SYMBOL).first()
    if asset is None:
        return {}
    return close_history([asset], start=start, end=end)[FX_SYMBOL]


def serves_synthetic(assets: Iterable[Asset]) -> bool:
    """Whether any of ``assets`` is served from synthetic demo bars (real bars win)."""
    return SYNTHETIC_SOURCE in serving_sources(assets).values()


def has_prices(asset: Asset) -> bool:
    return DailyPrice.objects.filter(asset=asset).exists()


def first_fx_date() -> dt.date | None:
    return (
        DailyPrice.objects.filter(asset__symbol=FX_SYMBOL)
        .order_by("date")
        .values_list("date", flat=True)
        .first()
    )


def portfolios_holding_exchanges(exchanges: Iterable[str]) -> list[Portfolio]:
    """Portfolios that hold (or hold through their ledger) an asset on one of ``exchanges``."""
    codes = list(exchanges)
    direct = Holding.objects.filter(asset__exchange__in=codes, quantity__gt=0).values_list(
        "portfolio_id", flat=True
    )
    return list(Portfolio.objects.filter(pk__in=direct).select_related("owner"))


def exchanges_held() -> set[str]:
    return set(
        Holding.objects.filter(quantity__gt=0).values_list("asset__exchange", flat=True).distinct()
    )
