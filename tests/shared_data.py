"""Where the shared real-data files live: ``shared/data`` next to the repository checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = REPO_ROOT / "tests" / "fixtures"


def shared_data_path(*parts: str) -> Path:
    """A path under the shared data folder; fails the test (never skips) when it is missing.

    ``STOCKVIS_SHARED_DATA`` overrides the location for checkouts that are not siblings of it.
    """
    base = Path(os.environ.get("STOCKVIS_SHARED_DATA") or REPO_ROOT.parent / "shared" / "data")
    path = base.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared test data missing: {path} (set STOCKVIS_SHARED_DATA)", pytrace=False)
    return path


def fixture_path(*parts: str) -> Path:
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"test fixture missing: {path}", pytrace=False)
    return path
