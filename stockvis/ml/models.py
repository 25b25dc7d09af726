"""The model registry (versions, metrics, backtests, artifacts), training runs, served predictions."""

from __future__ import annotations

from django.db import models

from stockvis.market.models import Asset


class ModelType(models.TextChoices):
    PRICE = "price_prediction", "price prediction"
    TREND = "trend_analysis", "trend analysis"
    RISK = "risk_assessment", "risk assessment"


class ModelStatus(models.TextChoices):
    CANDIDATE = "candidate"  # trained and backtested, did not beat its baseline
    ACTIVE = "active"  # beat its baseline out of sample with significance: served
    RETIRED = "retired"  # superseded, beaten by its baseline live, or failed its checks


class TrainingRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running"
        SUCCESS = "success"
        PARTIAL_FAILURE = "partial_failure"
        FAILURE = "failure"

    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING)
    model_types = models.JSONField(default=list)
    assets = models.JSONField(default=list)
    results = models.JSONField(default=dict, help_text="Per asset: models made or the error.")

    class Meta:
        ordering = ("-started_at",)

    def __str__(self) -> str:
        return f"training run {self.pk} ({self.status})"


class PredictionModel(models.Model):
    """One trained and backtested model version for one asset, type and horizon."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="prediction_models")
    model_type = models.CharField(max_length=24, choices=ModelType.choices)
    horizon = models.PositiveSmallIntegerField(help_text="Sessions ahead (risk: 1).")
    version = models.PositiveIntegerField()
    algorithm = models.CharField(max_length=32)
    hyper_parameters = models.JSONField(default=dict)
    features = models.JSONField(default=list)
    feature_reference = models.JSONField(
        default=dict, help_text="Training deciles per feature, for drift (PSI)."
    )
    training_start = models.DateField()
    training_end = models.DateField()
    data_source = models.CharField(max_length=32)
    data_fingerprint = models.CharField(max_length=64)
    metrics = models.JSONField(default=dict, help_text="The model's and its baseline's summary.")
    backtest = models.JSONField(default=dict, help_text="The full walk-forward report.")
    artifact_path = models.CharField(max_length=255, help_text="Relative to ML_MODELS_DIR.")
    artifact_sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=ModelStatus.choices)
    status_reason = models.TextField(blank=True)
    monitoring = models.JSONField(default=dict, help_text="The last live check.")
    training_run = models.ForeignKey(
        TrainingRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="models"
    )
    created_at = models.DateTimeField()
    status_changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "model_type", "horizon", "version"], name="ml_model_version"
            )
        ]
        indexes = [models.Index(fields=["asset", "model_type", "horizon", "status"])]
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.asset.symbol}-{self.model_type}-h{self.horizon}-{self.algorithm}"


class ModelPrediction(models.Model):
    """A prediction the API or a task served; realised once the target session's bar arrives."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="ml_predictions")
    model = models.ForeignKey(
        PredictionModel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predictions",
        help_text="Null when a baseline was served.",
    )
    served_by = models.CharField(max_length=64, help_text="model:<id> or baseline:<name>.")
    model_type = models.CharField(max_length=24, choices=ModelType.choices)
    horizon = models.PositiveSmallIntegerField()
    as_of = models.DateField(help_text="The last closed bar the prediction read.")
    target_date = models.DateField()
    last_close = models.FloatField()
    value = models.FloatField(help_text="Price: the close; trend: P(up); risk: 1-day volatility.")
    lower_80 = models.FloatField(null=True, blank=True)
    upper_80 = models.FloatField(null=True, blank=True)
    lower_95 = models.FloatField(null=True, blank=True)
    upper_95 = models.FloatField(null=True, blank=True)
    probability_up = models.FloatField(null=True, blank=True)
    features = models.JSONField(default=dict)
    realised = models.FloatField(null=True, blank=True)
    error = models.FloatField(null=True, blank=True, help_text="The loss the backtest scored.")
    realised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "model_type", "horizon", "served_by", "as_of"],
                name="ml_prediction_once",
            )
        ]
        indexes = [models.Index(fields=["realised", "target_date"])]
        ordering = ("-as_of", "-pk")

    def __str__(self) -> str:
        return f"{self.asset_id} {self.model_type} h{self.horizon} as of {self.as_of}"
