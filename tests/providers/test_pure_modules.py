"""The pure and adapter modules of collection import no Django, so they run anywhere."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.shared_data import REPO_ROOT

MODULES = [
    "stockvis.providers.alphavantage.processors",
    "stockvis.providers.alphavantage.client",
    "stockvis.providers.fdr.client",
    "stockvis.providers.csvfile.parser",
    "stockvis.providers.aggregate",
    "stockvis.providers.ratelimit",
    "stockvis.providers.retry",
    "stockvis.providers.circuit",
    "stockvis.providers.deadline",
    "stockvis.collector.validators",
    "stockvis.providers.alphavantage.actions",
    "stockvis.market.adjustment",
]


@pytest.mark.parametrize("module", MODULES)
def test_importing_the_module_does_not_load_django(module):
    # A fresh interpreter: in this one pytest-django may already have imported Django.
    code = f"import sys, {module}; sys.exit(1 if 'django' in sys.modules else 0)"

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr or f"{module} imported django"
