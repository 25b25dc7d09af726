"""Reports are JSON that PostgreSQL's jsonb accepts: no NaN, no infinity."""

from __future__ import annotations

import math

import numpy as np

from stockvis.ml.experiments import json_safe


def test_every_non_finite_number_in_a_report_becomes_null() -> None:
    report = {"a": [math.nan, 1.5], "b": {"c": np.float64(np.inf), "d": "text"}, "e": 3}
    assert json_safe(report) == {"a": [None, 1.5], "b": {"c": None, "d": "text"}, "e": 3}
