"""The heart of the issue: a model is served only when it beats its baseline, significantly."""

from __future__ import annotations

import pytest

from stockvis.ml.estimators import ModelType
from stockvis.ml.experiments import evaluate
from stockvis.ml.promotion import decide
from stockvis.ml.walkforward import WalkForwardConfig

from .series import ar1, random_walk

FAST = WalkForwardConfig(horizon=1, min_train=250, retrain_every=150)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_on_a_pure_random_walk_no_model_is_promoted_over_the_baseline(seed: int) -> None:
    evaluation = evaluate(random_walk(900, seed=seed), ModelType.PRICE, FAST)
    assert evaluation.decision.promoted is False
    assert evaluation.decision.baseline in {"random_walk", "drift"}
    assert "baseline" in evaluation.decision.reason


def test_on_ar1_returns_with_phi_0_3_a_model_beats_the_baseline_and_is_promoted() -> None:
    evaluation = evaluate(ar1(1100, phi=0.3), ModelType.PRICE, FAST)
    decision = evaluation.decision
    assert decision.promoted is True, decision.reason
    winner = evaluation.candidates[decision.candidate]
    baseline = evaluation.baselines[decision.baseline]
    assert winner["mse_log_return"] < baseline["mse_log_return"]
    assert winner["r2_oos"] > 0.03
    assert winner["directional_accuracy"] > 0.55
    assert winner["pesaran_timmermann_p"] < 0.01


def test_trend_models_run_beside_persistence_and_the_majority_class() -> None:
    evaluation = evaluate(ar1(700), ModelType.TREND, FAST)
    assert set(evaluation.baselines) == {"majority", "persistence"}
    assert set(evaluation.candidates) == {"logistic", "lightgbm"}
    for found in [*evaluation.candidates.values(), *evaluation.baselines.values()]:
        assert 0.0 <= found["brier"] <= 1.0
        assert found["n"] == evaluation.report()["walk_forward"]["test_rows"]


def test_a_lower_loss_without_significance_is_not_enough() -> None:
    decision = decide(
        candidate_loss={"ridge": 0.9, "lightgbm": 0.95},
        baseline_loss={"random_walk": 1.0, "drift": 1.01},
        p_values={"ridge": 0.04, "lightgbm": 0.2},
        test_rows=500,
    )
    # Two candidates tried: the threshold is 0.05 / 2, so p = 0.04 does not promote.
    assert decision.promoted is False
    assert decision.threshold == pytest.approx(0.025)
    assert "not significantly" in decision.reason


def test_too_few_test_rows_never_promote() -> None:
    decision = decide(
        candidate_loss={"ridge": 0.1},
        baseline_loss={"random_walk": 1.0},
        p_values={"ridge": 1e-9},
        test_rows=20,
    )
    assert decision.promoted is False
