"""The candidate models and the baselines, all behind scikit-learn's fit/predict interface."""

# Pure core. Walk-forward code (`walkforward.py`) never cares which estimator it drives: it calls
# `fit` and `forecast`. Price models predict the log return over the horizon; trend models the
# probability that the close is higher after the horizon. Baselines are estimators too, so they
# run in exactly the same folds, with the same purge, embargo and calibration, as the models.

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Final

import numpy as np
from lightgbm import LGBMClassifier, LGBMRegressor
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from stockvis.ml.features import FEATURE_NAMES, FloatArray


class ModelType(StrEnum):
    PRICE = "price_prediction"
    TREND = "trend_analysis"
    RISK = "risk_assessment"


HORIZONS: Final = (1, 5, 20)
# The feature holding the return over each horizon: what persistence repeats.
PAST_RETURN_FEATURE: Final = {1: "ret_1", 5: "ret_5", 20: "ret_20"}

# Small, shallow and strongly regularised: daily returns are mostly noise, and every walk-forward
# fold refits. 63 bins and 7 leaves cut a fit to a fifth of LightGBM's defaults' time.
LIGHTGBM_PARAMS: Final[dict[str, Any]] = {
    "n_estimators": 80,
    "learning_rate": 0.05,
    "num_leaves": 7,
    "max_bin": 63,
    "min_child_samples": 40,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "reg_lambda": 1.0,
    "force_col_wise": True,
    "n_jobs": 1,
    "verbose": -1,
    "random_state": 0,
}
RIDGE_PARAMS: Final[dict[str, Any]] = {"alpha": 10.0}
# Newton–Cholesky: a few exact steps on 15 features, where L-BFGS takes dozens of slow ones.
LOGISTIC_PARAMS: Final[dict[str, Any]] = {"C": 0.1, "solver": "newton-cholesky", "max_iter": 100}


class PersistenceClassifier(ClassifierMixin, BaseEstimator):
    """Trend persistence: the next move follows the sign of the last one over the same horizon.

    Its probabilities are how often, in training, an up (down) move followed an up (down) move,
    so the baseline is calibrated and a proper score (Brier) compares it fairly with the models.
    """

    def __init__(self, column: int = 0) -> None:
        self.column = column

    def fit(self, X: FloatArray, y: FloatArray) -> PersistenceClassifier:
        self.classes_ = np.array([0.0, 1.0])
        after_up = np.asarray(X)[:, self.column] > 0
        prior = float(np.mean(y)) if len(y) else 0.5
        self.p_up_after_up_ = float(np.mean(y[after_up])) if after_up.any() else prior
        self.p_up_after_down_ = float(np.mean(y[~after_up])) if (~after_up).any() else prior
        return self

    def predict_proba(self, X: FloatArray) -> FloatArray:
        up = np.where(np.asarray(X)[:, self.column] > 0, self.p_up_after_up_, self.p_up_after_down_)
        return np.column_stack([1.0 - up, up])

    def predict(self, X: FloatArray) -> FloatArray:
        return (self.predict_proba(X)[:, 1] > 0.5).astype(np.float64)


Factory = Callable[[int], Any]


def _ridge(horizon: int) -> Pipeline:
    return make_pipeline(StandardScaler(), Ridge(**RIDGE_PARAMS))


def _logistic(horizon: int) -> Pipeline:
    return make_pipeline(StandardScaler(), LogisticRegression(**LOGISTIC_PARAMS))


CANDIDATES: Final[dict[ModelType, dict[str, Factory]]] = {
    ModelType.PRICE: {
        "ridge": _ridge,
        "lightgbm": lambda h: LGBMRegressor(**LIGHTGBM_PARAMS),
    },
    ModelType.TREND: {
        "logistic": _logistic,
        "lightgbm": lambda h: LGBMClassifier(**LIGHTGBM_PARAMS),
    },
}
BASELINES: Final[dict[ModelType, dict[str, Factory]]] = {
    ModelType.PRICE: {
        "random_walk": lambda h: DummyRegressor(strategy="constant", constant=0.0),
        "drift": lambda h: DummyRegressor(strategy="mean"),
    },
    ModelType.TREND: {
        "majority": lambda h: DummyClassifier(strategy="prior"),
        "persistence": lambda h: PersistenceClassifier(FEATURE_NAMES.index(PAST_RETURN_FEATURE[h])),
    },
}
HYPER_PARAMETERS: Final[dict[str, dict[str, Any]]] = {
    "ridge": RIDGE_PARAMS,
    "logistic": LOGISTIC_PARAMS,
    "lightgbm": LIGHTGBM_PARAMS,
}


def forecast(model: Any, X: FloatArray, model_type: ModelType) -> FloatArray:
    """Price: the predicted log return; trend: the probability of up (one class seen: 0 or 1)."""
    if model_type is ModelType.PRICE:
        return np.asarray(model.predict(X), dtype=np.float64)
    proba = np.asarray(model.predict_proba(X), dtype=np.float64)
    classes = list(getattr(model, "classes_", [0.0, 1.0]))
    if 1.0 in classes:
        return proba[:, classes.index(1.0)]
    return np.zeros(X.shape[0])


def fit(model: Any, X: FloatArray, y: FloatArray, model_type: ModelType) -> Any:
    if model_type is ModelType.TREND and np.unique(y).size < 2:
        # A window where the price only ever rose (or fell): the prior is all there is to learn.
        model = DummyClassifier(strategy="prior")
    return model.fit(X, y)
