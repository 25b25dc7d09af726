"""Features at t use nothing after t; targets look forward."""

from __future__ import annotations

import numpy as np

from stockvis.analysis.indicators import Bars
from stockvis.ml.features import FEATURE_NAMES, WARMUP_BARS, build_features, forward_return

from .series import random_walk


def _rewritten_after(bars: Bars, t: int, seed: int) -> Bars:
    rng = np.random.default_rng(seed)
    scale = np.ones(len(bars))
    scale[t + 1 :] = rng.uniform(0.5, 2.0, len(bars) - t - 1)
    volume = bars.volume.copy()
    volume[t + 1 :] = rng.uniform(1, 1e9, len(bars) - t - 1)
    return Bars(
        open=bars.open * scale,
        high=bars.high * scale,
        low=bars.low * scale,
        close=bars.close * scale,
        volume=volume,
    )


def test_changing_every_price_after_t_leaves_every_feature_at_t_unchanged() -> None:
    bars = random_walk(400)
    original = build_features(bars).values
    for t in (WARMUP_BARS, 150, 300, 398):
        changed = build_features(_rewritten_after(bars, t, seed=t)).values
        np.testing.assert_array_equal(changed[: t + 1], original[: t + 1])
        # The check has teeth: the rows after t did change.
        assert not np.allclose(changed[t + 1 :], original[t + 1 :], equal_nan=True)


def test_every_feature_is_known_from_the_warmup_on() -> None:
    features = build_features(random_walk(300))
    assert features.first_valid <= WARMUP_BARS
    assert np.isfinite(features.values[features.first_valid :]).all()
    assert features.values.shape == (300, len(FEATURE_NAMES))


def test_the_target_at_t_is_the_return_to_t_plus_horizon_and_unknown_at_the_end() -> None:
    close = np.array([100.0, 110.0, 121.0, 133.1])
    target = forward_return(close, 2)
    np.testing.assert_allclose(target[:2], np.log([1.21, 1.21]))
    assert np.isnan(target[2:]).all()
