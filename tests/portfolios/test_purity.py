"""The valuation core is pure: importing it must not load Django."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = (
    "stockvis.portfolios.ledger",
    "stockvis.portfolios.valuation",
    "stockvis.portfolios.returns",
    "stockvis.portfolios.splits",
)


def test_importing_the_valuation_core_does_not_load_django() -> None:
    # A fresh interpreter: this test process may already have Django loaded by other tests.
    script = "; ".join(
        [
            "import sys",
            *(f"import {module}" for module in CORE_MODULES),
            "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))",
            "assert not loaded, loaded",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
