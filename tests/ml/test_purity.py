"""The ML core stays pure: importing it must not load Django."""

from __future__ import annotations

import subprocess
import sys

PURE = [
    "stockvis.ml.features",
    "stockvis.ml.estimators",
    "stockvis.ml.walkforward",
    "stockvis.ml.metrics",
    "stockvis.ml.promotion",
    "stockvis.ml.experiments",
    "stockvis.ml.risk",
    "stockvis.ml.riskbacktest",
    "stockvis.ml.artifacts",
    "stockvis.ml.forecast",
    "stockvis.ml.portfolio_risk",
]


def test_importing_the_ml_core_does_not_load_django() -> None:
    # One fresh interpreter for all of them: in this one pytest-django has imported Django.
    modules = ", ".join(PURE)
    check = f"import sys, {modules}; assert 'django' not in sys.modules, sorted(sys.modules)"
    completed = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
