"""GET /api/v1/analysis/predict/<symbol>/: the served forecaster, its evidence, bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from stockvis.ml import predicting
from stockvis.ml.data import asset_bars
from stockvis.ml.estimators import ModelType
from stockvis.ml.models import ModelPrediction, ModelStatus
from stockvis.ml.training import model_train

from .conftest import store_bars, tail
from .series import ar1, random_walk

pytestmark = pytest.mark.django_db
URL = "/api/v1/analysis/predict/{}/"


def get(symbol: str, **params: Any) -> Any:
    return APIClient().get(URL.format(symbol), params)


def train_price(asset: Any) -> Any:
    series = asset_bars(asset, now=timezone.now())
    return model_train(series=series, model_type=ModelType.PRICE, horizon=1)


def test_a_bad_model_type_or_horizon_is_a_400_naming_the_allowed_values() -> None:
    store_bars("AAPL", random_walk(600))
    bad_type = get("aapl", model_type="astrology")
    assert bad_type.status_code == 400
    assert "price_prediction, trend_analysis, risk_assessment" in str(bad_type.json())
    bad_horizon = get("aapl", horizon="7")
    assert bad_horizon.status_code == 400
    assert "1, 5, 20" in str(bad_horizon.json())


def test_an_unknown_symbol_is_a_404() -> None:
    assert get("NOPE").status_code == 404


def test_too_little_history_is_a_422_that_says_how_many_bars_are_needed() -> None:
    store_bars("AAPL", tail(random_walk(600), 200))
    response = get("AAPL", model_type="price_prediction", horizon=20)
    assert response.status_code == 422
    needed = predicting.bars_needed(ModelType.PRICE, 20)
    assert f"at least {needed} closed daily bars; 200 are stored" in response.json()["detail"]
    assert response.json()["error"] == "insufficient_history"


def test_without_a_trained_model_the_baseline_is_served_and_says_so() -> None:
    store_bars("AAPL", random_walk(600), end=dt.date(2026, 11, 20))  # a Friday
    body = get("AAPL", model_type="price_prediction", horizon=1).json()
    assert body["served"]["kind"] == "baseline"
    assert body["served"]["beat_baseline"] is False
    assert "No model has been trained" in body["served"]["message"]
    assert body["model"] is None
    # The target is the next NYSE session: Monday, not Saturday.
    assert body["as_of"] == "2026-11-20"
    assert body["target_date"] == "2026-11-23"
    assert body["prediction"]["predicted_close"] == pytest.approx(body["last_close"])
    lo80, hi80 = body["prediction"]["intervals"]["80"].values()
    lo95, hi95 = body["prediction"]["intervals"]["95"].values()
    assert lo95 < lo80 < body["last_close"] < hi80 < hi95
    assert body["backtest"]["baseline"]["n"] > 100
    assert len(body["series"]["history"]) == 120
    assert body["series"]["forecast"][-1]["time"] == "2026-11-23"
    assert body["synthetic"] is False
    stored = ModelPrediction.objects.get()
    assert (stored.served_by, stored.target_date) == ("baseline:random_walk", dt.date(2026, 11, 23))


def test_on_ar1_returns_the_trained_model_is_active_and_served() -> None:
    asset = store_bars("AAPL", ar1(1100, phi=0.3))
    model = train_price(asset)
    assert model.status == ModelStatus.ACTIVE, model.status_reason
    body = get("AAPL", model_type="price_prediction", horizon=1).json()
    assert body["served"]["kind"] == "model"
    assert body["model"]["version"] == 1
    assert body["model"]["training_window"]["end"] == "2026-11-20"
    assert (
        body["backtest"]["model"]["mse_log_return"] < body["backtest"]["baseline"]["mse_log_return"]
    )
    assert ModelPrediction.objects.get().model == model


def test_on_a_random_walk_the_trained_model_is_not_served() -> None:
    asset = store_bars("AAPL", random_walk(900, seed=3))
    model = train_price(asset)
    assert model.status == ModelStatus.CANDIDATE
    body = get("AAPL", model_type="price_prediction", horizon=1).json()
    assert body["served"]["kind"] == "baseline"
    assert body["served"]["message"].startswith("No model beat the")
    assert body["backtest"]["model"] is not None  # the loser's evidence is still shown


def test_a_corrupted_artifact_is_refused_the_baseline_served_and_an_alert_sent(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asset = store_bars("AAPL", ar1(1100, phi=0.3))
    model = train_price(asset)
    path = Path(settings.ML_MODELS_DIR) / model.artifact_path
    path.write_bytes(path.read_bytes().replace(b'"intercept"', b'"intercept" ', 1))
    alerts: list[dict[str, Any]] = []
    monkeypatch.setattr(predicting, "alert_post", lambda **kw: alerts.append(kw) or True)
    body = get("AAPL", model_type="price_prediction", horizon=1).json()
    assert body["served"]["kind"] == "baseline"
    assert "integrity check" in body["served"]["message"]
    assert len(alerts) == 1
    assert "SHA-256" in alerts[0]["description"]


def test_answers_are_cached_until_the_next_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    store_bars("AAPL", random_walk(600))
    first = get("AAPL", horizon=1).json()
    calls: list[Any] = []
    monkeypatch.setattr(predicting, "prediction_make", lambda **kw: calls.append(kw))
    assert get("AAPL", horizon=1).json() == first
    assert calls == []


def test_trend_answers_probabilities_and_a_label() -> None:
    store_bars("AAPL", random_walk(600))
    body = get("AAPL", model_type="trend_analysis", horizon=5).json()
    prediction = body["prediction"]
    assert prediction["probability_up"] + prediction["probability_down"] == pytest.approx(1.0)
    assert prediction["label"] in {"uptrend", "sideways", "downtrend"}
    assert body["served"]["name"] in {"majority", "persistence"}


def test_risk_answers_volatility_var_drawdown_beta_and_a_label() -> None:
    store_bars("US500", random_walk(600, seed=9))
    store_bars("AAPL", random_walk(600, seed=9, sigma=0.02), source="synthetic")
    body = get("AAPL", model_type="risk_assessment").json()
    risk = body["prediction"]
    assert risk["volatility"]["10d"] > risk["volatility"]["1d"] > 0
    for tail_key in ("95", "99"):
        block = risk["var_es"][tail_key]
        assert block["parametric_es_1d"] > block["parametric_var_1d"] > 0
        assert block["historical_es_1d"] >= block["historical_var_1d"] > 0
    assert risk["var_es"]["99"]["parametric_var_1d"] > risk["var_es"]["95"]["parametric_var_1d"]
    # Same shocks, twice the scale: a beta of 2 to the index.
    assert risk["beta"]["index"] == "US500"
    assert risk["beta"]["value"] == pytest.approx(2.0, rel=1e-6)
    assert risk["risk"]["label"] == "MEDIUM"  # 2 % a day is about 32 % a year
    assert body["synthetic"] is True
    assert body["notice"].startswith("Synthetic")
