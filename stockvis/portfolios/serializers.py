"""Input and output shapes of the portfolio, watchlist, alert and notification API."""

# Input serializers validate types only; the rules (modes, ownership, symbols) live in services.
# Output serializers never accept an owner: ownership comes from the request, never the body.

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from stockvis.accounts.models import Currency
from stockvis.core.fields import BoundedDateField, BoundedDateTimeField
from stockvis.market.serializers import synthetic_notice
from stockvis.portfolios.alerts import Condition, threshold_text
from stockvis.portfolios.models import (
    AlertKind,
    Holding,
    Notification,
    Portfolio,
    PortfolioMode,
    PortfolioSnapshot,
    PriceAlert,
    Transaction,
    TransactionKind,
    Watchlist,
)
from stockvis.portfolios.selectors import Quote, plain


class AmountField(serializers.DecimalField):
    """A quantity, price or fee as input: up to 28 digits, 10 of them after the point."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=28, decimal_places=10, coerce_to_string=True, **kwargs)


class PlainDecimalField(serializers.DecimalField):
    """A stored decimal as a string without the column's trailing zeros ("10", "187.33")."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=30, decimal_places=10, **kwargs)

    def to_representation(self, value: Any) -> str:
        return format(plain(value), "f")


@extend_schema_field({"type": "string", "format": "decimal", "nullable": True})
class DecimalString(serializers.CharField):
    """An exact decimal as a string (documentation of computed payloads)."""


class PortfolioSerializer(serializers.ModelSerializer[Portfolio]):
    class Meta:
        model = Portfolio
        fields = ("id", "name", "base_currency", "mode", "is_default", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")


class PortfolioInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=80)
    base_currency = serializers.ChoiceField(choices=Currency.choices, required=False)
    mode = serializers.ChoiceField(choices=PortfolioMode.choices, required=False)
    is_default = serializers.BooleanField(required=False)


class HoldingSerializer(serializers.ModelSerializer[Holding]):
    symbol = serializers.CharField(source="asset.symbol", read_only=True)
    name = serializers.CharField(source="asset.name", read_only=True)
    currency = serializers.CharField(source="asset.currency", read_only=True)
    quantity = PlainDecimalField(read_only=True)
    average_price = PlainDecimalField(read_only=True)

    class Meta:
        model = Holding
        fields = (
            "id",
            "portfolio",
            "symbol",
            "name",
            "currency",
            "quantity",
            "average_price",
            "acquired_on",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class HoldingCreateSerializer(serializers.Serializer[Any]):
    portfolio = serializers.IntegerField(
        required=False, help_text="Your portfolio's id; your default portfolio when omitted."
    )
    symbol = serializers.CharField(max_length=32)
    quantity = AmountField()
    average_price = AmountField()
    acquired_on = BoundedDateField(required=False)


class HoldingUpdateSerializer(serializers.Serializer[Any]):
    quantity = AmountField(required=False)
    average_price = AmountField(required=False)
    acquired_on = BoundedDateField(required=False)


class TransactionSerializer(serializers.ModelSerializer[Transaction]):
    symbol = serializers.CharField(source="asset.symbol", read_only=True)
    quantity = PlainDecimalField(read_only=True)
    price = PlainDecimalField(read_only=True)
    fee = PlainDecimalField(read_only=True)

    class Meta:
        model = Transaction
        fields = (
            "id",
            "portfolio",
            "symbol",
            "kind",
            "date",
            "quantity",
            "price",
            "fee",
            "currency",
            "note",
            "created_at",
        )
        read_only_fields = fields


class TransactionCreateSerializer(serializers.Serializer[Any]):
    portfolio = serializers.IntegerField(
        required=False, help_text="Your portfolio's id; your default portfolio when omitted."
    )
    symbol = serializers.CharField(max_length=32)
    kind = serializers.ChoiceField(choices=TransactionKind.choices)
    date = BoundedDateField()
    quantity = AmountField()
    price = AmountField()
    fee = AmountField(required=False)
    currency = serializers.CharField(
        max_length=3, required=False, help_text="The asset's currency (the default)."
    )
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class TransactionUpdateSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=TransactionKind.choices, required=False)
    date = BoundedDateField(required=False)
    quantity = AmountField(required=False)
    price = AmountField(required=False)
    fee = AmountField(required=False)
    currency = serializers.CharField(max_length=3, required=False)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class SnapshotSerializer(serializers.ModelSerializer[PortfolioSnapshot]):
    class Meta:
        model = PortfolioSnapshot
        fields = (
            "taken_at",
            "kind",
            "as_of",
            "currency",
            "total_value",
            "total_cost",
            "pnl",
            "pnl_pct",
        )
        read_only_fields = fields


class QuoteSerializer(serializers.Serializer[Quote]):
    date = serializers.DateField()
    last = DecimalString()
    previous_close = DecimalString(allow_null=True)
    change = DecimalString(allow_null=True)
    change_pct = serializers.SerializerMethodField()

    def get_change_pct(self, quote: Quote) -> str | None:
        pct = quote.change_pct
        return None if pct is None else str(round(pct, 2))


class WatchlistItemSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    name = serializers.CharField()
    currency = serializers.CharField()
    added_at = serializers.DateTimeField()
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(
        allow_null=True, help_text="Says the figures come from demo data when `synthetic`."
    )
    quote = QuoteSerializer(allow_null=True, help_text="Null until the symbol has prices.")


class WatchlistSerializer(serializers.ModelSerializer[Watchlist]):
    items = serializers.SerializerMethodField()

    class Meta:
        model = Watchlist
        fields = ("id", "name", "created_at", "items")
        read_only_fields = ("id", "created_at", "items")

    @extend_schema_field(WatchlistItemSerializer(many=True))
    def get_items(self, watchlist: Watchlist) -> list[dict[str, Any]]:
        quotes: dict[str, Quote] = self.context.get("quotes", {})
        rows: list[dict[str, Any]] = []
        for item in watchlist.items.all():
            quote = quotes.get(item.asset.symbol)
            rows.append(
                WatchlistItemSerializer(
                    {
                        "symbol": item.asset.symbol,
                        "name": item.asset.name,
                        "currency": item.asset.currency,
                        "added_at": item.added_at,
                        # What the quote shown is; an item without one shows no data at all.
                        "synthetic": quote is not None and quote.synthetic,
                        "notice": synthetic_notice(quote is not None and quote.synthetic),
                        "quote": quote,
                    }
                ).data
            )
        return rows


class WatchlistInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=80)


class SymbolInputSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField(max_length=32)


@extend_schema_field({"type": "string", "format": "decimal"})
class ThresholdField(serializers.Field):
    """An alert's threshold as its notifications write it: ``1.00`` (%), ``250.00`` (USD)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: PriceAlert) -> str:
        return threshold_text(Condition(value.kind), value.threshold, value.asset.currency)


class PriceAlertSerializer(serializers.ModelSerializer[PriceAlert]):
    symbol = serializers.CharField(source="asset.symbol", read_only=True)
    threshold = ThresholdField(
        help_text="At least the currency's minor unit for a price, two decimals for a "
        "percentage or an RSI level; more only when given."
    )
    last_value = PlainDecimalField(read_only=True, allow_null=True)

    class Meta:
        model = PriceAlert
        fields = (
            "id",
            "symbol",
            "kind",
            "threshold",
            "rsi_period",
            "is_active",
            "condition_met",
            "last_value",
            "last_evaluated_at",
            "last_triggered_at",
            "trigger_count",
            "note",
            "created_at",
        )
        read_only_fields = fields


class PriceAlertCreateSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField(max_length=32)
    kind = serializers.ChoiceField(choices=AlertKind.choices)
    threshold = AmountField()
    rsi_period = serializers.IntegerField(min_value=2, max_value=100, required=False)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class PriceAlertUpdateSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=AlertKind.choices, required=False)
    threshold = AmountField(required=False)
    rsi_period = serializers.IntegerField(min_value=2, max_value=100, required=False)
    is_active = serializers.BooleanField(required=False)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    class Meta:
        model = Notification
        fields = ("id", "kind", "title", "message", "data", "alert", "created_at", "read_at")
        read_only_fields = fields


class MarkedReadSerializer(serializers.Serializer[Any]):
    marked = serializers.IntegerField()


# --- Documentation of the computed payloads (reports.py builds them) -----------------------


class PortfolioRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    mode = serializers.ChoiceField(choices=PortfolioMode.choices)
    base_currency = serializers.CharField()


class FiguresSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    market_value = DecimalString()
    cost = DecimalString()
    unrealised_pnl = DecimalString()
    unrealised_pnl_pct = DecimalString(allow_null=True)
    price_effect = DecimalString(
        help_text="The part of unrealised P&L from the price: (value − cost) in the asset's "
        "currency at the valuation day's rate."
    )
    currency_effect = DecimalString(
        help_text="The part of unrealised P&L from the exchange rate: the asset-currency cost at "
        "the valuation day's rate minus the cost at the rates of its transaction dates; 0 in the "
        "asset's own currency."
    )
    realised_pnl = DecimalString()
    realised_pnl_pct = DecimalString(
        allow_null=True, help_text="Realised P&L over the cost of what was sold."
    )
    dividends = DecimalString()
    day_change = DecimalString(
        allow_null=True,
        help_text="Value now minus value at the previous close, each at its own day's rate.",
    )
    day_change_pct = DecimalString(allow_null=True)


class HoldingValuationSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    category = serializers.CharField()
    market = serializers.CharField()
    quantity = DecimalString()
    average_price = DecimalString()
    last_price = DecimalString(allow_null=True)
    previous_close = DecimalString(allow_null=True)
    price_date = serializers.DateField(allow_null=True)
    local = FiguresSerializer(help_text="In the asset's currency.")
    base = FiguresSerializer(help_text="In the portfolio's base currency.")
    weight_pct = DecimalString(allow_null=True)


class FxSerializer(serializers.Serializer[Any]):
    pair = serializers.CharField()
    date = serializers.DateField()
    rate = DecimalString()
    estimated_before = serializers.DateField(
        allow_null=True,
        help_text="The first stored USD-KRW close when a transaction is older: costs before this "
        "date are converted at this first rate (an estimate); null when every rate is stored.",
    )


class ValuationSerializer(serializers.Serializer[Any]):
    portfolio = PortfolioRefSerializer()
    as_of = serializers.DateField()
    base_currency = serializers.CharField()
    fx = FxSerializer(allow_null=True)
    holdings = HoldingValuationSerializer(many=True)
    total = FiguresSerializer()
    unpriced = serializers.ListField(child=serializers.CharField())
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(
        allow_null=True, help_text="Says the figures come from demo data when `synthetic`."
    )


class SliceSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    value = DecimalString()
    pct = DecimalString(allow_null=True)


class AllocationSerializer(serializers.Serializer[Any]):
    portfolio = PortfolioRefSerializer()
    as_of = serializers.DateField()
    base_currency = serializers.CharField()
    by_asset = SliceSerializer(many=True)
    by_category = SliceSerializer(many=True)
    by_market = SliceSerializer(many=True)
    by_currency = SliceSerializer(many=True)
    unpriced = serializers.ListField(child=serializers.CharField())
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(
        allow_null=True, help_text="Says the figures come from demo data when `synthetic`."
    )


class HistoryPointSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    total_value = DecimalString()
    total_cost = DecimalString()
    pnl = DecimalString()
    pnl_pct = DecimalString(allow_null=True)
    net_cash_flow = DecimalString()


class HistorySerializer(serializers.Serializer[Any]):
    portfolio = PortfolioRefSerializer()
    currency = serializers.CharField()
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)
    simple_return_pct = DecimalString(allow_null=True)
    time_weighted_return_pct = DecimalString(allow_null=True)
    points = HistoryPointSerializer(many=True)
    fx_estimated_before = serializers.DateField(
        allow_null=True,
        help_text="Costs of transactions before this date use the first stored USD-KRW close.",
    )
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(
        allow_null=True, help_text="Says the figures come from demo data when `synthetic`."
    )


class DateQuerySerializer(serializers.Serializer[Any]):
    date = BoundedDateField(required=False)


# A history answers one point a day: this many days at most keeps its body a few megabytes.
HISTORY_MAX_DAYS = 366 * 20


class HistoryQuerySerializer(serializers.Serializer[Any]):
    start = BoundedDateField(required=False)
    end = BoundedDateField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("start"), attrs.get("end")
        if start and end and start > end:
            raise serializers.ValidationError({"start": ["must not be after end"]})
        if start and end and (end - start).days > HISTORY_MAX_DAYS:
            raise serializers.ValidationError(
                {"start": [f"at most {HISTORY_MAX_DAYS} days of history at once"]}
            )
        return attrs


class SnapshotQuerySerializer(serializers.Serializer[Any]):
    since = BoundedDateTimeField(
        required=False, help_text="Only snapshots taken at or after this ISO 8601 date-time."
    )


class PortfolioFilterSerializer(serializers.Serializer[Any]):
    portfolio = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text="Only this portfolio's (one of yours).",
    )


class UnreadQuerySerializer(serializers.Serializer[Any]):
    unread = serializers.BooleanField(required=False, help_text="Only unread ones.")
