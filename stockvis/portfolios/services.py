"""Write paths of portfolios, watchlists, alerts and notifications (keyword-only, typed)."""

# Views and tasks call these; each write runs in one transaction, and anything that leaves the
# process (Celery tasks, WebSocket pushes) is scheduled with ``transaction.on_commit`` so a
# rolled-back write starts nothing.

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import numpy as np
from celery import current_app
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.market.models import Asset, Category, DailyPrice, Market
from stockvis.market.selectors import serving_source
from stockvis.portfolios import alerts, ledger, selectors
from stockvis.portfolios.models import (
    Holding,
    Notification,
    Portfolio,
    PortfolioMode,
    PortfolioSnapshot,
    PriceAlert,
    Transaction,
    Watchlist,
    WatchlistItem,
)

logger = logging.getLogger(__name__)

COLLECT_SYMBOL_TASK = "stockvis.collector.tasks.collect_symbol"
# Symbols we do not know yet but that a provider can collect: KRX codes, US tickers, crypto pairs.
_KRX_CODE = re.compile(r"^\d{6}$")
_US_TICKER = re.compile(r"^[A-Z]{1,5}(\.[A-Z])?$")
_CRYPTO_PAIR = re.compile(r"^[A-Z0-9]{2,10}-(KRW|USD)$")
# Do not enqueue a second collection of the same symbol while the first is likely still running.
_COLLECTION_DEDUPE_SECONDS = 300


class PortfolioRuleError(ValidationError):
    """A request the portfolio rules refuse (wrong mode, overselling, unknown symbol): a 400."""

    def __init__(self, message: str, *, field: str = "non_field_errors") -> None:
        super().__init__({field: [message]})


# --- Symbols and background collection ------------------------------------------------------


def _placeholder_for(symbol: str) -> dict[str, str] | None:
    """Asset master fields guessed from a symbol's shape until the collector describes it.

    The holding is kept rather than refused: a user's input is never lost because a provider
    is offline, and a network call inside the request would make adding a holding as slow as
    the slowest provider. So the asset is stored *unresolved* (no preferred source): its
    background collection asks a provider to describe it, and until one does the status
    endpoint says why; no source is invented for it.
    """
    source = ""
    if _KRX_CODE.match(symbol):
        return _guess(Category.STOCK, Market.KR, "XKRX", "KRW", source)
    if _CRYPTO_PAIR.match(symbol):
        return _guess(Category.CRYPTO, Market.GLOBAL, "24/7", symbol[-3:], source)
    if _US_TICKER.match(symbol):
        return _guess(Category.STOCK, Market.US, "XNYS", "USD", source)
    return None


def _guess(category: str, market: str, exchange: str, currency: str, source: str) -> dict[str, str]:
    return {
        "category": category,
        "market": market,
        "exchange": exchange,
        "currency": currency,
        "preferred_source": source,
    }


def asset_resolve(*, symbol: str, field: str = "symbol") -> Asset:
    """The asset for a user-typed symbol; registers a placeholder for a collectable new one.

    Raises a 400 for a malformed symbol, an inactive asset, or a symbol whose shape is none of a
    KRX code, a US ticker or a crypto pair (those are the ones the collector can look up). An
    asset without prices gets its collection enqueued after the surrounding transaction commits.
    """
    try:
        canonical = normalize_symbol(symbol)
    except InvalidSymbol as exc:
        raise PortfolioRuleError(str(exc), field=field) from None
    asset = Asset.objects.filter(symbol=canonical).first()
    if asset is None:
        guessed = _placeholder_for(canonical)
        if guessed is None:
            raise PortfolioRuleError(
                f"unknown symbol {canonical}: it is not in the asset list and is not a US "
                "ticker, a 6-digit KRX code or a crypto pair such as BTC-KRW",
                field=field,
            )
        asset, _ = Asset.objects.get_or_create(
            symbol=canonical, defaults={"name": canonical, **guessed}
        )
    if not asset.is_active:
        raise PortfolioRuleError(f"{canonical} is no longer traded", field=field)
    if not DailyPrice.objects.filter(asset=asset).exists():
        collection_enqueue(symbol=asset.symbol)
    return asset


def collection_enqueue(*, symbol: str) -> None:
    """Start collecting ``symbol`` in the background once the current transaction commits."""

    def send() -> None:
        if not cache.add(f"portfolios:collect:{symbol}", 1, _COLLECTION_DEDUPE_SECONDS):
            return
        send_collection_task(symbol)

    transaction.on_commit(send)


def send_collection_task(symbol: str) -> None:
    # By name: the collector app owns the task and may be deployed on other workers.
    current_app.send_task(COLLECT_SYMBOL_TASK, args=[symbol])


# --- Portfolios -----------------------------------------------------------------------------


def portfolio_create(
    *,
    owner: Any,
    name: str,
    base_currency: str | None = None,
    mode: str = PortfolioMode.HOLDINGS,
    is_default: bool = False,
) -> Portfolio:
    """A new portfolio; the user's first one becomes the default whatever ``is_default`` says."""
    with transaction.atomic():
        has_default = Portfolio.objects.filter(owner=owner, is_default=True).exists()
        if is_default and has_default:
            Portfolio.objects.filter(owner=owner, is_default=True).update(is_default=False)
        try:
            with transaction.atomic():
                return Portfolio.objects.create(
                    owner=owner,
                    name=name,
                    base_currency=base_currency or owner.base_currency,
                    mode=mode,
                    is_default=is_default or not has_default,
                )
        except IntegrityError:
            raise PortfolioRuleError(f"you already have a portfolio named {name!r}") from None


def portfolio_update(*, portfolio: Portfolio, changes: Mapping[str, Any]) -> Portfolio:
    """Rename, change base currency or mode (mode only while empty), or make it the default."""
    fields: list[str] = []
    with transaction.atomic():
        new_mode = changes.get("mode")
        if new_mode is not None and new_mode != portfolio.mode:
            is_empty = not (portfolio.holdings.exists() or portfolio.transactions.exists())
            if not is_empty:
                raise PortfolioRuleError(
                    "the mode of a portfolio can only change while it has no holdings and no "
                    "transactions",
                    field="mode",
                )
            portfolio.mode = new_mode
            fields.append("mode")
        for name in ("name", "base_currency"):
            if name in changes and changes[name] != getattr(portfolio, name):
                setattr(portfolio, name, changes[name])
                fields.append(name)
        if changes.get("is_default") and not portfolio.is_default:
            Portfolio.objects.filter(owner_id=portfolio.owner_id, is_default=True).update(
                is_default=False
            )
            portfolio.is_default = True
            fields.append("is_default")
        if fields:
            try:
                with transaction.atomic():
                    portfolio.save(update_fields=[*fields, "updated_at"])
            except IntegrityError:
                raise PortfolioRuleError(
                    f"you already have a portfolio named {portfolio.name!r}", field="name"
                ) from None
    return portfolio


def portfolio_delete(*, portfolio: Portfolio) -> None:
    """Delete a portfolio with everything in it; the next one becomes the default."""
    with transaction.atomic():
        owner_id, was_default = portfolio.owner_id, portfolio.is_default
        portfolio.delete()
        if was_default:
            successor = Portfolio.objects.filter(owner_id=owner_id).order_by("created_at").first()
            if successor is not None:
                successor.is_default = True
                successor.save(update_fields=["is_default"])


def _require_mode(portfolio: Portfolio, mode: str) -> None:
    if portfolio.mode == mode:
        return
    if mode == PortfolioMode.HOLDINGS:
        raise PortfolioRuleError(
            f"portfolio {portfolio.name!r} derives its holdings from transactions: record a "
            "buy or sell instead",
            field="portfolio",
        )
    raise PortfolioRuleError(
        f"portfolio {portfolio.name!r} holds directly entered holdings; set its mode to "
        "'ledger' while it is empty to record transactions",
        field="portfolio",
    )


# --- Holdings (holdings mode) ---------------------------------------------------------------


def _checked_amount(value: Decimal, field: str, *, positive: bool = False) -> Decimal:
    if value < 0 or (positive and value == 0):
        raise PortfolioRuleError(
            "must be positive" if positive else "cannot be negative", field=field
        )
    return value


def holding_create(
    *,
    portfolio: Portfolio,
    symbol: str,
    quantity: Decimal,
    average_price: Decimal,
    acquired_on: dt.date | None = None,
) -> Holding:
    """Add a symbol to a holdings-mode portfolio; a new symbol starts collecting on commit."""
    _require_mode(portfolio, PortfolioMode.HOLDINGS)
    with transaction.atomic():
        asset = asset_resolve(symbol=symbol)
        if Holding.objects.filter(portfolio=portfolio, asset=asset).exists():
            raise PortfolioRuleError(
                f"{asset.symbol} is already in this portfolio: edit that holding", field="symbol"
            )
        return Holding.objects.create(
            portfolio=portfolio,
            asset=asset,
            quantity=_checked_amount(quantity, "quantity", positive=True),
            average_price=_checked_amount(average_price, "average_price"),
            acquired_on=acquired_on or timezone.localdate(),
        )


def holding_update(*, holding: Holding, changes: Mapping[str, Any]) -> Holding:
    _require_mode(holding.portfolio, PortfolioMode.HOLDINGS)
    fields = []
    for name, positive in (("quantity", True), ("average_price", False)):
        if name in changes:
            setattr(holding, name, _checked_amount(changes[name], name, positive=positive))
            fields.append(name)
    if changes.get("acquired_on"):
        holding.acquired_on = changes["acquired_on"]
        fields.append("acquired_on")
    if fields:
        holding.save(update_fields=[*fields, "updated_at"])
    return holding


def holding_delete(*, holding: Holding) -> None:
    _require_mode(holding.portfolio, PortfolioMode.HOLDINGS)
    holding.delete()


# --- Transactions (ledger mode) -------------------------------------------------------------


def _as_ledger_entry(tx: Transaction) -> ledger.Transaction:
    try:
        return ledger.Transaction(
            kind=ledger.TransactionKind(tx.kind),
            date=tx.date,
            symbol=tx.asset.symbol,
            quantity=tx.quantity,
            price=tx.price,
            currency=tx.currency,
            fee=tx.fee,
        )
    except ledger.LedgerError as exc:
        raise PortfolioRuleError(str(exc)) from None


def holdings_rebuild(*, portfolio: Portfolio) -> None:
    """Re-derive a ledger portfolio's holdings from its transactions (400 on overselling)."""
    entries, assets = selectors.ledger_transactions(portfolio)
    try:
        positions = ledger.positions_from_ledger(entries)
    except ledger.LedgerError as exc:
        raise PortfolioRuleError(str(exc)) from None
    first_dates: dict[str, dt.date] = {}
    for entry in entries:
        first_dates.setdefault(entry.symbol, entry.date)
    open_symbols = [symbol for symbol, position in positions.items() if position.is_open]
    Holding.objects.filter(portfolio=portfolio).exclude(asset__symbol__in=open_symbols).delete()
    for symbol in open_symbols:
        position = positions[symbol]
        Holding.objects.update_or_create(
            portfolio=portfolio,
            asset=assets[symbol],
            defaults={
                "quantity": position.quantity,
                "average_price": position.average_price.quantize(Decimal("1e-8")),
                "acquired_on": first_dates[symbol],
            },
        )


def transaction_record(
    *,
    portfolio: Portfolio,
    symbol: str,
    kind: str,
    date: dt.date,
    quantity: Decimal,
    price: Decimal,
    fee: Decimal = Decimal(0),
    currency: str = "",
    note: str = "",
) -> Transaction:
    """Record a trade, dividend or fee and re-derive the holdings; rejects overselling."""
    _require_mode(portfolio, PortfolioMode.LEDGER)
    with transaction.atomic():
        asset = asset_resolve(symbol=symbol)
        tx = Transaction(
            portfolio=portfolio,
            asset=asset,
            kind=kind,
            date=date,
            quantity=quantity,
            price=price,
            fee=fee,
            currency=_checked_currency(currency, asset),
            note=note,
        )
        _as_ledger_entry(tx)
        tx.save()
        holdings_rebuild(portfolio=portfolio)
    return tx


def _checked_currency(currency: str, asset: Asset) -> str:
    given = (currency or asset.currency).strip().upper()
    if given != asset.currency:
        raise PortfolioRuleError(
            f"{asset.symbol} trades in {asset.currency}; record its transactions in "
            f"{asset.currency}, not {given}",
            field="currency",
        )
    return given


def transaction_update(*, tx: Transaction, changes: Mapping[str, Any]) -> Transaction:
    _require_mode(tx.portfolio, PortfolioMode.LEDGER)
    with transaction.atomic():
        fields = [
            name for name in ("kind", "date", "quantity", "price", "fee", "note") if name in changes
        ]
        for name in fields:
            setattr(tx, name, changes[name])
        if "currency" in changes:
            tx.currency = _checked_currency(changes["currency"], tx.asset)
            fields.append("currency")
        _as_ledger_entry(tx)
        if fields:
            tx.save(update_fields=fields)
        holdings_rebuild(portfolio=tx.portfolio)
    return tx


def transaction_delete(*, tx: Transaction) -> None:
    _require_mode(tx.portfolio, PortfolioMode.LEDGER)
    with transaction.atomic():
        portfolio = tx.portfolio
        tx.delete()
        holdings_rebuild(portfolio=portfolio)


# --- Watchlists -----------------------------------------------------------------------------


def watchlist_create(*, owner: Any, name: str) -> Watchlist:
    try:
        with transaction.atomic():
            return Watchlist.objects.create(owner=owner, name=name)
    except IntegrityError:
        raise PortfolioRuleError(f"you already have a watchlist named {name!r}") from None


def watchlist_rename(*, watchlist: Watchlist, name: str) -> Watchlist:
    watchlist.name = name
    try:
        with transaction.atomic():
            watchlist.save(update_fields=["name"])
    except IntegrityError:
        raise PortfolioRuleError(f"you already have a watchlist named {name!r}") from None
    return watchlist


def watchlist_item_add(*, watchlist: Watchlist, symbol: str) -> WatchlistItem:
    with transaction.atomic():
        asset = asset_resolve(symbol=symbol)
        item, _ = WatchlistItem.objects.get_or_create(watchlist=watchlist, asset=asset)
    return item


def watchlist_item_remove(*, watchlist: Watchlist, symbol: str) -> bool:
    try:
        canonical = normalize_symbol(symbol)
    except InvalidSymbol:
        return False
    deleted, _ = WatchlistItem.objects.filter(watchlist=watchlist, asset__symbol=canonical).delete()
    return bool(deleted)


# --- Price alerts and notifications ---------------------------------------------------------


def alert_create(
    *,
    owner: Any,
    symbol: str,
    kind: str,
    threshold: Decimal,
    rsi_period: int = 14,
    note: str = "",
    now: dt.datetime | None = None,
) -> PriceAlert:
    """Create an alert and evaluate it on the stored prices at once: a condition that already
    holds fires now, not at the next ingest (edge-triggered from then on)."""
    with transaction.atomic():
        asset = asset_resolve(symbol=symbol)
        alert = PriceAlert.objects.create(
            owner=owner,
            asset=asset,
            kind=kind,
            threshold=_alert_threshold(kind, threshold),
            rsi_period=rsi_period,
            note=note,
        )
        _alerts_evaluate_now(alert, now=now or timezone.now())
    return alert


def _alerts_evaluate_now(alert: PriceAlert, *, now: dt.datetime) -> None:
    """Evaluate one new or re-armed alert and refresh the instance the caller shows."""
    if not alert.is_active:
        return
    alerts_evaluate(symbols=[alert.asset.symbol], now=now, alert_ids=[alert.pk])
    alert.refresh_from_db()


def _alert_threshold(kind: str, threshold: Decimal) -> Decimal:
    condition = alerts.Condition(kind)
    if condition in alerts.RSI_CONDITIONS and not Decimal(0) <= threshold <= Decimal(100):
        raise PortfolioRuleError("an RSI level is between 0 and 100", field="threshold")
    if condition not in alerts.RSI_CONDITIONS and threshold <= 0:
        raise PortfolioRuleError("must be positive", field="threshold")
    return threshold


def alert_update(
    *, alert: PriceAlert, changes: Mapping[str, Any], now: dt.datetime | None = None
) -> PriceAlert:
    """Edit an alert; a changed condition re-arms it (its last state is forgotten) and is
    evaluated at once, like a new alert."""
    fields = [name for name in ("kind", "threshold", "rsi_period", "note") if name in changes]
    for name in fields:
        setattr(alert, name, changes[name])
    alert.threshold = _alert_threshold(alert.kind, alert.threshold)
    rearmed = bool(set(fields) & {"kind", "threshold", "rsi_period"})
    if rearmed:
        alert.condition_met = None
        fields.append("condition_met")
    if "is_active" in changes:
        alert.is_active = changes["is_active"]
        fields.append("is_active")
    with transaction.atomic():
        if fields:
            alert.save(update_fields=fields)
        if rearmed:
            _alerts_evaluate_now(alert, now=now or timezone.now())
    return alert


def notification_mark_read(*, notification: Notification, now: dt.datetime) -> Notification:
    if notification.read_at is None:
        notification.read_at = now
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, owner: Any, now: dt.datetime) -> int:
    return Notification.objects.filter(owner=owner, read_at__isnull=True).update(read_at=now)


def alerts_schedule_evaluation(sender: Any, symbols: Iterable[str] = (), **kwargs: Any) -> None:
    """``prices_changed`` receiver: evaluate the alerts of these symbols in a worker, after commit.

    Only when an active alert watches one of them, so ingests of unwatched symbols cost one query.
    The ingest that sent the signal has committed already: whatever goes wrong here is logged and
    must not fail it (the next ingest evaluates again).
    """
    try:
        watched = sorted(
            set(
                PriceAlert.objects.filter(is_active=True, asset__symbol__in=list(symbols))
                .values_list("asset__symbol", flat=True)
                .distinct()
            )
        )
        if not watched:
            return
        from stockvis.portfolios.tasks import evaluate_price_alerts

        transaction.on_commit(lambda: evaluate_price_alerts.delay(symbols=watched))
    except Exception:
        logger.exception("could not schedule the price alerts of %s", list(symbols))


def _rsi_of(asset: Asset, period: int) -> Decimal | None:
    from stockvis.analysis.indicators import Bars, IndicatorSpec, compute_indicators
    from stockvis.market.corporate_actions import adjusted_bars

    # Enough history for TA-Lib's Wilder smoothing to settle (it seeds from the first values),
    # split- and dividend-adjusted so a split is no plunge of the RSI (nor a false alert), from
    # the source served (real data before synthetic).
    adjusted = adjusted_bars(asset, source=serving_source(asset))
    closes = adjusted.close[-max(250, period * 10) :]
    if len(closes) <= period:
        return None
    series = np.asarray(closes, dtype=np.float64)
    bars = Bars(open=series, high=series, low=series, close=series, volume=np.zeros_like(series))
    latest = compute_indicators(bars, IndicatorSpec(indicators={"rsi"}, rsi_period=period))
    value = latest.latest()["rsi"]
    return None if value is None else Decimal(str(round(value, 4)))


def alerts_evaluate(
    *,
    symbols: Iterable[str],
    now: dt.datetime,
    alert_ids: Iterable[int] | None = None,
    live: Mapping[str, selectors.Quote] | None = None,
) -> list[Notification]:
    """Evaluate the active alerts of ``symbols`` on the latest stored closes, or on live quotes
    where there are some: those the realtime feed passes as ``live``, else the feed's last quotes
    of the markets in session now (so every evaluation reads the price the feed reads); fire on
    the edge.

    Each alert stores its last state; it fires (a notification, a WebSocket push and the owner's
    Discord webhook) only when the condition goes from false or unknown to true, and re-arms when
    the condition is false again. ``alert_ids`` narrows it to those alerts (a new one).
    """
    fired: list[Notification] = []
    with transaction.atomic():
        rows = PriceAlert.objects.select_for_update().filter(
            is_active=True, asset__symbol__in=list(symbols)
        )
        if alert_ids is not None:
            rows = rows.filter(pk__in=list(alert_ids))
        pending = list(rows.select_related("asset", "owner"))
        if not pending:
            return fired
        assets = {alert.asset.symbol: alert.asset for alert in pending}
        # Bars are dated by the exchange's day, which may already be tomorrow in UTC.
        quotes = selectors.quotes_on(assets.values(), now.date() + dt.timedelta(days=1))
        if live is None:
            live = _live_in_session(assets.values(), now)
        quotes.update({symbol: q for symbol, q in live.items() if symbol in assets})
        rsi_cache: dict[tuple[str, int], Decimal | None] = {}
        for alert in pending:
            quote = quotes.get(alert.asset.symbol)
            if quote is None:
                continue
            condition = alerts.Condition(alert.kind)
            rsi = None
            if condition in alerts.RSI_CONDITIONS:
                key = (alert.asset.symbol, alert.rsi_period)
                if key not in rsi_cache:
                    rsi_cache[key] = _rsi_of(alert.asset, alert.rsi_period)
                rsi = rsi_cache[key]
            seen = alerts.Observation(quote.last, quote.previous_close, rsi)
            result = alerts.evaluate(condition, alert.threshold, seen, previous=alert.condition_met)
            alert.condition_met = result.state
            alert.last_value = (
                None if result.value is None else result.value.quantize(Decimal("1e-8"))
            )
            alert.last_evaluated_at = now
            fields = ["condition_met", "last_value", "last_evaluated_at"]
            if result.fires:
                alert.last_triggered_at = now
                alert.trigger_count += 1
                fields += ["last_triggered_at", "trigger_count"]
                fired.append(_notification_for(alert, quote, result.value))
            alert.save(update_fields=fields)
    return fired


def _live_in_session(assets: Iterable[Asset], now: dt.datetime) -> dict[str, selectors.Quote]:
    """The feed's quotes of the assets whose market trades now. An evaluation after an ingest (or
    at creation) then reads the same price as the feed's own: a stored close, older or provisional,
    would fire, or re-arm, an alert against the live price, and the next live tick fire it again."""
    from stockvis.realtime.quotes import quotes_in_session

    return {
        symbol: selectors.Quote.from_live(q) for symbol, q in quotes_in_session(assets, now).items()
    }


def _notification_for(
    alert: PriceAlert, quote: selectors.Quote, value: Decimal | None
) -> Notification:
    symbol = alert.asset.symbol
    condition = alerts.Condition(alert.kind)
    threshold = alerts.threshold_text(condition, alert.threshold, alert.asset.currency)
    message = alerts.describe(condition, alert.threshold, symbol, value, alert.asset.currency)
    notification = Notification.objects.create(
        owner=alert.owner,
        alert=alert,
        kind="price_alert",
        title=f"{symbol}: {alert.get_kind_display()} {threshold}",
        message=message,
        data={
            "alert_id": alert.pk,
            "symbol": symbol,
            "condition": alert.kind,
            "threshold": threshold,
            "value": None if value is None else str(value),
            "price": str(quote.last),
            "price_date": quote.date.isoformat(),
            "synthetic": quote.synthetic,
        },
    )
    transaction.on_commit(lambda: notification_deliver(notification=notification))
    return notification


def notification_deliver(*, notification: Notification) -> None:
    """Push to the owner's open WebSocket sessions and queue the Discord webhook, if any."""
    from stockvis.portfolios.tasks import deliver_discord_notification
    from stockvis.realtime.broadcast import send_user_event

    try:
        send_user_event(
            user_id=notification.owner_id,
            kind="notification",
            data={
                "id": notification.pk,
                "title": notification.title,
                "message": notification.message,
                "data": notification.data,
                "created_at": notification.created_at.isoformat(),
            },
        )
    except Exception:  # the channel layer is best effort; the in-app list has the notification
        logger.warning("could not push notification %s", notification.pk, exc_info=True)
    if notification.owner.discord_webhook_url:
        deliver_discord_notification.delay(notification_id=notification.pk)


# --- Snapshots ------------------------------------------------------------------------------


def snapshot_take(*, portfolio: Portfolio, kind: str, at: dt.datetime) -> PortfolioSnapshot | None:
    """Store the portfolio's current value; None (logged) when it cannot be valued now."""
    from stockvis.portfolios.reports import ValuationUnavailable, portfolio_valuation

    try:
        report = portfolio_valuation(portfolio=portfolio, on=at.date())
    except ValuationUnavailable as exc:
        logger.warning("no snapshot of portfolio %s: %s", portfolio.pk, exc.detail)
        return None
    total = report.valuation.total
    return PortfolioSnapshot.objects.create(
        portfolio=portfolio,
        taken_at=at,
        kind=kind,
        as_of=report.valuation.as_of,
        currency=total.currency,
        total_value=total.market_value.quantize(Decimal("1e-4")),
        total_cost=total.cost.quantize(Decimal("1e-4")),
        pnl=total.unrealised_pnl.quantize(Decimal("1e-4")),
        pnl_pct=None
        if total.unrealised_pnl_pct is None
        else total.unrealised_pnl_pct.quantize(Decimal("1e-4")),
    )
