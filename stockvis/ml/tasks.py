"""Celery tasks of the ML app, routed to the `low` queue (CELERY_TASK_ROUTES) behind collection."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone
from rest_framework.exceptions import APIException

from stockvis.market.models import Asset
from stockvis.ml.estimators import HORIZONS, ModelType
from stockvis.ml.monitoring import models_monitor, predictions_realise
from stockvis.ml.predicting import prediction_cached
from stockvis.ml.training import models_train

logger = logging.getLogger(__name__)


@shared_task(name="stockvis.ml.tasks.retrain_models", acks_late=True)
def retrain_models(symbols: list[str] | None = None) -> int:
    """Retrain every type and horizon for ``symbols`` (default: every active asset)."""
    assets = Asset.objects.filter(is_active=True).order_by("symbol")
    if symbols:
        assets = assets.filter(symbol__in=symbols)
    run = models_train(assets=list(assets), model_types=list(ModelType))
    return int(run.pk)


@shared_task(name="stockvis.ml.tasks.predict_market", acks_late=True)
def predict_market(market: str) -> int:
    """After a market's close: realise due predictions, monitor models, predict every asset."""
    now = timezone.now()
    predictions_realise(now=now)
    models_monitor(now=now)
    made = 0
    for asset in Asset.objects.filter(is_active=True, market=market).order_by("symbol"):
        for model_type in ModelType:
            for horizon in (1,) if model_type is ModelType.RISK else HORIZONS:
                try:
                    prediction_cached(asset=asset, model_type=model_type, horizon=horizon, now=now)
                except APIException as exc:  # too little history: nothing to serve yet
                    logger.info("no %s for %s: %s", model_type, asset.symbol, exc.detail)
                    continue
                made += 1
    return made
