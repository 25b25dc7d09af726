"""Artifacts: JSON only, reloaded predictions equal the fitted model's, tampering is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from stockvis.ml import registry
from stockvis.ml.artifacts import ArtifactError, dumps, export_model, load_model, loads
from stockvis.ml.estimators import CANDIDATES, ModelType
from stockvis.ml.models import PredictionModel


@pytest.mark.parametrize(
    ("model_type", "name"),
    [
        (ModelType.PRICE, "ridge"),
        (ModelType.PRICE, "lightgbm"),
        (ModelType.TREND, "logistic"),
        (ModelType.TREND, "lightgbm"),
    ],
)
def test_a_reloaded_model_predicts_exactly_what_the_fitted_one_did(
    model_type: ModelType, name: str
) -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 5))
    y = X @ rng.normal(size=5) + rng.normal(size=400)
    if model_type is ModelType.TREND:
        y = (y > 0).astype(float)
    fitted = CANDIDATES[model_type][name](1).fit(X, y)
    expected = fitted.predict(X) if model_type is ModelType.PRICE else fitted.predict_proba(X)[:, 1]
    reloaded = load_model(loads(dumps({"model": export_model(fitted)}))["model"])
    np.testing.assert_allclose(reloaded.predict(X), expected, rtol=1e-9, atol=1e-12)
    weights = reloaded.importances(("a", "b", "c", "d", "e"))
    assert sum(weights.values()) == pytest.approx(1.0, abs=1e-3)


def test_an_artifact_of_another_format_version_is_refused() -> None:
    with pytest.raises(ArtifactError):
        loads(b'{"format_version": 99, "model": {}}')
    with pytest.raises(ArtifactError):
        loads(b"\x80\x04\x95 pickled bytes")


@pytest.mark.django_db
def test_the_registry_writes_json_atomically_and_refuses_a_file_that_changed(
    settings: Any,
) -> None:
    sha = registry.artifact_write(
        relative="AAPL/m.json", payload={"model": {"kind": "constant", "value": 0}}
    )
    path = Path(settings.ML_MODELS_DIR) / "AAPL" / "m.json"
    assert path.read_bytes().startswith(b"{")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    assert list(path.parent.glob(".tmp-*")) == []
    model = PredictionModel(artifact_path="AAPL/m.json", artifact_sha256=sha)
    assert registry.artifact_read(model)["model"]["kind"] == "constant"
    path.write_bytes(path.read_bytes().replace(b"0", b"1"))
    with pytest.raises(registry.ArtifactRefused, match="SHA-256"):
        registry.artifact_read(model)


def test_an_artifact_path_outside_the_models_folder_is_refused() -> None:
    with pytest.raises(registry.ArtifactRefused, match="leaves"):
        registry.artifact_write(relative="../../escape.json", payload={})
