"""Input validation and output shapes of the indicator and screener endpoints.

The input serializers validate query parameters (ranges come from the pure core, so the API,
the core and the OpenAPI schema cannot disagree). The output serializers only describe the
responses for the schema: payloads are built as plain columns and encoded once with orjson.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final

from rest_framework import serializers

from stockvis.analysis.indicators import (
    MAX_BB_STDDEV,
    MAX_MOVING_AVERAGES,
    MAX_PERIOD,
    MIN_BB_STDDEV,
    MIN_PERIOD,
    MIN_SMOOTHING_PERIOD,
    Indicator,
    IndicatorSpec,
    InvalidIndicatorParams,
)
from stockvis.analysis.selectors import SORT_COLUMNS, ScreenerFilters
from stockvis.analysis.services import SYNTHETIC_NOTICE, IndicatorReport, signal_as_dict
from stockvis.analysis.signals import CompositeLabel, CrossoverKind, Direction, SignalName
from stockvis.core import numbers
from stockvis.market.models import SYNTHETIC_SOURCE, Category, Market
from stockvis.market.params import (
    BAR_TYPES,
    MAX_DAYS,
    PERIODS,
    InvalidChartParams,
    parse_chart_window,
)

INDICATOR_CHOICES: Final = tuple(indicator.value for indicator in Indicator)
INDICATOR_ALIASES: Final = {"bb": "bbands", "bollinger": "bbands", "stochastic": "stoch"}
# Query parameters that are not filters: DRF's renderer switch and cache busters (`_=...`).
IGNORED_PARAMS: Final = {"format"}

# The core's parameter names as the API spells them, for error messages.
API_PARAM_NAMES: Final = {
    "macd_fast_period": "macd_fast",
    "macd_slow_period": "macd_slow",
    "macd_signal_period": "macd_signal",
    "sma_periods": "sma",
    "ema_periods": "ema",
    "stoch_fastk_period": "stoch_k",
    "stoch_slowk_period": "stoch_smooth",
    "stoch_slowd_period": "stoch_d",
}


def _one_of(choices: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {"invalid_choice": f'"{{input}}" is not allowed; use one of {", ".join(choices)}.'}


def _range_messages(low: float, high: float, kind: str = "a whole number") -> dict[str, Any]:
    message = f"must be {kind} from {low} to {high}."
    return {
        "invalid": message,
        "min_value": message,
        "max_value": message,
        "max_string_length": message,
    }


def _period(default: int, help_text: str, low: int = MIN_PERIOD) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=low,
        max_value=MAX_PERIOD,
        default=default,
        help_text=help_text,
        error_messages=_range_messages(low, MAX_PERIOD),
    )


def _api_message(exc: InvalidIndicatorParams) -> tuple[str, str]:
    message = str(exc)
    for core_name, api_name in sorted(API_PARAM_NAMES.items(), key=lambda item: -len(item[0])):
        message = message.replace(core_name, api_name)
    return API_PARAM_NAMES.get(exc.param, exc.param), message


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


class StrictQuerySerializer(serializers.Serializer):
    """Rejects unknown query parameters, so a typo (`rsi_perod=5`) is a 400, not ignored."""

    def to_internal_value(self, data: Any) -> Any:
        unknown = sorted(
            name
            for name in data
            if name not in self.fields and name not in IGNORED_PARAMS and not name.startswith("_")
        )
        if unknown:
            raise serializers.ValidationError(
                {
                    name: [f"unknown parameter; allowed: {', '.join(self.fields)}."]
                    for name in unknown
                }
            )
        return super().to_internal_value(data)


# --- indicators ----------------------------------------------------------------------------------


class IndicatorQuerySerializer(StrictQuerySerializer):
    type = serializers.ChoiceField(
        choices=BAR_TYPES, default="daily", error_messages=_one_of(BAR_TYPES)
    )
    period = serializers.ChoiceField(
        choices=list(PERIODS),
        default="1y",
        error_messages=_one_of(list(PERIODS)),
        help_text="Window to show, counted back from the latest bar (ignored when days is set).",
    )
    days = serializers.IntegerField(
        min_value=1,
        max_value=MAX_DAYS,
        required=False,
        help_text="Window in calendar days.",
        error_messages=_range_messages(1, MAX_DAYS),
    )
    indicators = serializers.CharField(
        required=False,
        help_text=f"Comma-separated, any of {', '.join(INDICATOR_CHOICES)} (default: all).",
    )
    rsi_period = _period(14, "RSI period.")
    macd_fast = _period(12, "MACD fast EMA period; below macd_slow.")
    macd_slow = _period(26, "MACD slow EMA period.")
    macd_signal = _period(9, "MACD signal line period.")
    bb_period = _period(20, "Bollinger Bands period.")
    bb_stddev = serializers.FloatField(
        min_value=MIN_BB_STDDEV,
        max_value=MAX_BB_STDDEV,
        default=2.0,
        help_text="Bollinger Bands width in standard deviations.",
        error_messages=_range_messages(MIN_BB_STDDEV, MAX_BB_STDDEV, "a number"),
    )
    sma = serializers.CharField(
        default="20",
        help_text=(
            f"Comma-separated SMA periods ({MIN_PERIOD}-{MAX_PERIOD}, 1 to "
            f"{MAX_MOVING_AVERAGES} of them), e.g. 20,50,200."
        ),
    )
    ema = serializers.CharField(
        default="20",
        help_text=(
            f"Comma-separated EMA periods ({MIN_PERIOD}-{MAX_PERIOD}, 1 to "
            f"{MAX_MOVING_AVERAGES} of them)."
        ),
    )
    stoch_k = _period(14, "Stochastic %K look-back period.")
    stoch_smooth = _period(3, "Stochastic %K smoothing (slow %K) period.", MIN_SMOOTHING_PERIOD)
    stoch_d = _period(3, "Stochastic %D period.", MIN_SMOOTHING_PERIOD)
    atr_period = _period(14, "ATR period.")
    adjusted = serializers.BooleanField(
        default=True,
        help_text="Compute on prices back-adjusted for splits and dividends (false: as collected).",
    )

    def to_internal_value(self, data: Any) -> Any:
        data = dict(data)
        for name in ("type", "period", "indicators"):
            if isinstance(data.get(name), str):
                data[name] = data[name].lower()
        return super().to_internal_value(data)

    def _periods(self, name: str, text: str) -> list[int]:
        try:
            return [int(item) for item in _comma_list(text)]
        except ValueError:
            raise serializers.ValidationError(
                {name: [f"must be comma-separated whole numbers, got {text!r}."]}
            ) from None

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        try:
            window = parse_chart_window(
                attrs["type"], attrs["period"], str(attrs["days"]) if "days" in attrs else None
            )
        except InvalidChartParams as exc:
            raise serializers.ValidationError({exc.field: [str(exc)]}) from None
        names = [
            INDICATOR_ALIASES.get(name, name)
            for name in _comma_list(attrs.get("indicators", ",".join(INDICATOR_CHOICES)))
        ]
        try:
            spec = IndicatorSpec(
                indicators=names,
                rsi_period=attrs["rsi_period"],
                macd_fast_period=attrs["macd_fast"],
                macd_slow_period=attrs["macd_slow"],
                macd_signal_period=attrs["macd_signal"],
                bb_period=attrs["bb_period"],
                bb_stddev=attrs["bb_stddev"],
                sma_periods=self._periods("sma", attrs["sma"]),
                ema_periods=self._periods("ema", attrs["ema"]),
                stoch_fastk_period=attrs["stoch_k"],
                stoch_slowk_period=attrs["stoch_smooth"],
                stoch_slowd_period=attrs["stoch_d"],
                atr_period=attrs["atr_period"],
            )
        except InvalidIndicatorParams as exc:
            field, message = _api_message(exc)
            raise serializers.ValidationError({field: [message]}) from None
        params = {
            "type": window.bar_type,
            "period": window.period,
            "days": window.days,
            "indicators": sorted(spec.indicators),
            "rsi_period": spec.rsi_period,
            "macd_fast": spec.macd_fast_period,
            "macd_slow": spec.macd_slow_period,
            "macd_signal": spec.macd_signal_period,
            "bb_period": spec.bb_period,
            "bb_stddev": spec.bb_stddev,
            "sma": list(spec.sma_periods),
            "ema": list(spec.ema_periods),
            "stoch_k": spec.stoch_fastk_period,
            "stoch_smooth": spec.stoch_slowk_period,
            "stoch_d": spec.stoch_slowd_period,
            "atr_period": spec.atr_period,
            "adjusted": attrs["adjusted"],
        }
        return {"window": window, "spec": spec, "params": params}


# The indicator each signal reads: `indicators=rsi,macd` answers those two signals only.
SIGNAL_INDICATOR = {name: name.value for name in SignalName} | {SignalName.MA_CROSS: "sma"}


def _asked_for(report: IndicatorReport, signal: SignalName) -> bool:
    return SIGNAL_INDICATOR[signal] in {str(name) for name in report.spec.indicators}


def indicator_payload(report: IndicatorReport, params: Mapping[str, Any]) -> dict[str, Any]:
    """The indicator response: columns aligned to `dates` (NaN becomes null when encoded).

    Signals and events are those of the indicators asked for; the composite always weighs all
    seven signals, so it reads the same whatever is shown."""
    asset = report.asset
    start = report.window_start
    composite = report.signals.composite
    last_closed = report.columns.dates[report.closed - 1] if report.closed else None
    return {
        "meta": {
            "symbol": asset.symbol,
            "name": asset.name,
            "category": asset.category,
            "market": asset.market,
            "currency": asset.currency,
            "source": report.columns.source,
            "synthetic": report.synthetic,
            "notice": SYNTHETIC_NOTICE if report.synthetic else None,
            "bars": len(report.columns) - start,
            "warmup_bars": start,
            "signals_as_of": last_closed,
        },
        "params": dict(params),
        "dates": report.dates,
        "indicators": {name: report.series(name) for name in report.spec.output_names()},
        "signals": [
            signal_as_dict(signal)
            for signal in report.signals.signals
            if _asked_for(report, signal.name)
        ],
        "composite": {
            "score": numbers.score(composite.score),
            "label": composite.label.value,
            "weights": {name: round(weight, 4) for name, weight in composite.weights.items()},
            "contributions": {
                name: numbers.score(points) for name, points in composite.contributions.items()
            },
        },
        "events": [
            {
                "kind": event.kind.value,
                "signal": event.signal.value,
                "direction": event.direction.value,
                "date": event.date,
            }
            for event in report.signals.events
            if event.index >= start and _asked_for(report, event.signal)
        ],
    }


class SignalSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=[name.value for name in SignalName])
    date = serializers.DateField(allow_null=True, help_text="Bar that triggered the signal.")
    direction = serializers.ChoiceField(choices=[d.value for d in Direction])
    strength = serializers.FloatField(min_value=0, max_value=1)
    reason = serializers.CharField(help_text="One sentence a person can read, in English.")
    reason_code = serializers.CharField(
        help_text=(
            "What the reason says, for a client to word in its own language (e.g. rsi_oversold, "
            "macd_cross_up, warming_up)."
        ),
    )
    reason_params = serializers.DictField(
        help_text="The numbers and words the reason quotes, by name (e.g. rsi, low, high)."
    )
    value = serializers.FloatField(allow_null=True, help_text="The number the reason quotes.")
    has_data = serializers.BooleanField(help_text="False while the indicator warms up.")


class CompositeSerializer(serializers.Serializer):
    score = serializers.FloatField(min_value=-100, max_value=100)
    label = serializers.ChoiceField(choices=[label.value for label in CompositeLabel])  # type: ignore[assignment]
    weights = serializers.DictField(
        child=serializers.FloatField(), help_text="Normalised weights used (sum to 1)."
    )
    contributions = serializers.DictField(
        child=serializers.FloatField(), help_text="Each signal's points in the score."
    )


class CrossoverEventSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[kind.value for kind in CrossoverKind])
    # A plain string: the same choices as SignalSerializer.name would be a second enum
    # component of one choice set in the schema.
    signal = serializers.CharField(help_text="The signal it feeds: macd, ma_cross or stoch.")
    direction = serializers.ChoiceField(choices=[d.value for d in Direction])
    date = serializers.DateField()


class IndicatorMetaSerializer(serializers.Serializer):
    symbol = serializers.CharField()
    name = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices)
    market = serializers.ChoiceField(choices=Market.choices)
    currency = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(allow_null=True)
    bars = serializers.IntegerField(help_text="Bars in the window (length of every array).")
    warmup_bars = serializers.IntegerField(
        help_text="Stored bars before the window used as warm-up."
    )
    signals_as_of = serializers.DateField(
        allow_null=True, help_text="Last closed bar; a still-forming bar is shown but not read."
    )


class IndicatorResponseSerializer(serializers.Serializer):
    meta = IndicatorMetaSerializer()
    params = serializers.DictField(help_text="The parameters used, defaults filled in.")
    dates = serializers.ListField(child=serializers.DateField())
    indicators = serializers.DictField(
        child=serializers.ListField(child=serializers.FloatField(allow_null=True)),
        help_text=(
            "One array per output (rsi, macd, macd_signal, macd_hist, bb_upper, bb_middle, "
            "bb_lower, sma_<n>, ema_<n>, stoch_k, stoch_d, obv, atr), aligned to dates; null "
            "while warming up."
        ),
    )
    signals = SignalSerializer(many=True)
    composite = CompositeSerializer()
    events = CrossoverEventSerializer(many=True, help_text="Crossovers inside the window.")


# --- screener ------------------------------------------------------------------------------------

SORT_CHOICES: Final = [key for name in SORT_COLUMNS for key in (name, f"-{name}")]
DIRECTION_CHOICES: Final = [direction.value for direction in Direction]
LABEL_CHOICES: Final = [label.value for label in CompositeLabel]
SIGNAL_FILTERS: Final = ("rsi", "macd", "bbands", "ma_cross", "stoch", "obv")
MAX_PAGE_SIZE: Final = 200
MAX_PAGE: Final = 100_000


def _choice_list(
    name: str, text: str, choices: list[str], *, upper: bool = False
) -> tuple[str, ...]:
    values = [item.upper() if upper else item.lower() for item in _comma_list(text)]
    wrong = [value for value in values if value not in choices]
    if wrong or not values:
        raise serializers.ValidationError(
            {
                name: [
                    f"{', '.join(wrong) or 'nothing'} is not allowed; use one of {', '.join(choices)}."
                ]
            }
        )
    return tuple(dict.fromkeys(values))


class FiniteFloatField(serializers.FloatField):
    """A float that must be finite: NaN passes min/max checks and would match nothing silently."""

    def to_internal_value(self, data: Any) -> float:
        value = super().to_internal_value(data)
        if not math.isfinite(value):
            self.fail("invalid")
        return value


def _bound(low: int, high: int) -> FiniteFloatField:
    return FiniteFloatField(
        min_value=low,
        max_value=high,
        required=False,
        error_messages=_range_messages(low, high, "a number"),
    )


class ScreenerQuerySerializer(StrictQuerySerializer):
    rsi_lt = _bound(0, 100)
    rsi_gt = _bound(0, 100)
    score_gte = _bound(-100, 100)
    score_lte = _bound(-100, 100)
    signal = serializers.CharField(
        required=False,
        help_text=f"Composite label, comma-separated for several: {', '.join(LABEL_CHOICES)}.",
    )
    category = serializers.CharField(
        required=False, help_text=f"Comma-separated: {', '.join(Category.values)}."
    )
    market = serializers.CharField(
        required=False, help_text=f"Comma-separated: {', '.join(Market.values)}."
    )
    macd = serializers.ChoiceField(
        choices=["bullish", "bearish"],
        required=False,
        error_messages=_one_of(["bullish", "bearish"]),
        help_text="bullish: MACD above its signal line; bearish: below.",
    )
    above_sma50 = serializers.BooleanField(required=False, help_text="Close above the SMA 50.")
    above_sma200 = serializers.BooleanField(required=False, help_text="Close above the SMA 200.")
    synthetic = serializers.BooleanField(required=False, help_text="Only (or no) demo data.")
    rsi_signal = serializers.ChoiceField(choices=DIRECTION_CHOICES, required=False)
    macd_signal = serializers.ChoiceField(choices=DIRECTION_CHOICES, required=False)
    bbands_signal = serializers.ChoiceField(choices=DIRECTION_CHOICES, required=False)
    ma_cross_signal = serializers.ChoiceField(
        choices=DIRECTION_CHOICES, required=False, help_text="buy: golden cross; sell: death cross."
    )
    stoch_signal = serializers.ChoiceField(choices=DIRECTION_CHOICES, required=False)
    obv_signal = serializers.ChoiceField(choices=DIRECTION_CHOICES, required=False)
    sort = serializers.ChoiceField(
        choices=SORT_CHOICES,
        default="-score",
        error_messages=_one_of(SORT_CHOICES),
        help_text="A leading '-' sorts descending; ties break on the symbol; nulls last.",
    )
    page = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE, default=1, error_messages=_range_messages(1, MAX_PAGE)
    )
    page_size = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        default=50,
        error_messages=_range_messages(1, MAX_PAGE_SIZE),
    )

    def to_internal_value(self, data: Any) -> Any:
        data = dict(data)
        for name in ("macd", "sort", *(f"{signal}_signal" for signal in SIGNAL_FILTERS)):
            if isinstance(data.get(name), str):
                data[name] = data[name].lower()
        return super().to_internal_value(data)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        filters = ScreenerFilters(
            rsi_lt=attrs.get("rsi_lt"),
            rsi_gt=attrs.get("rsi_gt"),
            score_gte=attrs.get("score_gte"),
            score_lte=attrs.get("score_lte"),
            labels=_choice_list("signal", attrs["signal"], LABEL_CHOICES)
            if "signal" in attrs
            else (),
            categories=_choice_list("category", attrs["category"], list(Category.values))
            if "category" in attrs
            else (),
            markets=_choice_list("market", attrs["market"], list(Market.values), upper=True)
            if "market" in attrs
            else (),
            macd=attrs.get("macd"),
            above_sma200=attrs.get("above_sma200"),
            above_sma50=attrs.get("above_sma50"),
            synthetic=attrs.get("synthetic"),
            directions={
                signal: attrs[f"{signal}_signal"]
                for signal in SIGNAL_FILTERS
                if f"{signal}_signal" in attrs
            },
        )
        return {
            "filters": filters,
            "sort": attrs["sort"],
            "page": attrs["page"],
            "page_size": attrs["page_size"],
        }


class ScreenerRowSerializer(serializers.Serializer):
    symbol = serializers.CharField()
    name = serializers.CharField()
    name_local = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices)
    market = serializers.ChoiceField(choices=Market.choices)
    currency = serializers.CharField()
    as_of = serializers.DateField(help_text="Last closed bar the row describes.")
    close = serializers.FloatField()
    change_percent = serializers.FloatField(allow_null=True)
    rsi = serializers.FloatField(allow_null=True)
    macd_hist = serializers.FloatField(allow_null=True)
    above_sma50 = serializers.BooleanField(allow_null=True)
    above_sma200 = serializers.BooleanField(allow_null=True)
    score = serializers.FloatField(min_value=-100, max_value=100)
    label = serializers.ChoiceField(choices=LABEL_CHOICES)  # type: ignore[assignment]
    signals = serializers.DictField(
        child=serializers.ChoiceField(choices=DIRECTION_CHOICES),
        help_text="Direction of each individual signal.",
    )
    source = serializers.CharField()  # type: ignore[assignment]
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(allow_null=True, help_text="Set when the row is demo data.")


class ScreenerMetaSerializer(serializers.Serializer):
    synthetic = serializers.BooleanField(help_text="True when any row on the page is demo data.")
    notice = serializers.CharField(allow_null=True)
    computed_now = serializers.IntegerField(
        help_text="Assets without a snapshot that this request computed."
    )
    missing_snapshots = serializers.IntegerField(
        help_text="Assets still without a snapshot (see `stockvis indicators --refresh-all`)."
    )


class ScreenerResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    pages = serializers.IntegerField()
    sort = serializers.CharField()
    results = ScreenerRowSerializer(many=True)
    meta = ScreenerMetaSerializer()


def screener_row(row: Mapping[str, Any]) -> dict[str, Any]:
    close, sma_50, sma_200 = row["close"], row["sma_50"], row["sma_200"]
    return {
        "symbol": row["asset__symbol"],
        "name": row["asset__name"],
        "name_local": row["asset__name_local"],
        "category": row["asset__category"],
        "market": row["asset__market"],
        "currency": row["asset__currency"],
        "as_of": row["as_of"],
        "close": close,
        "change_percent": numbers.percent(row["change_percent"]),
        "rsi": row["rsi"],
        "macd_hist": row["macd_hist"],
        "above_sma50": None if sma_50 is None else close > sma_50,
        "above_sma200": None if sma_200 is None else close > sma_200,
        "score": numbers.score(row["score"]),
        "label": row["label"],
        "signals": {signal: row[f"{signal}_direction"] for signal in SIGNAL_FILTERS},
        "source": row["source"],
        "synthetic": row["source"] == SYNTHETIC_SOURCE,
        "notice": SYNTHETIC_NOTICE if row["source"] == SYNTHETIC_SOURCE else None,
    }
