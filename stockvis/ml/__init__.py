"""Predictions: features, models, walk-forward backtests against baselines, a registry, an API."""
