"""The promotion rule: a model is served only when it beats its best baseline, significantly."""

# Pure core. The rule, in full: among the candidates, take the one with the lowest out-of-sample
# loss; it is promoted when (1) its loss is below the best baseline's on the same rows, (2) the
# one-sided Diebold–Mariano p-value is below ALPHA divided by the number of candidates tried
# (Bonferroni: picking the best of several must not buy significance), and (3) the test has at
# least MIN_TEST_ROWS rows. Otherwise the baseline is served and the answer says so.

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

ALPHA: Final = 0.05
MIN_TEST_ROWS: Final = 100


@dataclass(frozen=True, slots=True)
class Decision:
    promoted: bool
    candidate: str
    baseline: str
    p_value: float
    threshold: float
    reason: str


def decide(
    *,
    candidate_loss: Mapping[str, float],
    baseline_loss: Mapping[str, float],
    p_values: Mapping[str, float],
    test_rows: int,
    alpha: float = ALPHA,
) -> Decision:
    """``p_values[name]``: DM p-value of candidate ``name`` against the best baseline."""
    candidate = min(candidate_loss, key=lambda name: candidate_loss[name])
    baseline = min(baseline_loss, key=lambda name: baseline_loss[name])
    threshold = alpha / max(len(candidate_loss), 1)
    p_value = p_values[candidate]
    if test_rows < MIN_TEST_ROWS:
        reason = f"only {test_rows} out-of-sample rows; at least {MIN_TEST_ROWS} are needed"
        promoted = False
    elif candidate_loss[candidate] >= baseline_loss[baseline]:
        reason = f"no model beat the {baseline} baseline out of sample"
        promoted = False
    elif not p_value < threshold:
        reason = (
            f"{candidate} had a lower loss than the {baseline} baseline but not significantly "
            f"(Diebold–Mariano p = {p_value:.3f}, needed below {threshold:.3f})"
        )
        promoted = False
    else:
        reason = (
            f"{candidate} beat the {baseline} baseline out of sample "
            f"(Diebold–Mariano p = {p_value:.2g} < {threshold:.3f})"
        )
        promoted = True
    return Decision(promoted, candidate, baseline, p_value, threshold, reason)
