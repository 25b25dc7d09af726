"""Fitted models to and from JSON: LightGBM's own text model and plain coefficients, never pickle."""

# Pure core: bytes in, bytes out (the registry writes and hashes the files). A format version
# travels with every artifact so an old file is refused rather than misread. Loading rebuilds a
# small predictor from the numbers (a scaler and a linear map, or a LightGBM Booster), so a
# served prediction never depends on unpickling anything.

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final

import lightgbm as lgb
import numpy as np
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.pipeline import Pipeline

from stockvis.ml.features import FloatArray

FORMAT_VERSION: Final = 1


class ArtifactError(ValueError):
    """An artifact we cannot read: unknown format, kind or version."""


def export_model(model: Any) -> dict[str, Any]:
    """The JSON-able description of a fitted estimator from `estimators.py`."""
    if isinstance(model, Pipeline):
        scaler, last = model.steps[0][1], model.steps[-1][1]
        coef = np.asarray(last.coef_, dtype=float).ravel()
        intercept = float(np.asarray(last.intercept_, dtype=float).ravel()[0])
        kind = "logistic" if hasattr(last, "predict_proba") else "linear"
        return {
            "kind": kind,
            "mean": scaler.mean_.tolist(),
            "scale": scaler.scale_.tolist(),
            "coef": coef.tolist(),
            "intercept": intercept,
        }
    if hasattr(model, "booster_"):
        objective = "binary" if hasattr(model, "predict_proba") else "regression"
        return {
            "kind": "lightgbm",
            "objective": objective,
            "model": model.booster_.model_to_string(),
        }
    if isinstance(model, DummyClassifier):
        classes = list(model.classes_)
        prior = model.class_prior_
        return {
            "kind": "constant",
            "value": float(prior[classes.index(1.0)]) if 1.0 in classes else 0.0,
        }
    if isinstance(model, DummyRegressor):
        return {"kind": "constant", "value": float(np.ravel(model.constant_)[0])}
    raise ArtifactError(f"cannot export a {type(model).__name__}")


def dumps(payload: dict[str, Any]) -> bytes:
    return json.dumps({"format_version": FORMAT_VERSION, **payload}, sort_keys=True).encode()


def loads(data: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArtifactError(f"not a JSON artifact: {exc}") from None
    if not isinstance(payload, dict) or payload.get("format_version") != FORMAT_VERSION:
        raise ArtifactError(f"artifact format version is not {FORMAT_VERSION}")
    return payload


@dataclass(frozen=True)
class LoadedModel:
    """A predictor rebuilt from an artifact's model description."""

    spec: dict[str, Any]
    booster: lgb.Booster | None = None

    def predict(self, X: FloatArray) -> FloatArray:
        kind = self.spec["kind"]
        if kind == "constant":
            return np.full(X.shape[0], float(self.spec["value"]))
        if kind == "lightgbm":
            assert self.booster is not None
            return np.asarray(self.booster.predict(X), dtype=np.float64)
        z = (X - np.asarray(self.spec["mean"])) / np.asarray(self.spec["scale"])
        linear = z @ np.asarray(self.spec["coef"]) + float(self.spec["intercept"])
        if kind == "logistic":
            return np.asarray(1.0 / (1.0 + np.exp(-linear)), dtype=np.float64)
        return np.asarray(linear, dtype=np.float64)

    def importances(self, names: tuple[str, ...]) -> dict[str, float]:
        """Share of the model's weight per feature: LightGBM gain, or |standardised coef|."""
        if self.spec["kind"] == "lightgbm" and self.booster is not None:
            raw = np.asarray(self.booster.feature_importance("gain"), dtype=float)
        elif self.spec["kind"] in {"linear", "logistic"}:
            raw = np.abs(np.asarray(self.spec["coef"], dtype=float))
        else:
            return {}
        total = float(raw.sum())
        if total <= 0:
            return {}
        ranked = sorted(zip(names, raw / total, strict=True), key=lambda kv: -kv[1])
        return {name: round(float(share), 4) for name, share in ranked}


def load_model(spec: dict[str, Any]) -> LoadedModel:
    kind = spec.get("kind")
    if kind == "lightgbm":
        return LoadedModel(spec, lgb.Booster(model_str=spec["model"]))
    if kind in {"linear", "logistic", "constant"}:
        return LoadedModel(spec)
    raise ArtifactError(f"unknown model kind {kind!r}")
