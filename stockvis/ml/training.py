"""Training: walk-forward every candidate and baseline, register the winner, promote or not."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from stockvis.market.models import Asset
from stockvis.ml import registry, selectors
from stockvis.ml.artifacts import export_model
from stockvis.ml.data import AssetSeries, asset_bars
from stockvis.ml.estimators import CANDIDATES, HORIZONS, HYPER_PARAMETERS, ModelType
from stockvis.ml.experiments import evaluate
from stockvis.ml.models import ModelStatus, PredictionModel, TrainingRun
from stockvis.ml.risk import garch_fit
from stockvis.ml.riskbacktest import evaluate_risk
from stockvis.ml.walkforward import NotEnoughHistory, WalkForwardConfig, fit_calibrated

logger = logging.getLogger(__name__)

GARCH_SPEC = {"p": 1, "q": 1, "mean": "constant", "dist": "normal"}


def walk_forward_config(horizon: int) -> WalkForwardConfig:
    return WalkForwardConfig(
        horizon=horizon, min_train=settings.ML_MIN_TRAIN, retrain_every=settings.ML_RETRAIN_EVERY
    )


def horizons_of(model_type: ModelType) -> tuple[int, ...]:
    return (1,) if model_type is ModelType.RISK else HORIZONS


def fingerprint(series: AssetSeries) -> str:
    digest = hashlib.sha256(series.source.encode())
    digest.update("|".join(d.isoformat() for d in series.dates).encode())
    digest.update(np.ascontiguousarray(series.bars.close).tobytes())
    return digest.hexdigest()


def _deciles(values: np.ndarray, names: Sequence[str]) -> dict[str, list[float]]:
    qs = np.nanquantile(values, np.linspace(0.1, 0.9, 9), axis=0)
    return {name: [float(v) for v in qs[:, i]] for i, name in enumerate(names)}


def _register(
    *,
    asset: Asset,
    model_type: ModelType,
    horizon: int,
    algorithm: str,
    payload: dict[str, Any],
    report: dict[str, Any],
    fields: dict[str, Any],
    run: TrainingRun | None,
    now: Any,
) -> PredictionModel:
    promoted = bool(report["decision"]["promoted"])
    with transaction.atomic():
        version = selectors.next_version(asset, model_type, horizon)
        relative = f"{asset.symbol}/{model_type}-h{horizon}-v{version}.json"
        sha = registry.artifact_write(relative=relative, payload=payload)
        decision = report["decision"]
        model = PredictionModel.objects.create(
            asset=asset,
            model_type=model_type,
            horizon=horizon,
            version=version,
            algorithm=algorithm,
            artifact_path=relative,
            artifact_sha256=sha,
            backtest=report,
            metrics={
                "model": report["candidates"].get(decision["candidate"]),
                "baseline_name": decision["baseline"],
                "baseline": report["baselines"][decision["baseline"]],
            },
            status=ModelStatus.ACTIVE if promoted else ModelStatus.CANDIDATE,
            status_reason=decision["reason"],
            training_run=run,
            created_at=now,
            status_changed_at=now,
            **fields,
        )
        reason = (
            f"superseded by version {version}"
            if promoted
            else f"version {version}, trained on newer data, found that {decision['reason']}"
        )
        PredictionModel.objects.filter(
            asset=asset, model_type=model_type, horizon=horizon, status=ModelStatus.ACTIVE
        ).exclude(pk=model.pk).update(
            status=ModelStatus.RETIRED, status_reason=reason, status_changed_at=now
        )
    return model


@dataclass(frozen=True)
class Fitted:
    """A trained and backtested model, not yet registered (computed without the database)."""

    model_type: ModelType
    horizon: int
    algorithm: str
    payload: dict[str, Any]
    report: dict[str, Any]
    fields: dict[str, Any]


def model_fit(*, series: AssetSeries, model_type: ModelType, horizon: int) -> Fitted:
    """Backtest every candidate of ``model_type`` beside its baselines; fit the best one."""
    cfg = walk_forward_config(horizon)
    fields: dict[str, Any] = {
        "data_source": series.source,
        "data_fingerprint": fingerprint(series),
        "training_start": series.dates[0],
        "training_end": series.dates[-1],
    }
    if model_type is ModelType.RISK:
        evaluation = evaluate_risk(series.bars.close, cfg)
        params = garch_fit(np.diff(np.log(series.bars.close)))
        payload: dict[str, Any] = {
            "model": {"kind": "garch", **params.as_dict()},
            "model_type": str(model_type),
        }
        fields |= {"hyper_parameters": GARCH_SPEC, "features": ["log_return"]}
        return Fitted(model_type, 1, "garch", payload, evaluation.report(), fields)
    ev = evaluate(series.bars, model_type, cfg)
    winner = ev.decision.candidate
    labelled = np.flatnonzero(np.isfinite(ev.target))
    last = int(labelled[-1])
    first = ev.features.first_valid
    final = fit_calibrated(
        CANDIDATES[model_type][winner],
        ev.features.values,
        ev.target,
        first,
        last + 1,
        model_type,
        cfg,
    )
    payload = {
        "model": export_model(final.model),
        "radius": {str(round(c * 100)): r for c, r in final.radius.items()},
        "features": list(ev.features.names),
        "model_type": str(model_type),
        "horizon": horizon,
    }
    fields |= {
        "hyper_parameters": HYPER_PARAMETERS[winner],
        "features": list(ev.features.names),
        "feature_reference": _deciles(ev.features.values[first : last + 1], ev.features.names),
        "training_start": series.dates[first],
    }
    return Fitted(model_type, horizon, winner, payload, ev.report(), fields)


def model_register(
    *, series: AssetSeries, fitted: Fitted, run: TrainingRun | None = None, now: Any = None
) -> PredictionModel:
    return _register(
        asset=series.asset,
        model_type=fitted.model_type,
        horizon=fitted.horizon,
        algorithm=fitted.algorithm,
        payload=fitted.payload,
        report=fitted.report,
        fields=fitted.fields,
        run=run,
        now=now or timezone.now(),
    )


def model_train(
    *,
    series: AssetSeries,
    model_type: ModelType,
    horizon: int,
    run: TrainingRun | None = None,
    now: Any = None,
) -> PredictionModel:
    """Backtest, fit and register one model; active only if it beat its baseline."""
    fitted = model_fit(series=series, model_type=model_type, horizon=horizon)
    return model_register(series=series, fitted=fitted, run=run, now=now)


def models_train(
    *,
    assets: Sequence[Asset],
    model_types: Sequence[ModelType],
    now: Any = None,
    progress: Callable[[str], None] | None = None,
) -> TrainingRun:
    """Train every type and horizon for every asset; one asset's failure never stops the others."""
    now = now or timezone.now()
    run = TrainingRun.objects.create(
        started_at=now,
        model_types=[str(t) for t in model_types],
        assets=[a.symbol for a in assets],
    )
    results: dict[str, Any] = {}
    jobs = [(t, h) for t in model_types for h in horizons_of(t)]
    # LightGBM and numpy release the GIL: a few threads fit one asset's models side by side;
    # the database writes stay on this thread.
    with ThreadPoolExecutor(max_workers=max(settings.ML_TRAIN_THREADS, 1)) as pool:
        for asset in assets:
            made: list[dict[str, Any]] = []
            try:
                series = asset_bars(asset, now=now).tail(settings.ML_MAX_BARS)
                futures = [
                    pool.submit(model_fit, series=series, model_type=t, horizon=h) for t, h in jobs
                ]
                skipped: list[str] = []
                for (model_type, horizon), future in zip(jobs, futures, strict=True):
                    try:
                        fitted = future.result()
                    except NotEnoughHistory as exc:  # a short history may still serve h=1
                        skipped.append(f"{model_type} h{horizon}: {exc}")
                        if progress:
                            progress(f"{asset.symbol} {model_type} h{horizon}: skipped")
                        continue
                    model = model_register(series=series, fitted=fitted, run=run, now=now)
                    made.append(
                        {
                            "id": model.pk,
                            "type": model.model_type,
                            "horizon": model.horizon,
                            "status": model.status,
                        }
                    )
                    if progress:
                        progress(
                            f"{asset.symbol} {model.model_type} h{model.horizon}: {model.status}"
                        )
                results[asset.symbol] = {"models": made}
                if skipped:
                    results[asset.symbol]["skipped"] = skipped
            except Exception as exc:  # one asset's failure is recorded, the run goes on
                logger.exception("training %s failed", asset.symbol)
                results[asset.symbol] = {"models": made, "error": f"{type(exc).__name__}: {exc}"}
    failed = sum(1 for r in results.values() if "error" in r)
    run.status = (
        TrainingRun.Status.SUCCESS
        if failed == 0
        else TrainingRun.Status.FAILURE
        if failed == len(results)
        else TrainingRun.Status.PARTIAL_FAILURE
    )
    run.results = results
    run.ended_at = timezone.now()
    run.save(update_fields=["status", "results", "ended_at"])
    return run
