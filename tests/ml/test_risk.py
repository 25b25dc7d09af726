"""Risk core: GARCH against EWMA, VaR and ES, Kupiec, drawdown, beta, portfolio VaR."""

from __future__ import annotations

import numpy as np
import pytest

from stockvis.ml import metrics
from stockvis.ml.portfolio_risk import portfolio_var
from stockvis.ml.risk import (
    beta,
    ewma_variance,
    historical_var_es,
    max_drawdown,
    parametric_var_es,
)
from stockvis.ml.riskbacktest import evaluate_risk
from stockvis.ml.walkforward import WalkForwardConfig

from .series import bars_from_returns


def garch_returns(n: int, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    omega, alpha, b = 2e-6, 0.12, 0.85
    sigma2, out = omega / (1 - alpha - b), np.empty(n)
    for t in range(n):
        out[t] = np.sqrt(sigma2) * rng.standard_normal()
        sigma2 = omega + alpha * out[t] ** 2 + b * sigma2
    return out


def test_on_garch_returns_garch_beats_ewma_and_its_var_breaches_match_the_tail() -> None:
    close = bars_from_returns(garch_returns(1500)).close
    evaluation = evaluate_risk(close, WalkForwardConfig(horizon=1, retrain_every=250))
    garch = evaluation.metrics["garch"]
    assert garch["qlike"] < evaluation.metrics["ewma"]["qlike"]
    assert 0.02 < garch["var_95_breach_rate"] < 0.08
    assert garch["var_99_kupiec_p"] > 0.01
    assert set(evaluation.report()["baselines"]) == {"ewma", "historical_simulation"}


def test_kupiec_rejects_far_too_many_breaches_and_accepts_the_nominal_rate() -> None:
    assert metrics.kupiec(10, 1000, 0.01).p_value > 0.5
    assert metrics.kupiec(40, 1000, 0.01).p_value < 1e-6


def test_var_and_es_of_a_normal_sample_agree_across_methods() -> None:
    sample = np.random.default_rng(1).normal(0, 0.01, 200_000)
    p_var, p_es = parametric_var_es(0.01, 0.99)
    h_var, h_es = historical_var_es(sample, 0.99)
    assert p_var == pytest.approx(0.02326, rel=1e-3)
    assert h_var == pytest.approx(p_var, rel=0.02)
    assert h_es == pytest.approx(p_es, rel=0.02)


def test_ewma_uses_lambda_0_94() -> None:
    variance = ewma_variance(np.array([0.0] * 20 + [0.1]))
    assert variance[-1] == pytest.approx(0.06 * 0.01)


def test_drawdown_and_beta() -> None:
    assert max_drawdown(np.array([100, 120, 90, 130, 65.0])) == pytest.approx(0.5)
    market = np.random.default_rng(2).normal(0, 0.01, 300)
    assert beta(1.5 * market, market) == pytest.approx(1.5)
    assert beta(market[:10], market[:10]) is None


def test_portfolio_contributions_add_up_to_its_parametric_var() -> None:
    rng = np.random.default_rng(3)
    common = rng.normal(0, 0.01, 500)
    returns = np.column_stack(
        [common + rng.normal(0, 0.005, 500), -common, rng.normal(0, 0.02, 500)]
    )
    out = portfolio_var(["A", "B", "C"], np.array([500.0, 300.0, 200.0]), returns)
    total = sum(c["var_99_contribution"] for c in out["contributions"])
    assert total == pytest.approx(out["var"]["99"]["parametric_var"])
    # A hedge (B moves against A) lowers the risk below the sum of the parts.
    assert out["correlation"]["A"]["B"] < -0.8
    assert out["contributions"][1]["var_99_contribution"] < 0
