"""Portfolio risk: VaR/ES in the base currency with correlations and FX, per-holding views."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
from rest_framework.exceptions import APIException

from stockvis.market.models import Asset
from stockvis.ml.data import asset_bars
from stockvis.ml.estimators import ModelType
from stockvis.ml.portfolio_risk import portfolio_var
from stockvis.ml.predicting import prediction_cached
from stockvis.portfolios import reports
from stockvis.portfolios.models import Portfolio
from stockvis.portfolios.selectors import FX_SYMBOL
from stockvis.providers.synthetic import SYNTHETIC_LABEL

RISK_DAYS = 250
MIN_COMMON_DAYS = 30
TREND_HORIZON = 20


def _closes(asset: Asset, now: dt.datetime) -> tuple[pd.Series, bool]:
    series = asset_bars(asset, now=now)
    return pd.Series(series.bars.close, index=pd.Index(series.dates)), series.synthetic


def _base_returns(
    assets: dict[str, Asset], base: str, now: dt.datetime
) -> tuple[pd.DataFrame, bool, bool]:
    """Aligned daily log returns of each holding as the base-currency investor sees them."""
    frames: dict[str, pd.Series] = {}
    synthetic = False
    for symbol, asset in assets.items():
        frames[symbol], fake = _closes(asset, now)
        synthetic |= fake
    closes = pd.DataFrame(frames).sort_index().dropna()
    needs_fx = any(a.currency != base for a in assets.values())
    returns = np.log(closes).diff().iloc[1:]
    if needs_fx:
        fx_asset = Asset.objects.filter(symbol=FX_SYMBOL).first()
        if fx_asset is None:
            return returns.iloc[0:0], synthetic, True
        fx, fake = _closes(fx_asset, now)
        synthetic |= fake
        # USD-KRW trades on weekdays; a holiday of one exchange takes the last known rate.
        fx_returns = np.log(fx.reindex(closes.index, method="ffill")).diff().iloc[1:]
        for symbol, asset in assets.items():
            if asset.currency == "USD" and base == "KRW":
                returns[symbol] += fx_returns
            elif asset.currency == "KRW" and base == "USD":
                returns[symbol] -= fx_returns
    return returns.dropna().iloc[-RISK_DAYS:], synthetic, needs_fx


def _holding_views(asset: Asset, now: dt.datetime) -> dict[str, Any]:
    views: dict[str, Any] = {}
    for key, model_type, horizon in (
        ("trend", ModelType.TREND, TREND_HORIZON),
        ("risk", ModelType.RISK, 1),
    ):
        try:
            answer = prediction_cached(asset=asset, model_type=model_type, horizon=horizon, now=now)
        except APIException as exc:
            views[key] = {"error": str(exc.detail)}
            continue
        block = answer["prediction"]
        views[key] = (
            {
                "label": block["label"],
                "probability_up": block["probability_up"],
                "horizon": horizon,
                "served": answer["served"]["kind"],
            }
            if key == "trend"
            else {
                "label": block["risk"]["label"],
                "annual_volatility": block["volatility"]["annualised"],
                "served": answer["served"]["kind"],
            }
        )
    return views


def portfolio_risk(*, portfolio: Portfolio, on: dt.date, now: dt.datetime) -> dict[str, Any]:
    report = reports.portfolio_valuation(portfolio=portfolio, on=on)
    valuation = report.valuation
    base = valuation.base_currency
    held = [h for h in valuation.holdings if h.quantity > 0 and h.base.market_value > 0]
    assets = Asset.objects.in_bulk([h.symbol for h in held], field_name="symbol")
    values = {h.symbol: float(h.base.market_value) for h in held if h.symbol in assets}
    out: dict[str, Any] = {
        "portfolio": {"id": portfolio.pk, "name": portfolio.name},
        "as_of": valuation.as_of,
        "base_currency": base,
        "method": "1-day VaR/ES of today's positions over the last "
        f"{RISK_DAYS} common trading days (returns in {base}, FX included); parametric normal "
        "with the covariance, and historical simulation. Contributions are Euler components "
        "of the parametric 99 % VaR: they add up to it.",
        "risk": None,
        "holdings": [],
        "message": None,
    }
    if not values:
        out["message"] = "no priced holdings to assess"
        return out
    returns, synthetic, needs_fx = _base_returns({s: assets[s] for s in values}, base, now)
    out["fx"] = FX_SYMBOL if needs_fx else None
    if len(returns) < MIN_COMMON_DAYS:
        out["message"] = (
            f"only {len(returns)} common trading days with prices"
            f"{' and an exchange rate' if needs_fx else ''}; at least {MIN_COMMON_DAYS} are needed"
        )
    else:
        symbols = list(returns.columns)
        out["risk"] = portfolio_var(
            symbols, np.array([values[s] for s in symbols]), returns.to_numpy()
        )
    out["holdings"] = [
        {"symbol": s, "value": values[s], **_holding_views(assets[s], now)} for s in values
    ]
    out["synthetic"] = synthetic or report.synthetic
    out["notice"] = SYNTHETIC_LABEL if out["synthetic"] else None
    return out
