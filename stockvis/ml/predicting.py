"""Serve a prediction: the active model when one beat its baseline, the baseline otherwise."""

# Orchestration. Reads the bars through `data.asset_bars`, the registry through `selectors`, the
# artifact through `registry` (hash-checked), computes with the pure core, stores what it served
# (`ModelPrediction`) and caches the answer until the symbol's next bar.

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.cache import cache
from rest_framework import status
from rest_framework.exceptions import APIException

from stockvis.core import calendars
from stockvis.core.alerts import alert_post
from stockvis.market.cache import symbol_cache_key
from stockvis.market.models import Asset
from stockvis.ml import registry, selectors
from stockvis.ml.artifacts import LoadedModel, load_model
from stockvis.ml.data import AssetSeries, asset_bars
from stockvis.ml.estimators import BASELINES, ModelType, forecast
from stockvis.ml.experiments import evaluate, target_for
from stockvis.ml.features import WARMUP_BARS, build_features
from stockvis.ml.forecast import fan, price_answer, trend_answer
from stockvis.ml.models import ModelPrediction, PredictionModel
from stockvis.ml.risk_answer import risk_bars_needed, risk_prediction
from stockvis.ml.training import walk_forward_config
from stockvis.ml.walkforward import NotEnoughHistory, fit_calibrated
from stockvis.providers.synthetic import SYNTHETIC_LABEL

logger = logging.getLogger(__name__)

HISTORY_POINTS = 120
NO_MODEL_TRAINED = (
    "No model has been trained for this asset yet (`stockvis ml train --assets {symbol}`): the "
    "{baseline} baseline is served."
)


class InsufficientHistory(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "insufficient_history"

    def __init__(self, needed: int, have: int) -> None:
        self.needed = needed
        self.have = have
        super().__init__(
            f"this prediction needs at least {needed} closed daily bars; {have} are stored"
        )


def bars_needed(model_type: ModelType, horizon: int) -> int:
    if model_type is ModelType.RISK:
        return risk_bars_needed(walk_forward_config(1))
    return WARMUP_BARS + walk_forward_config(horizon).rows_needed() + horizon


@dataclass(frozen=True)
class Served:
    model: PredictionModel | None
    loaded: dict[str, Any] | None
    baseline: str
    message: str


def _choose(
    asset: Asset, model_type: ModelType, horizon: int
) -> tuple[Served, PredictionModel | None]:
    latest = selectors.latest_model(asset, model_type, horizon)
    active = selectors.active_model(asset, model_type, horizon)
    default_baseline = {"price_prediction": "random_walk", "trend_analysis": "majority"}.get(
        model_type, "ewma"
    )
    baseline = latest.backtest["decision"]["baseline"] if latest else default_baseline
    if active is None:
        if latest is None:
            message = NO_MODEL_TRAINED.format(symbol=asset.symbol, baseline=baseline)
        elif latest.status_reason.startswith("no model beat"):
            message = (
                f"No model beat the {baseline} baseline out of sample, so the baseline's "
                "forecast is served."
            )
        else:
            message = (
                f"No model beat the {baseline} baseline with significance, so the baseline's "
                f"forecast is served: {latest.status_reason}."
            )
        return Served(None, None, baseline, message), latest
    try:
        loaded = registry.artifact_read(active)
    except registry.ArtifactRefused as exc:
        logger.error("refused the artifact of model %s: %s", active.pk, exc)
        alert_post(
            title=f"ML artifact refused: {active.name} v{active.version}",
            description=f"{exc}. The {baseline} baseline is served until the model is retrained.",
        )
        message = (
            f"The model's artifact failed its integrity check and was refused; the {baseline} "
            "baseline is served."
        )
        return Served(None, None, baseline, message), active
    return Served(active, loaded, baseline, active.status_reason), active


def _target_sessions(asset: Asset, as_of: dt.date, horizon: int) -> list[dt.date]:
    code = asset.exchange if calendars.is_known_exchange(asset.exchange) else calendars.WEEKDAYS
    span = dt.timedelta(days=horizon * 2 + 14)
    return calendars.sessions_between(code, as_of + dt.timedelta(days=1), as_of + span)[:horizon]


def _learned(
    series: AssetSeries, model_type: ModelType, horizon: int, served: Served
) -> dict[str, Any]:
    features = build_features(series.bars)
    x_now = features.values[-1:]
    if not np.isfinite(x_now).all():
        raise InsufficientHistory(bars_needed(model_type, horizon), len(series))
    if served.loaded is not None:
        predictor: LoadedModel = load_model(served.loaded["model"])
        value = float(predictor.predict(x_now)[0])
        radius = {int(k) / 100: float(v) for k, v in served.loaded.get("radius", {}).items()}
        weights = predictor.importances(features.names)
    else:
        target = target_for(model_type, series.bars.close, horizon)
        labelled = np.flatnonzero(np.isfinite(target))
        fitted = fit_calibrated(
            BASELINES[model_type][served.baseline],
            features.values,
            target,
            features.first_valid,
            int(labelled[-1]) + 1,
            model_type,
            walk_forward_config(horizon),
        )
        value = float(forecast(fitted.model, x_now, model_type)[0])
        radius, weights = dict(fitted.radius), {}
    return {
        "value": value,
        "radius": radius,
        "weights": weights,
        "x": dict(zip(features.names, x_now[0].tolist(), strict=True)),
    }


def _backtest(
    series: AssetSeries, model_type: ModelType, horizon: int, latest: PredictionModel | None
) -> dict[str, Any] | None:
    if latest is not None:
        report = latest.backtest
        decision = report["decision"]
        return {
            "model": report["candidates"].get(decision["candidate"]),
            "model_name": decision["candidate"],
            "baseline": report["baselines"][decision["baseline"]],
            "baseline_name": decision["baseline"],
            "all_baselines": report["baselines"],
            "decision": decision,
            "walk_forward": report.get("walk_forward"),
        }
    if model_type is ModelType.RISK:
        return None
    # Nothing trained yet: the baselines' own walk-forward is cheap and still worth showing.
    ev = evaluate(series.bars, model_type, walk_forward_config(horizon), candidates=[])
    report = ev.report()
    return {
        "model": None,
        "model_name": None,
        "baseline": report["baselines"][ev.decision.baseline],
        "baseline_name": ev.decision.baseline,
        "all_baselines": report["baselines"],
        "decision": report["decision"],
        "walk_forward": report["walk_forward"],
    }


def _model_ref(model: PredictionModel | None) -> dict[str, Any] | None:
    if model is None:
        return None
    return {
        "id": model.pk,
        "name": model.name,
        "version": model.version,
        "algorithm": model.algorithm,
        "status": model.status,
        "training_window": {"start": model.training_start, "end": model.training_end},
        "trained_at": model.created_at,
    }


def prediction_make(
    *, asset: Asset, model_type: ModelType, horizon: int, now: dt.datetime
) -> dict[str, Any]:
    """Compute, store and return one prediction (no cache)."""
    series = asset_bars(asset, now=now)
    needed = bars_needed(model_type, horizon)
    if len(series) < needed:
        raise InsufficientHistory(needed, len(series))
    served, latest = _choose(asset, model_type, horizon)
    as_of = series.dates[-1]
    last_close = float(series.bars.close[-1])
    sessions = _target_sessions(asset, as_of, horizon)
    target_date = sessions[-1] if sessions else as_of + dt.timedelta(days=horizon)
    history = [
        {"time": d.isoformat(), "value": float(c)}
        for d, c in zip(
            series.dates[-HISTORY_POINTS:], series.bars.close[-HISTORY_POINTS:], strict=True
        )
    ]
    record: dict[str, Any] = {}
    if model_type is ModelType.RISK:
        prediction, record = risk_prediction(series, served.loaded, now=now)
        forecast_points: list[dict[str, Any]] = []
    else:
        try:
            learned = _learned(series, model_type, horizon, served)
        except NotEnoughHistory as exc:
            raise InsufficientHistory(exc.needed, exc.have) from None
        if model_type is ModelType.PRICE:
            prediction = price_answer(last_close, learned["value"], learned["radius"])
            prediction["last_close"] = last_close
            forecast_points = fan(sessions, as_of, last_close, learned["value"], learned["radius"])
            ivals = prediction["intervals"]
            record = {
                "value": prediction["predicted_close"],
                "lower_80": ivals["80"]["lower"],
                "upper_80": ivals["80"]["upper"],
                "lower_95": ivals["95"]["lower"],
                "upper_95": ivals["95"]["upper"],
            }
        else:
            prediction = trend_answer(learned["value"])
            prediction["top_features"] = dict(list(learned["weights"].items())[:5])
            forecast_points = []
            record = {"value": learned["value"], "probability_up": learned["value"]}
        record["features"] = learned["x"]
    served_by = f"model:{served.model.pk}" if served.model else f"baseline:{served.baseline}"
    ModelPrediction.objects.get_or_create(
        asset=asset,
        model_type=model_type,
        horizon=horizon,
        served_by=served_by,
        as_of=as_of,
        defaults={
            "model": served.model,
            "target_date": target_date,
            "last_close": last_close,
            "created_at": now,
            **record,
        },
    )
    return {
        "symbol": asset.symbol,
        "name": asset.name,
        "currency": asset.currency,
        "model_type": str(model_type),
        "horizon": horizon,
        "as_of": as_of,
        "target_date": target_date,
        "last_close": last_close,
        "served": {
            "kind": "model" if served.model else "baseline",
            "name": served.model.algorithm if served.model else served.baseline,
            "beat_baseline": served.model is not None,
            "message": served.message,
        },
        "model": _model_ref(served.model),
        "backtest": _backtest(series, model_type, horizon, latest),
        "prediction": prediction,
        "series": {"history": history, "forecast": forecast_points},
        "source": series.source,
        "synthetic": series.synthetic,
        "notice": SYNTHETIC_LABEL if series.synthetic else None,
    }


def _seconds_until_next_bar(asset: Asset, as_of: dt.date, now: dt.datetime) -> int:
    sessions = _target_sessions(asset, as_of, 1)
    if not sessions:
        return 3600
    closes = (
        calendars.session_close(asset.exchange, sessions[0])
        if calendars.is_known_exchange(asset.exchange)
        else None
    )
    if closes is None:
        return 3600
    seconds = (closes - now).total_seconds()
    return int(min(max(seconds, 60), 86400))


def prediction_cached(
    *, asset: Asset, model_type: ModelType, horizon: int, now: dt.datetime
) -> dict[str, Any]:
    """The prediction, cached until the next bar closes (an ingest of the symbol clears it)."""
    key = symbol_cache_key("predict", asset.symbol, {"type": str(model_type), "h": horizon})
    found = cache.get(key)
    if found is not None:
        return dict(found)
    payload = prediction_make(asset=asset, model_type=model_type, horizon=horizon, now=now)
    cache.set(key, payload, _seconds_until_next_bar(asset, payload["as_of"], now))
    return payload
