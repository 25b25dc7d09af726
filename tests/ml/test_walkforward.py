"""Walk-forward folds: expanding windows, purge and embargo, calibrated intervals."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from stockvis.ml.walkforward import (
    NotEnoughHistory,
    WalkForwardConfig,
    conformal_radius,
    make_folds,
)


@pytest.mark.parametrize("horizon", [1, 5, 20])
def test_no_training_label_reaches_into_its_test_block(horizon: int) -> None:
    cfg = WalkForwardConfig(horizon=horizon, min_train=200, retrain_every=50)
    folds = make_folds(50, 900, cfg)
    assert len(folds) > 5
    for fold in folds:
        # Row i's label uses the close at i + horizon; the last training label must be known
        # when the test block starts, and `embargo` more rows are left out.
        last_train_row = fold.train_end - 1
        assert last_train_row + horizon + cfg.gap <= fold.test_start
        assert fold.proper_end - 1 + horizon <= fold.calib_start
        assert fold.test_end - fold.test_start <= cfg.retrain_every
    # Expanding: every fold starts from the first row and tests the block after the previous one.
    assert all(b.test_start == a.test_end for a, b in itertools.pairwise(folds))
    assert folds[-1].test_end == 901


def test_too_short_a_history_says_how_many_bars_it_needs() -> None:
    cfg = WalkForwardConfig(horizon=5)
    with pytest.raises(NotEnoughHistory) as caught:
        make_folds(50, 300, cfg)
    assert caught.value.needed == 50 + cfg.rows_needed() + 5
    assert caught.value.have == 301 + 5
    assert str(caught.value.needed) in str(caught.value)


def test_the_conformal_radius_covers_the_asked_share_of_calibration_residuals() -> None:
    residuals = np.random.default_rng(0).normal(size=999)
    radius = conformal_radius(residuals, 0.8)
    assert 0.79 <= float(np.mean(np.abs(residuals) <= radius)) <= 0.82
    assert conformal_radius(residuals, 0.95) > radius
