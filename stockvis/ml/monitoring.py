"""Live checks: fill in what happened, compare live error with the backtest, watch feature drift."""

# Orchestration. A served prediction is realised once its target session's bar is stored; its
# error is the loss the backtest scored (price: |log realised/predicted|, against the backtest's
# mae_log_return; trend: the Brier score; risk: QLIKE), so live and backtest errors compare
# like for like. An active price or trend model whose live error exceeds its backtest error by
# ML_RETIRE_TOLERANCE over at least ML_MONITOR_MIN_PREDICTIONS predictions is retired (the
# baseline is served from then on) and the webhook is told. Risk models are watched, not
# retired: QLIKE has no natural scale for a ratio.

from __future__ import annotations

import datetime as dt
import logging
import math
from collections import defaultdict
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction

from stockvis.core.alerts import AMBER, alert_post
from stockvis.market.models import Asset
from stockvis.ml import selectors
from stockvis.ml.data import asset_bars
from stockvis.ml.experiments import json_safe
from stockvis.ml.features import build_features
from stockvis.ml.metrics import psi
from stockvis.ml.models import ModelPrediction, ModelStatus, ModelType, PredictionModel

logger = logging.getLogger(__name__)

BACKTEST_ERROR = {
    ModelType.PRICE: "mae_log_return",
    ModelType.TREND: "brier",
    ModelType.RISK: "qlike",
}
DRIFT_WINDOW = 60


def realised_error(prediction: ModelPrediction, close: float) -> tuple[float, float]:
    """(realised value, error) of a prediction whose target close is ``close``."""
    if prediction.model_type == ModelType.PRICE:
        return close, abs(math.log(close / prediction.value))
    move = math.log(close / prediction.last_close)
    if prediction.model_type == ModelType.TREND:
        up = 1.0 if move > 0 else 0.0
        return up, (float(prediction.probability_up or 0.0) - up) ** 2
    variance = prediction.value**2
    return move, math.log(variance) + move * move / variance


def predictions_realise(*, now: dt.datetime) -> int:
    """Fill in realised values whose target bar has arrived; the count filled."""
    pending = selectors.unrealised_predictions().filter(target_date__lte=now.date())
    by_asset: dict[int, list[ModelPrediction]] = defaultdict(list)
    for prediction in pending:
        by_asset[prediction.asset_id].append(prediction)
    filled = 0
    for asset_id, predictions in by_asset.items():
        series = asset_bars(Asset.objects.get(pk=asset_id), now=now)
        closes = dict(zip(series.dates, series.bars.close.tolist(), strict=True))
        for prediction in predictions:
            close = closes.get(prediction.target_date)
            if close is None:
                continue
            prediction.realised, prediction.error = realised_error(prediction, close)
            prediction.realised_at = now
            prediction.save(update_fields=["realised", "error", "realised_at"])
            filled += 1
    return filled


def _coverage(rows: list[ModelPrediction]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for level in ("80", "95"):
        bounded = [
            r for r in rows if getattr(r, f"lower_{level}") is not None and r.realised is not None
        ]
        out[f"coverage_{level}"] = (
            float(
                np.mean(
                    [
                        getattr(r, f"lower_{level}") <= r.realised <= getattr(r, f"upper_{level}")
                        for r in bounded
                    ]
                )
            )
            if bounded
            else None
        )
    return out


def _drift(model: PredictionModel, now: dt.datetime) -> dict[str, float]:
    if not model.feature_reference:
        return {}
    features = build_features(asset_bars(model.asset, now=now).bars)
    recent = features.values[-DRIFT_WINDOW:]
    return {
        name: round(psi(model.feature_reference[name], recent[:, i]), 4)
        for i, name in enumerate(features.names)
        if name in model.feature_reference
    }


def model_monitor(*, model: PredictionModel, now: dt.datetime) -> dict[str, Any]:
    rows = list(selectors.realised_predictions(model))
    errors = [r.error for r in rows if r.error is not None]
    key = BACKTEST_ERROR[ModelType(model.model_type)]
    backtest_error = (model.metrics.get("model") or {}).get(key)
    live_error = float(np.mean(errors)) if errors else None
    drift = _drift(model, now)
    drifted = sorted(name for name, value in drift.items() if value > settings.ML_PSI_ALERT)
    report: dict[str, Any] = {
        "checked_at": now.isoformat(),
        "live_predictions": len(errors),
        "live_error": live_error,
        "backtest_error": backtest_error,
        "error_measure": key,
        **_coverage(rows),
        "psi": drift,
        "drifted_features": drifted,
    }
    limit = None if backtest_error is None else backtest_error * (1 + settings.ML_RETIRE_TOLERANCE)
    worse = (
        model.model_type != ModelType.RISK
        and limit is not None
        and live_error is not None
        and len(errors) >= settings.ML_MONITOR_MIN_PREDICTIONS
        and live_error > limit
    )
    was_drifted = bool((model.monitoring or {}).get("drifted_features"))
    model.monitoring = json_safe(report)
    fields = ["monitoring"]
    if worse:
        model.status = ModelStatus.RETIRED
        model.status_reason = (
            f"retired by monitoring: live {key} {live_error:.4g} over {len(errors)} predictions "
            f"exceeds the backtest's {backtest_error:.4g} by more than "
            f"{settings.ML_RETIRE_TOLERANCE:.0%}; the baseline is served"
        )
        model.status_changed_at = now
        fields += ["status", "status_reason", "status_changed_at"]
    with transaction.atomic():
        model.save(update_fields=fields)
    if worse:
        logger.warning("model %s retired: %s", model.pk, model.status_reason)
        alert_post(
            title=f"ML model retired: {model.name} v{model.version}",
            description=model.status_reason,
        )
    elif drifted and not was_drifted:
        alert_post(
            title=f"ML feature drift: {model.name} v{model.version}",
            description=f"PSI above {settings.ML_PSI_ALERT} for {', '.join(drifted)}",
            color=AMBER,
        )
    return report


def models_monitor(*, now: dt.datetime) -> int:
    """Check every active model; the number retired."""
    retired = 0
    for model in PredictionModel.objects.filter(status=ModelStatus.ACTIVE).select_related("asset"):
        model_monitor(model=model, now=now)
        retired += model.status == ModelStatus.RETIRED
    return retired
