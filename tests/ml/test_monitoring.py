"""Monitoring: served predictions meet what happened; a model worse live than backtested retires."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from stockvis.market.models import DailyPrice
from stockvis.ml import monitoring
from stockvis.ml.data import asset_bars
from stockvis.ml.estimators import ModelType
from stockvis.ml.models import ModelPrediction, ModelStatus
from stockvis.ml.training import model_train

from .conftest import store_bars
from .series import ar1

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_model() -> Any:
    asset = store_bars("AAPL", ar1(1100, phi=0.3))
    model = model_train(
        series=asset_bars(asset, now=timezone.now()), model_type=ModelType.PRICE, horizon=1
    )
    assert model.status == ModelStatus.ACTIVE
    return model


def _served(model: Any, *, days: int, miss: float) -> None:
    """``days`` stored predictions of the model whose targets are the last stored sessions."""
    bars = list(DailyPrice.objects.filter(asset=model.asset).order_by("-date")[: days + 1])[::-1]
    for before, target in itertools.pairwise(bars):
        ModelPrediction.objects.create(
            asset=model.asset,
            model=model,
            served_by=f"model:{model.pk}",
            model_type=model.model_type,
            horizon=1,
            as_of=before.date,
            target_date=target.date,
            last_close=before.close,
            value=target.close * miss,
            lower_80=target.close * miss * 0.99,
            upper_80=target.close * miss * 1.01,
            created_at=timezone.now(),
        )


def test_realising_fills_the_realised_close_and_the_error_the_backtest_scored(
    active_model: Any,
) -> None:
    _served(active_model, days=3, miss=1.1)
    ModelPrediction.objects.create(  # its target session has not happened yet
        asset=active_model.asset,
        model=active_model,
        served_by="baseline:random_walk",
        model_type="price_prediction",
        horizon=1,
        as_of=dt.date(2026, 11, 20),
        target_date=dt.date(2026, 11, 23),
        last_close=100.0,
        value=100.0,
        created_at=timezone.now(),
    )
    assert monitoring.predictions_realise(now=timezone.now()) == 3
    realised = ModelPrediction.objects.filter(realised__isnull=False)
    assert realised.count() == 3
    for row in realised:
        assert row.value == pytest.approx(row.realised * 1.1)
        assert row.error == pytest.approx(0.09531, rel=1e-3)  # |log 1.1|
    assert ModelPrediction.objects.filter(realised__isnull=True).count() == 1


def test_a_model_much_worse_live_than_in_its_backtest_is_retired_and_alerted(
    active_model: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.ML_MONITOR_MIN_PREDICTIONS = 20
    alerts: list[dict[str, Any]] = []
    monkeypatch.setattr(monitoring, "alert_post", lambda **kw: alerts.append(kw) or True)
    _served(active_model, days=25, miss=1.05)
    monitoring.predictions_realise(now=timezone.now())
    assert monitoring.models_monitor(now=timezone.now()) == 1
    active_model.refresh_from_db()
    assert active_model.status == ModelStatus.RETIRED
    assert "retired by monitoring" in active_model.status_reason
    report = active_model.monitoring
    assert report["live_predictions"] == 25
    assert report["live_error"] > report["backtest_error"] * 1.25
    assert report["coverage_80"] == 0.0
    assert set(report["psi"]) == set(active_model.features)
    assert alerts
    assert "retired" in alerts[0]["title"]
    body = APIClient().get("/api/v1/analysis/predict/AAPL/?horizon=1").json()
    assert body["served"]["kind"] == "baseline"


def test_a_model_as_good_live_as_in_its_backtest_stays_active(active_model: Any) -> None:
    _served(active_model, days=25, miss=1.0)
    monitoring.predictions_realise(now=timezone.now())
    assert monitoring.models_monitor(now=timezone.now()) == 0
    active_model.refresh_from_db()
    assert active_model.status == ModelStatus.ACTIVE
    assert active_model.monitoring["coverage_80"] == 1.0
