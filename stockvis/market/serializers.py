"""Input and output serializers of the market API; the output ones also document the schema.

Query-parameter serializers validate and normalise input (``ChartQuerySerializer`` is reused by
the indicator endpoint). Bulk bars never go through a serializer: ``chart_payload`` builds the
body from the selector's columns and the view encodes it once; ``ChartResponseSerializer`` only
describes that body for the OpenAPI schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from stockvis.market.models import (
    SYNTHETIC_SOURCE,
    Asset,
    BalanceSheet,
    CashFlowStatement,
    Category,
    CompanyProfile,
    IncomeStatement,
    Market,
    StatementBase,
)
from stockvis.market.params import (
    BAR_TYPES,
    MAX_DAYS,
    PERIODS,
    SEARCH_KEYWORDS_MAX,
    SEARCH_LIMIT_DEFAULT,
    SEARCH_LIMIT_MAX,
    STATEMENT_LIMIT_DEFAULT,
    STATEMENT_LIMIT_MAX,
    STATEMENT_PERIODS,
    ChartWindow,
)
from stockvis.market.selectors import ChartRows, LatestQuote
from stockvis.providers.registry import PROVIDER_NAMES
from stockvis.providers.synthetic import SYNTHETIC_LABEL

SYNTHETIC_NOTICE = SYNTHETIC_LABEL


def synthetic_notice(synthetic: bool) -> str | None:
    """The sentence every response carrying synthetic data shows next to it."""
    return SYNTHETIC_NOTICE if synthetic else None


def query_data(query_params: Mapping[str, str]) -> dict[str, str]:
    """Query parameters as a plain dict (the last value of each). An empty value is a value, so
    ``?period=`` is the 400 it is rather than the default; DRF would read it as "not given"."""
    return dict(query_params.items())


# --- Input ----------------------------------------------------------------------------------


class LowercaseChoiceField(serializers.ChoiceField):
    """A choice compared case-insensitively (``?type=DAILY``); a bad value's error lists them all."""

    def __init__(self, choices: tuple[str, ...] | list[str], **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": f'"{{input}}" is not allowed; use one of: {", ".join(choices)}.'},
        )
        super().__init__(list(choices), **kwargs)

    def to_internal_value(self, data: Any) -> Any:
        return super().to_internal_value(data.strip().lower() if isinstance(data, str) else data)


class ChartQuerySerializer(serializers.Serializer[Any]):
    """``type``, ``period`` and ``days`` of a chart window; ``validated_data["window"]`` is the
    :class:`ChartWindow`. ``days`` wins over ``period`` when both are given."""

    type = LowercaseChoiceField(BAR_TYPES, required=False, default="daily", help_text="Bar size.")
    period = LowercaseChoiceField(
        tuple(PERIODS),
        required=False,
        default="1y",
        help_text="Span counted back from the latest stored bar (calendar days).",
    )
    days = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_DAYS,
        help_text="Calendar days back from the latest stored bar; overrides `period`.",
    )
    source = LowercaseChoiceField(  # type: ignore[assignment]
        PROVIDER_NAMES,
        required=False,
        help_text="Bars of this source only. Default: the serving source (the asset's preferred "
        "real source, else another real one, else synthetic demo data).",
    )
    adjusted = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Back-adjust for splits and dividends (default: the bars as collected).",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        days = attrs.get("days")
        attrs["window"] = ChartWindow(
            bar_type=attrs["type"],
            period=None if days is not None else attrs["period"],
            days=days,
        )
        return attrs


class StatementQuerySerializer(serializers.Serializer[Any]):
    period = LowercaseChoiceField(
        STATEMENT_PERIODS, required=False, default="annual", help_text="Reporting period."
    )
    limit = serializers.IntegerField(
        required=False,
        default=STATEMENT_LIMIT_DEFAULT,
        min_value=1,
        max_value=STATEMENT_LIMIT_MAX,
        help_text="Newest reports to return.",
    )


class SearchQuerySerializer(serializers.Serializer[Any]):
    keywords = serializers.CharField(
        max_length=SEARCH_KEYWORDS_MAX,
        help_text="Part of a symbol or name, in English or Korean (`aap`, `apple`, `삼성`).",
    )
    limit = serializers.IntegerField(
        required=False,
        default=SEARCH_LIMIT_DEFAULT,
        min_value=1,
        max_value=SEARCH_LIMIT_MAX,
        help_text="Most results to return (local and provider together).",
    )
    include_provider = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Also ask the configured data provider when the local master has too few hits.",
    )


class PopularQuerySerializer(serializers.Serializer[Any]):
    limit = serializers.IntegerField(
        required=False,
        default=SEARCH_LIMIT_DEFAULT,
        min_value=1,
        max_value=SEARCH_LIMIT_MAX,
        help_text="Most assets to return.",
    )


# --- Output: shared pieces ------------------------------------------------------------------


class AssetSummarySerializer(serializers.ModelSerializer[Asset]):
    category = serializers.ChoiceField(choices=Category.choices)
    market = serializers.ChoiceField(choices=Market.choices)

    class Meta:
        model = Asset
        fields: tuple[str, ...] = (
            "symbol",
            "name",
            "name_local",
            "category",
            "market",
            "exchange",
            "currency",
        )


class LatestQuoteSerializer(serializers.Serializer[LatestQuote]):
    date = serializers.DateField(help_text="Date of the latest stored daily bar.")
    close = serializers.FloatField()
    previous_close = serializers.FloatField(allow_null=True)
    change = serializers.FloatField(allow_null=True)
    change_percent = serializers.FloatField(allow_null=True)
    source = serializers.CharField()  # type: ignore[assignment]
    synthetic = serializers.BooleanField()
    notice = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_notice(self, quote: LatestQuote) -> str | None:
        return synthetic_notice(quote.synthetic)


# --- Output: chart (schema only; the body is built by chart_payload) ------------------------


class ChartBarSerializer(serializers.Serializer[Any]):
    time = serializers.DateField(help_text="Trading date (lightweight-charts business day).")
    open = serializers.FloatField()
    high = serializers.FloatField()
    low = serializers.FloatField()
    close = serializers.FloatField()
    volume = serializers.FloatField(allow_null=True)


class ChartResponseSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    name = serializers.CharField()
    name_local = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices)
    currency = serializers.CharField()
    type = serializers.ChoiceField(choices=list(BAR_TYPES))
    period = serializers.ChoiceField(choices=list(PERIODS), allow_null=True)
    days = serializers.IntegerField(allow_null=True)
    source = serializers.CharField(help_text="Provider the bars come from.")  # type: ignore[assignment]
    synthetic = serializers.BooleanField(help_text="True when the bars are synthetic demo data.")
    notice = serializers.CharField(
        allow_null=True, help_text="Says the data is synthetic demo data; null for real data."
    )
    count = serializers.IntegerField()
    first_date = serializers.DateField(allow_null=True)
    last_date = serializers.DateField(allow_null=True)
    adjusted = serializers.BooleanField(
        required=False, help_text="True when the bars are back-adjusted for splits and dividends."
    )
    bars = ChartBarSerializer(many=True, help_text="Oldest first.")


def chart_payload(asset: Asset, window: ChartWindow, bars: ChartRows) -> dict[str, object]:
    """The chart body, built from row tuples in one pass; encoded once by the view (orjson)."""
    rows = [
        {"time": day, "open": o, "high": h, "low": lo, "close": c, "volume": v}
        for day, o, h, lo, c, v in bars.rows
    ]
    # An empty answer carries no demo data, so it is not called synthetic.
    synthetic = bars.source == SYNTHETIC_SOURCE and bool(rows)
    return {
        "symbol": asset.symbol,
        "name": asset.name,
        "name_local": asset.name_local,
        "category": asset.category,
        "currency": asset.currency,
        "type": window.bar_type,
        "period": window.period,
        "days": window.days,
        "source": bars.source,
        "synthetic": synthetic,
        "notice": synthetic_notice(synthetic),
        "count": len(rows),
        "first_date": rows[0]["time"] if rows else None,
        "last_date": rows[-1]["time"] if rows else None,
        "bars": rows,
    }


# --- Output: company profile and overview ---------------------------------------------------


class BlankAsNullCharField(serializers.CharField):
    """Text columns store "missing" as an empty string; the API says null, like for numbers."""

    def to_representation(self, value: Any) -> str | None:  # type: ignore[override]
        text = super().to_representation(value)
        return text or None


class TypedModelSerializer(serializers.ModelSerializer[Any]):
    """Numbers as JSON numbers (decimal columns as floats, not strings) and missing as null."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DecimalField: serializers.FloatField,
        models.CharField: BlankAsNullCharField,
        models.TextField: BlankAsNullCharField,
    }

    def build_standard_field(
        self, field_name: str, model_field: models.Field[Any, Any]
    ) -> tuple[type[serializers.Field[Any, Any, Any, Any]], dict[str, Any]]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_class is serializers.FloatField:
            # FloatField takes no decimal arguments.
            for key in ("max_digits", "decimal_places", "coerce_to_string"):
                kwargs.pop(key, None)
        if field_class is BlankAsNullCharField:
            kwargs["allow_null"] = True
        return field_class, kwargs


class CompanyProfileSerializer(TypedModelSerializer):
    class Meta:
        model = CompanyProfile
        exclude = ("id", "asset", "ingested_at")


class OverviewResponseSerializer(AssetSummarySerializer):
    source = serializers.CharField(help_text="Where the latest price comes from.")  # type: ignore[assignment]
    synthetic = serializers.BooleanField(
        help_text="True when the price or the profile shown is synthetic demo data."
    )
    notice = serializers.CharField(allow_null=True)
    quote = LatestQuoteSerializer(allow_null=True, help_text="Null when no bars are stored.")
    profile = CompanyProfileSerializer(
        allow_null=True,
        help_text="Company profile; null for assets that have none (ETFs, indices, crypto, FX).",
    )

    class Meta(AssetSummarySerializer.Meta):
        fields = (
            *AssetSummarySerializer.Meta.fields,
            "source",
            "synthetic",
            "notice",
            "quote",
            "profile",
        )


def overview_payload(
    asset: Asset, quote: LatestQuote | None, profile: CompanyProfile | None
) -> dict[str, Any]:
    shown_sources = {s.source for s in (quote, profile) if s is not None}
    # Only what is shown counts: an asset with nothing stored yet shows no demo data.
    synthetic = SYNTHETIC_SOURCE in shown_sources
    return {
        **AssetSummarySerializer(asset).data,
        "source": quote.source if quote else asset.preferred_source,
        "synthetic": synthetic,
        "notice": synthetic_notice(synthetic),
        "quote": LatestQuoteSerializer(quote).data if quote else None,
        "profile": CompanyProfileSerializer(profile).data if profile else None,
    }


# --- Output: statements ---------------------------------------------------------------------


class BalanceSheetSerializer(TypedModelSerializer):
    class Meta:
        model = BalanceSheet
        exclude = ("id", "asset", "ingested_at", "period_type")


class IncomeStatementSerializer(TypedModelSerializer):
    class Meta:
        model = IncomeStatement
        exclude = ("id", "asset", "ingested_at", "period_type")


class CashFlowStatementSerializer(TypedModelSerializer):
    class Meta:
        model = CashFlowStatement
        exclude = ("id", "asset", "ingested_at", "period_type")


STATEMENT_SERIALIZERS: dict[str, type[TypedModelSerializer]] = {
    "balance_sheet": BalanceSheetSerializer,
    "income_statement": IncomeStatementSerializer,
    "cash_flow": CashFlowStatementSerializer,
}


def _statement_response(kind: str) -> type[serializers.Serializer[Any]]:
    report = STATEMENT_SERIALIZERS[kind]
    name = report.__name__.replace("Serializer", "ResponseSerializer")
    fields: dict[str, Any] = {
        "symbol": serializers.CharField(),
        "statement": serializers.ChoiceField(choices=[kind]),
        "period": serializers.ChoiceField(choices=list(STATEMENT_PERIODS)),
        "count": serializers.IntegerField(),
        "synthetic": serializers.BooleanField(
            help_text="True when any report shown is synthetic demo data."
        ),
        "notice": serializers.CharField(allow_null=True),
        "reports": report(many=True, help_text="Newest first."),
    }
    return type(name, (serializers.Serializer,), fields)


STATEMENT_RESPONSES = {kind: _statement_response(kind) for kind in STATEMENT_SERIALIZERS}


def statements_payload(
    asset: Asset, kind: str, period_type: str, reports: list[StatementBase]
) -> dict[str, Any]:
    synthetic = any(r.source == SYNTHETIC_SOURCE for r in reports)
    return {
        "symbol": asset.symbol,
        "statement": kind,
        "period": period_type,
        "count": len(reports),
        "synthetic": synthetic,
        "notice": synthetic_notice(synthetic),
        "reports": STATEMENT_SERIALIZERS[kind](reports, many=True).data,
    }


# --- Output: search, validate, popular, status ----------------------------------------------

MATCH_KINDS = ("exact", "prefix", "name", "provider")
PROVIDER_STATES = ("ok", "skipped", "not_configured", "unavailable")


class ProviderStateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(allow_null=True, help_text="The configured provider.")
    status = serializers.ChoiceField(
        choices=list(PROVIDER_STATES),
        help_text="ok: asked; skipped: not needed; not_configured: no provider with a search; "
        "unavailable: the provider failed (message says why; local results still answer).",
    )
    message = serializers.CharField(allow_null=True)


class SearchResultSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    name = serializers.CharField()
    name_local = serializers.CharField()
    category = serializers.CharField(allow_null=True, help_text="Null for provider matches.")
    market = serializers.CharField(allow_null=True)
    exchange = serializers.CharField(allow_null=True)
    currency = serializers.CharField(allow_null=True)
    region = serializers.CharField(allow_null=True, help_text="Provider matches only.")
    asset_type = serializers.CharField(allow_null=True, help_text="The provider's asset type.")
    match = serializers.ChoiceField(choices=list(MATCH_KINDS))
    collected = serializers.BooleanField(
        help_text="True for assets in the local master; false for provider matches not yet "
        "collected."
    )
    source = serializers.CharField(help_text='"local" or the provider name.')  # type: ignore[assignment]


class SearchResponseSerializer(serializers.Serializer[Any]):
    keywords = serializers.CharField()
    count = serializers.IntegerField()
    provider = ProviderStateSerializer()
    results = SearchResultSerializer(many=True)


class ProviderMatchSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    name = serializers.CharField()
    asset_type = serializers.CharField()
    region = serializers.CharField()
    currency = serializers.CharField()


class ValidateResponseSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField(help_text="Canonical spelling, or the input when invalid.")
    valid = serializers.BooleanField(help_text="Whether the spelling can be a symbol at all.")
    message = serializers.CharField(allow_null=True)
    known = serializers.BooleanField(help_text="In the local asset master.")
    asset = AssetSummarySerializer(allow_null=True)
    found_at_provider = serializers.BooleanField(
        allow_null=True, help_text="Null when the provider was not asked."
    )
    provider_match = ProviderMatchSerializer(allow_null=True)
    provider = ProviderStateSerializer()


class PopularAssetSerializer(AssetSummarySerializer):
    holders = serializers.IntegerField(help_text="Portfolios holding it.")
    views = serializers.IntegerField(help_text="Chart and overview views this week.")

    class Meta(AssetSummarySerializer.Meta):
        fields = (*AssetSummarySerializer.Meta.fields, "holders", "views")


class PopularResponseSerializer(serializers.Serializer[Any]):
    basis = serializers.ChoiceField(
        choices=["holdings", "views", "default"],
        help_text="What ranks the list first: portfolios holding, recent views, or (with neither) "
        "a default list of well-known symbols.",
    )
    count = serializers.IntegerField()
    results = PopularAssetSerializer(many=True)


class StatusDetailsSerializer(serializers.Serializer[Any]):
    daily_prices = serializers.IntegerField(help_text="Daily bars of the serving `source`.")
    weekly_prices = serializers.IntegerField(help_text="Weekly bars of the serving source.")
    balance_sheets = serializers.IntegerField()
    income_statements = serializers.IntegerField()
    cash_flows = serializers.IntegerField()


class BarsBySourceSerializer(serializers.Serializer[Any]):
    daily = serializers.DictField(child=serializers.IntegerField(), help_text='{"csv": 5241}')
    weekly = serializers.DictField(child=serializers.IntegerField())


class SymbolStatusSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    stock_exists = serializers.BooleanField(help_text="The symbol is in the asset master.")
    resolved = serializers.BooleanField(
        help_text="A provider has described the asset (false: added by a user, not yet known)."
    )
    problem = serializers.CharField(
        allow_null=True,
        help_text="Why the latest collection of the symbol failed, or why it is unresolved.",
    )
    has_overview = serializers.BooleanField()
    has_prices = serializers.BooleanField(help_text="At least one daily bar.")
    has_financial = serializers.BooleanField(help_text="At least one statement.")
    is_complete = serializers.BooleanField(
        help_text="Daily and weekly bars, plus a profile and statements for stocks."
    )
    source = serializers.CharField(  # type: ignore[assignment]
        allow_null=True,
        help_text="The source bars are served from: the preferred real source, else another "
        "real one, else synthetic; null without bars.",
    )
    synthetic = serializers.BooleanField(help_text="The bars served are synthetic demo data.")
    notice = serializers.CharField(allow_null=True)
    bars_by_source = BarsBySourceSerializer(help_text="Stored bars of every source.")
    details = StatusDetailsSerializer(help_text="Stored row counts.")
