"""The risk assessment of one asset: volatility forecast, VaR/ES, drawdown, beta, a label."""

# Orchestration around the pure `risk` module: the GARCH parameters come from a registered
# artifact when GARCH beat EWMA out of sample, else EWMA (the baseline) forecasts; beta reads
# the market index through the same bar adapter as everything else.

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Final

import numpy as np

from stockvis.market.models import Asset
from stockvis.ml.data import AssetSeries, asset_bars
from stockvis.ml.risk import (
    TAILS,
    TRADING_DAYS,
    GarchParams,
    beta,
    ewma_variance,
    garch_horizon_variance,
    garch_variance,
    historical_var_es,
    max_drawdown,
    parametric_var_es,
    risk_label,
)
from stockvis.ml.riskbacktest import HISTORY_WINDOW
from stockvis.ml.walkforward import WalkForwardConfig

# Stored in the demo universe as S&P 500 and KOSPI; other markets have no index to regress on.
MARKET_INDEX: Final = {"US": "US500", "KR": "KS11"}
HISTORICAL_RETURNS: Final = 500


def risk_bars_needed(cfg: WalkForwardConfig) -> int:
    return max(cfg.min_train, HISTORY_WINDOW) + cfg.min_test + 1


def _beta(series: AssetSeries, now: dt.datetime) -> dict[str, Any]:
    index_symbol = MARKET_INDEX.get(series.asset.market)
    if index_symbol is None:
        return {"value": None, "index": None, "reason": "no market index for this market"}
    if index_symbol == series.asset.symbol:
        return {"value": 1.0, "index": index_symbol, "days": None}
    index = Asset.objects.filter(symbol=index_symbol).first()
    if index is None:
        return {"value": None, "index": index_symbol, "reason": f"{index_symbol} is not stored"}
    market = asset_bars(index, now=now)
    market_close = dict(zip(market.dates, market.bars.close.tolist(), strict=True))
    common = [d for d in series.dates if d in market_close][-(TRADING_DAYS + 1) :]
    own = dict(zip(series.dates, series.bars.close.tolist(), strict=True))
    a = np.diff(np.log([own[d] for d in common]))
    m = np.diff(np.log([market_close[d] for d in common]))
    value = beta(a, m)
    return {"value": value, "index": index_symbol, "days": int(a.size)}


def risk_prediction(
    series: AssetSeries, loaded: dict[str, Any] | None, *, now: dt.datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The answer's ``prediction`` block and the fields stored with the prediction."""
    returns = np.diff(np.log(series.bars.close))
    if loaded is not None:
        spec = loaded["model"]
        params = GarchParams(spec["mu"], spec["omega"], spec["alpha"], spec["beta"])
        next_var = float(garch_variance(params, returns, float(np.var(returns[:20])))[-1])
        ten_var = garch_horizon_variance(params, next_var, 10)
        method = "GARCH(1,1)"
    else:
        next_var = float(ewma_variance(returns)[-1])
        ten_var = 10 * next_var
        method = "EWMA (λ = 0.94)"
    vol_1d, vol_10d = math.sqrt(next_var), math.sqrt(ten_var)
    recent = returns[-HISTORICAL_RETURNS:]
    var_es: dict[str, Any] = {}
    for tail in TAILS:
        p_var, p_es = parametric_var_es(vol_1d, tail)
        h_var, h_es = historical_var_es(recent, tail)
        p10_var, p10_es = parametric_var_es(vol_10d, tail)
        var_es[str(round(tail * 100))] = {
            "parametric_var_1d": p_var,
            "parametric_es_1d": p_es,
            "historical_var_1d": h_var,
            "historical_es_1d": h_es,
            "parametric_var_10d": p10_var,
            "parametric_es_10d": p10_es,
        }
    year = series.bars.close[-TRADING_DAYS:]
    drawdown = {"all": max_drawdown(series.bars.close), "last_year": max_drawdown(year)}
    label = risk_label(
        vol_1d * math.sqrt(TRADING_DAYS), var_es["99"]["parametric_var_1d"], drawdown["last_year"]
    )
    prediction = {
        "volatility": {
            "method": method,
            "1d": vol_1d,
            "10d": vol_10d,
            "annualised": vol_1d * math.sqrt(TRADING_DAYS),
        },
        "var_es": var_es,
        "var_es_note": "Losses as positive fractions of the position; historical from the last "
        f"{recent.size} daily returns, parametric normal with the forecast volatility.",
        "max_drawdown": drawdown,
        "beta": _beta(series, now),
        "risk": label,
    }
    return prediction, {"value": vol_1d, "features": {}}
