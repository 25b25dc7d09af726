"""Backtest plots as PNG (matplotlib, Agg): predicted against realised, and a strategy against buy-and-hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt
import numpy as np

from stockvis.ml.estimators import ModelType
from stockvis.ml.experiments import Evaluation
from stockvis.ml.features import FloatArray, log_returns
from stockvis.ml.riskbacktest import RiskEvaluation


def _strategy(long: np.ndarray, next_returns: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Growth of 1 held when the model says up (flat otherwise), and of buy-and-hold."""
    return np.exp(np.cumsum(np.where(long, next_returns, 0.0))), np.exp(np.cumsum(next_returns))


def plot_evaluation(
    evaluation: Evaluation, close: FloatArray, dates: Sequence[dt.date], title: str, path: Path
) -> None:
    decision = evaluation.decision
    shown = decision.candidate if decision.promoted else decision.candidate or decision.baseline
    bt = evaluation.backtests[shown]
    base = evaluation.backtests[decision.baseline]
    h = evaluation.horizon
    when = [dates[i + h] for i in bt.rows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 8), sharex=True)
    if evaluation.model_type is ModelType.PRICE:
        last = close[bt.rows]
        centre = last * np.exp(bt.predicted)
        for c, alpha in ((0.95, 0.15), (0.8, 0.3)):
            r = bt.radius[c]
            top.fill_between(
                when,
                last * np.exp(bt.predicted - r),
                last * np.exp(bt.predicted + r),
                alpha=alpha,
                color="tab:blue",
                label=f"{shown} {round(c * 100)} % interval",
            )
        top.plot(when, close[bt.rows + h], color="black", lw=0.8, label="realised close")
        top.plot(when, centre, color="tab:blue", lw=0.8, label=f"{shown} forecast")
        top.plot(
            when,
            last * np.exp(base.predicted),
            color="tab:orange",
            lw=0.6,
            ls="--",
            label=f"{decision.baseline} baseline",
        )
        top.set_ylabel("close")
        long = bt.predicted > 0
    else:
        top.plot(when, bt.predicted, color="tab:blue", lw=0.8, label=f"{shown} P(up)")
        top.plot(
            when,
            base.predicted,
            color="tab:orange",
            lw=0.6,
            ls="--",
            label=f"{decision.baseline} P(up)",
        )
        top.scatter(when, bt.actual, s=2, color="black", label="realised up (1) / down (0)")
        top.set_ylabel(f"P(up over {h} sessions)")
        long = bt.predicted > 0.5
    top.legend(loc="upper left", fontsize=8)
    top.set_title(f"{title}: {decision.reason}", fontsize=9)
    daily = log_returns(close)
    nxt = daily[bt.rows + 1]
    strategy, hold = _strategy(long, np.nan_to_num(nxt))
    days = [dates[i + 1] for i in bt.rows]
    bottom.plot(days, strategy, color="tab:blue", label=f"long when {shown} says up, else flat")
    bottom.plot(days, hold, color="black", lw=0.8, label="buy and hold")
    bottom.set_ylabel("growth of 1")
    bottom.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_risk(evaluation: RiskEvaluation, dates: Sequence[dt.date], title: str, path: Path) -> None:
    when = [dates[i + 1] for i in evaluation.rows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 8), sharex=True)
    top.plot(when, evaluation.returns, color="grey", lw=0.3, label="daily return")
    for name, colour in (
        ("garch", "tab:blue"),
        ("ewma", "tab:orange"),
        ("historical_simulation", "tab:green"),
    ):
        top.plot(when, -evaluation.var[name][0.99], color=colour, lw=0.8, label=f"{name} 99 % VaR")
    top.legend(loc="lower left", fontsize=8)
    top.set_title(f"{title}: {evaluation.decision.reason}", fontsize=9)
    for name, colour in (("garch", "tab:blue"), ("ewma", "tab:orange")):
        bottom.plot(
            when,
            np.sqrt(evaluation.variance[name]),
            color=colour,
            lw=0.8,
            label=f"{name} volatility",
        )
    bottom.plot(when, np.abs(evaluation.returns), color="grey", lw=0.3, label="|return|")
    bottom.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
