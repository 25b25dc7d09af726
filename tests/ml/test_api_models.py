"""The registry endpoints and the `stockvis ml` command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from rest_framework.test import APIClient

from stockvis.ml import predicting
from stockvis.ml.data import asset_bars
from stockvis.ml.estimators import ModelType
from stockvis.ml.models import ModelStatus, PredictionModel, TrainingRun
from stockvis.ml.training import model_train, models_train

from .conftest import store_bars
from .series import ar1, random_walk

pytestmark = pytest.mark.django_db


def test_the_registry_lists_models_with_their_metrics_and_shows_one_with_its_full_backtest() -> (
    None
):
    asset = store_bars("AAPL", ar1(1100, phi=0.3))
    series = asset_bars(asset, now=timezone.now())
    first = model_train(series=series, model_type=ModelType.PRICE, horizon=1)
    second = model_train(series=series, model_type=ModelType.PRICE, horizon=1)
    first.refresh_from_db()
    assert (first.status, second.status) == (ModelStatus.RETIRED, ModelStatus.ACTIVE)
    assert "superseded by version 2" in first.status_reason
    listed = APIClient().get("/api/v1/analysis/models/?symbol=aapl").json()
    assert [row["version"] for row in listed] == [2, 1]
    assert listed[0]["metrics"]["baseline_name"] in {"random_walk", "drift"}
    assert "backtest" not in listed[0]
    detail = APIClient().get(f"/api/v1/analysis/models/{second.pk}/").json()
    assert detail["backtest"]["decision"]["promoted"] is True
    assert set(detail["backtest"]["baselines"]) == {"random_walk", "drift"}
    assert detail["artifact_sha256"] == second.artifact_sha256
    assert detail["features"][0] == "ret_1"
    assert APIClient().get("/api/v1/analysis/models/999999/").status_code == 404
    assert APIClient().get("/api/v1/analysis/models/?status=dead").status_code == 400


def test_ml_train_registers_every_type_and_horizon_and_ml_models_lists_them() -> None:
    store_bars("AAPL", random_walk(700))
    out = io.StringIO()
    call_command(
        "ml", "train", "--assets", "aapl", "--type", "trend_analysis", "risk_assessment", stdout=out
    )
    assert PredictionModel.objects.count() == 4  # trend at 1, 5 and 20 sessions, and risk
    assert "Training run" in out.getvalue()
    run = TrainingRun.objects.get()
    assert run.status == TrainingRun.Status.SUCCESS
    assert run.assets == ["AAPL"]
    assert len(run.results["AAPL"]["models"]) == 4
    listing = io.StringIO()
    call_command("ml", "models", stdout=listing)
    assert "garch" in listing.getvalue()


def test_ml_backtest_prints_model_and_baselines_and_draws_a_png(tmp_path: Path) -> None:
    store_bars("AAPL", ar1(700))
    out = io.StringIO()
    png = tmp_path / "aapl.png"
    call_command(
        "ml",
        "backtest",
        "AAPL",
        "--type",
        "price_prediction",
        "--horizon",
        "1",
        "--plot",
        str(png),
        stdout=out,
    )
    text = out.getvalue()
    assert "ridge (model)" in text
    assert "random_walk (baseline)" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(CommandError, match="unknown symbol"):
        call_command("ml", "backtest", "NOPE")


def test_a_history_too_short_for_one_horizon_still_trains_the_others() -> None:
    asset = store_bars("AAPL", random_walk(400))
    run = models_train(assets=[asset], model_types=[ModelType.PRICE])
    result = run.results["AAPL"]
    assert [m["horizon"] for m in result["models"]] == [1, 5]
    assert "h20" in result["skipped"][0]
    needed = predicting.bars_needed(ModelType.PRICE, 20)
    assert f"needs at least {needed} daily bars, has 400" in result["skipped"][0]
    assert run.status == TrainingRun.Status.SUCCESS
