"""The screener's table: one row per asset with its latest indicator values and signals."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from stockvis.analysis.labels import CompositeLabel, Direction
from stockvis.market.models import SYNTHETIC_SOURCE, Asset

DIRECTION_CHOICES = [(direction.value, direction.value) for direction in Direction]
LABEL_CHOICES = [(label.value, label.value.replace("_", " ")) for label in CompositeLabel]


def _value() -> models.FloatField[float | None, float | None]:
    return models.FloatField(null=True, blank=True)


def _direction() -> models.CharField[str, str]:
    return models.CharField(
        max_length=8, choices=DIRECTION_CHOICES, default=Direction.NEUTRAL.value
    )


class IndicatorSnapshot(models.Model):
    """Latest closed daily bar of an asset, its indicators and signals, as the screener reads them.

    Written only by `stockvis.analysis.services.snapshot_refresh` (after every daily ingest, via
    `prices_changed`), never per request. An asset without bars keeps a row with `as_of` null so
    the screener knows it was looked at and does not compute it again.
    """

    asset = models.OneToOneField(
        Asset, on_delete=models.CASCADE, primary_key=True, related_name="indicator_snapshot"
    )
    as_of = models.DateField(null=True, blank=True, help_text="Date of the last closed bar.")
    source = models.CharField(max_length=32, blank=True)
    bar_count = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField()

    close = _value()
    previous_close = _value()
    change_percent = _value()
    rsi = _value()
    macd = _value()
    macd_signal = _value()
    macd_hist = _value()
    bb_upper = _value()
    bb_middle = _value()
    bb_lower = _value()
    sma_20 = _value()
    sma_50 = _value()
    sma_200 = _value()
    ema_20 = _value()
    ema_50 = _value()
    ema_200 = _value()
    stoch_k = _value()
    stoch_d = _value()
    obv = _value()
    atr = _value()

    score = models.FloatField(default=0.0, help_text="Composite score from -100 to 100.")
    label = models.CharField(
        max_length=12, choices=LABEL_CHOICES, default=CompositeLabel.NEUTRAL.value
    )
    rsi_direction = _direction()
    macd_direction = _direction()
    bbands_direction = _direction()
    ma_cross_direction = _direction()
    stoch_direction = _direction()
    obv_direction = _direction()
    signals = models.JSONField(
        default=list, blank=True, help_text="Every signal: name, direction, strength, reason, date."
    )
    weights = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = (
            models.Index(fields=("score",), name="snapshot_score"),
            models.Index(fields=("rsi",), name="snapshot_rsi"),
            models.Index(fields=("label", "score"), name="snapshot_label_score"),
            models.Index(fields=("change_percent",), name="snapshot_change"),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(score__gte=-100) & Q(score__lte=100), name="snapshot_score_range"
            ),
        )

    def __str__(self) -> str:
        return f"snapshot of {self.asset_id} as of {self.as_of}"

    @property
    def is_synthetic(self) -> bool:
        return self.source == SYNTHETIC_SOURCE
