"""The analysis core stays pure: importing it must not load Django."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["stockvis.analysis.indicators", "stockvis.analysis.signals"])
def test_importing_the_analysis_core_does_not_load_django(module):
    # A fresh interpreter: in this one pytest-django may already have imported Django.
    check = f"import sys, {module}; assert 'django' not in sys.modules, sorted(sys.modules)"

    completed = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=False
    )

    assert completed.returncode == 0, completed.stderr
