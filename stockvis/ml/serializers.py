"""Input validation and documented output shapes of the prediction and registry endpoints."""

from __future__ import annotations

from rest_framework import serializers

from stockvis.ml.estimators import HORIZONS
from stockvis.ml.models import ModelStatus, ModelType, PredictionModel

TYPES = [t.value for t in ModelType]


class PredictQuerySerializer(serializers.Serializer):
    model_type = serializers.ChoiceField(
        choices=ModelType.choices,
        default=ModelType.PRICE.value,
        error_messages={"invalid_choice": f"must be one of {', '.join(TYPES)}, not {{input}}"},
    )
    horizon = serializers.ChoiceField(
        choices=list(HORIZONS),
        default=5,
        help_text="Trading sessions ahead (risk_assessment always forecasts 1 and 10 days).",
        error_messages={
            "invalid_choice": f"must be one of {', '.join(map(str, HORIZONS))}, not {{input}}"
        },
    )


class ServedSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["model", "baseline"])
    name = serializers.CharField(help_text="The algorithm or the baseline served.")
    beat_baseline = serializers.BooleanField()
    message = serializers.CharField(help_text="Why this forecaster is served, in plain words.")


class PredictionSerializer(serializers.Serializer):
    symbol = serializers.CharField()
    name = serializers.CharField()
    currency = serializers.CharField()
    model_type = serializers.ChoiceField(choices=ModelType.choices)
    horizon = serializers.IntegerField()
    as_of = serializers.DateField(help_text="The last closed bar the prediction read.")
    target_date = serializers.DateField(help_text="The session `horizon` sessions after as_of.")
    last_close = serializers.FloatField()
    served = ServedSerializer()
    model = serializers.JSONField(
        allow_null=True, help_text="id, name, version, algorithm, status, training_window."
    )
    backtest = serializers.JSONField(
        allow_null=True,
        help_text="Walk-forward metrics of the served model beside its baseline's, and the "
        "promotion decision.",
    )
    prediction = serializers.JSONField(
        help_text="price: predicted_close, expected_return, intervals 80/95; trend: "
        "probability_up/down, label, strength, top_features; risk: volatility 1d/10d, VaR/ES "
        "95/99 parametric and historical, max_drawdown, beta, risk label."
    )
    series = serializers.JSONField(help_text="history [{time, value}] and forecast fan points.")
    source = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.source
    synthetic = serializers.BooleanField()
    notice = serializers.CharField(allow_null=True)


class ModelSummarySerializer(serializers.ModelSerializer):
    symbol = serializers.CharField(source="asset.symbol")
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=ModelStatus.choices)

    class Meta:
        model = PredictionModel
        fields: tuple[str, ...] = (
            "id",
            "symbol",
            "name",
            "model_type",
            "horizon",
            "version",
            "algorithm",
            "status",
            "status_reason",
            "training_start",
            "training_end",
            "data_source",
            "metrics",
            "created_at",
        )


class ModelDetailSerializer(ModelSummarySerializer):
    class Meta(ModelSummarySerializer.Meta):
        fields = (
            *ModelSummarySerializer.Meta.fields,
            "hyper_parameters",
            "features",
            "data_fingerprint",
            "artifact_path",
            "artifact_sha256",
            "backtest",
            "monitoring",
            "training_run",
            "status_changed_at",
        )


class ModelListQuerySerializer(serializers.Serializer):
    symbol = serializers.CharField(required=False)
    model_type = serializers.ChoiceField(choices=ModelType.choices, required=False)
    status = serializers.ChoiceField(choices=ModelStatus.choices, required=False)


class PortfolioRiskSerializer(serializers.Serializer):
    portfolio = serializers.JSONField()
    as_of = serializers.DateField()
    base_currency = serializers.CharField()
    method = serializers.CharField()
    risk = serializers.JSONField(
        allow_null=True,
        help_text="value, volatility_1d, correlation, var {95, 99: parametric/historical VaR "
        "and ES in the base currency}, contributions per holding.",
    )
    holdings = serializers.JSONField(help_text="Each holding's value, trend and risk label.")
    message = serializers.CharField(allow_null=True)
    synthetic = serializers.BooleanField(required=False)
    notice = serializers.CharField(allow_null=True, required=False)
