"""ML tasks: on the low queue, scheduled after each market's close, predicting every asset."""

from __future__ import annotations

import pytest

from config.schedule import build_beat_schedule
from stockvis.ml.models import ModelPrediction
from stockvis.ml.tasks import predict_market

from .conftest import store_bars
from .series import random_walk


def test_ml_tasks_go_to_the_low_queue() -> None:
    from config.celery import app

    for name in ("stockvis.ml.tasks.predict_market", "stockvis.ml.tasks.retrain_models"):
        route = app.amqp.router.route({}, name, args=(), kwargs={})
        assert route["queue"].name == "low"
    collect = app.amqp.router.route(
        {}, "stockvis.collector.tasks.collect_assets", args=(), kwargs={}
    )
    assert collect["queue"].name != "low"


def test_predictions_follow_each_markets_collection_and_retraining_is_weekly() -> None:
    schedule = build_beat_schedule()
    assert schedule["ml-predict-kr"]["args"] == ("KR",)
    assert schedule["ml-predict-kr"]["schedule"].zone == "Asia/Seoul"
    assert min(schedule["ml-predict-kr"]["schedule"].hour) > max(
        schedule["collect-kr"]["schedule"].hour
    )
    assert schedule["ml-predict-us"]["schedule"].zone == "America/New_York"
    assert schedule["ml-retrain"]["schedule"].day_of_week == {6}


@pytest.mark.django_db
def test_predict_market_serves_and_stores_every_type_and_horizon_of_its_markets_assets() -> None:
    store_bars("AAPL", random_walk(600))
    store_bars("005930", random_walk(600), exchange="XKRX", market="KR", currency="KRW")
    assert predict_market("US") == 7
    stored = ModelPrediction.objects.filter(asset__symbol="AAPL")
    assert stored.count() == 7
    assert not ModelPrediction.objects.filter(asset__symbol="005930").exists()
