"""`stockvis ml`: train, backtest, predict and list models, with progress bars and tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from rest_framework.exceptions import APIException
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stockvis.core.symbols import InvalidSymbol
from stockvis.market.models import Asset
from stockvis.ml import selectors
from stockvis.ml.data import asset_bars
from stockvis.ml.estimators import HORIZONS, ModelType
from stockvis.ml.experiments import evaluate
from stockvis.ml.predicting import prediction_cached
from stockvis.ml.riskbacktest import evaluate_risk
from stockvis.ml.training import horizons_of, models_train, walk_forward_config
from stockvis.ml.walkforward import NotEnoughHistory
from stockvis.providers.synthetic import SYNTHETIC_LABEL

TYPES = [t.value for t in ModelType]


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


class Command(BaseCommand):
    help = (
        "Predictions. `ml train [--assets A B] [--type T]` backtests and registers models "
        "(active only when they beat their baseline); `ml backtest SYMBOL --type T [--plot "
        "FILE.png]` shows a walk-forward without registering; `ml predict SYMBOL`; `ml models`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        train = sub.add_parser("train", help="Train and register models.")
        train.add_argument("--assets", nargs="*", help="Symbols (default: every active asset).")
        train.add_argument("--type", dest="types", nargs="*", choices=TYPES)
        backtest = sub.add_parser("backtest", help="Walk-forward backtest of one symbol.")
        backtest.add_argument("symbol")
        backtest.add_argument("--type", dest="model_type", choices=TYPES, default=TYPES[0])
        backtest.add_argument("--horizon", type=int, choices=HORIZONS, default=5)
        backtest.add_argument("--plot", type=Path, help="Write a PNG of the backtest here.")
        backtest.add_argument("--json", action="store_true", help="Print the report as JSON.")
        predict = sub.add_parser("predict", help="What the API answers for SYMBOL.")
        predict.add_argument("symbol")
        predict.add_argument("--type", dest="types", nargs="*", choices=TYPES)
        predict.add_argument("--horizon", type=int, choices=HORIZONS, default=5)
        models = sub.add_parser("models", help="The model registry.")
        models.add_argument("--symbol")
        models.add_argument("--status", choices=["candidate", "active", "retired"])

    def handle(self, *args: Any, **options: Any) -> None:
        self.console = Console(file=self.stdout, width=140)  # type: ignore[arg-type]
        getattr(self, f"_{options['action']}")(options)

    def _asset(self, symbol: str) -> Asset:
        try:
            return Asset.objects.by_symbol(symbol)
        except (Asset.DoesNotExist, InvalidSymbol):
            raise CommandError(f"unknown symbol {symbol!r}") from None

    def _train(self, options: dict[str, Any]) -> None:
        symbols = [s for part in options["assets"] or [] for s in part.split(",") if s]
        assets = (
            [self._asset(s) for s in symbols]
            if symbols
            else list(Asset.objects.filter(is_active=True).order_by("symbol"))
        )
        types = [ModelType(t) for t in options["types"] or TYPES]
        steps = sum(len(horizons_of(t)) for t in types) * len(assets)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
        ) as progress:
            task = progress.add_task("training", total=steps)

            def advance(message: str) -> None:
                progress.update(task, advance=1, description=message)

            run = models_train(assets=assets, model_types=types, progress=advance)
        table = Table(
            "symbol",
            "type",
            "h",
            "v",
            "algorithm",
            "status",
            "why",
            title=f"Training run {run.pk}: {run.status}",
        )
        made = {m.pk: m for m in run.models.select_related("asset")}
        for symbol, result in run.results.items():
            for row in result["models"]:
                model = made[row["id"]]
                table.add_row(
                    symbol,
                    model.model_type,
                    str(model.horizon),
                    str(model.version),
                    model.algorithm,
                    model.status,
                    model.status_reason,
                )
            for reason in result.get("skipped", []):
                table.add_row(symbol, "-", "-", "-", "-", "skipped", reason)
            if "error" in result:
                table.add_row(symbol, "-", "-", "-", "-", "[red]failed[/red]", result["error"])
        self.console.print(table)

    def _backtest(self, options: dict[str, Any]) -> None:
        asset = self._asset(options["symbol"])
        model_type = ModelType(options["model_type"])
        series = asset_bars(asset, now=timezone.now())
        horizon = 1 if model_type is ModelType.RISK else options["horizon"]
        cfg = walk_forward_config(horizon)
        title = f"{asset.symbol} {model_type} h{horizon}"
        if series.synthetic:
            title += " (synthetic demo data)"
        try:
            if model_type is ModelType.RISK:
                risk = evaluate_risk(series.bars.close, cfg)
                report = risk.report()
            else:
                ev = evaluate(series.bars, model_type, cfg)
                report = ev.report()
        except NotEnoughHistory as exc:
            raise CommandError(f"{asset.symbol}: {exc}") from None
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, default=str))
        else:
            self._report_table(title, report)
        if series.synthetic:
            self.console.print(f"[yellow]{SYNTHETIC_LABEL}[/yellow]")
        if options["plot"]:
            from stockvis.ml.plots import plot_evaluation, plot_risk

            if model_type is ModelType.RISK:
                plot_risk(risk, series.dates, title, options["plot"])
            else:
                plot_evaluation(ev, series.bars.close, series.dates, title, options["plot"])
            self.console.print(f"Plot written to {options['plot']}")

    def _report_table(self, title: str, report: dict[str, Any]) -> None:
        columns = {
            **{f"{k} (model)": v for k, v in report["candidates"].items()},
            **{f"{k} (baseline)": v for k, v in report["baselines"].items()},
        }
        keys = list(dict.fromkeys(k for found in columns.values() for k in found))
        wf = report["walk_forward"]
        caption = ", ".join(f"{k} {v}" for k, v in wf.items())
        table = Table("metric", *columns, title=f"{title}: walk-forward ({caption})")
        for key in keys:
            table.add_row(key, *[_fmt(found.get(key)) for found in columns.values()])
        self.console.print(table)
        decision = report["decision"]
        colour = "green" if decision["promoted"] else "yellow"
        self.console.print(f"[{colour}]{decision['reason']}[/{colour}]")

    def _predict(self, options: dict[str, Any]) -> None:
        asset = self._asset(options["symbol"])
        now = timezone.now()
        for name in options["types"] or TYPES:
            model_type = ModelType(name)
            horizon = 1 if model_type is ModelType.RISK else options["horizon"]
            try:
                answer = prediction_cached(
                    asset=asset, model_type=model_type, horizon=horizon, now=now
                )
            except APIException as exc:
                self.console.print(f"[red]{asset.symbol} {name}: {exc.detail}[/red]")
                continue
            table = Table(
                "field", "value", title=f"{asset.symbol} {name} h{horizon} as of {answer['as_of']}"
            )
            table.add_row("served", f"{answer['served']['kind']}: {answer['served']['name']}")
            table.add_row("why", answer["served"]["message"])
            table.add_row("target date", str(answer["target_date"]))
            table.add_row("last close", _fmt(answer["last_close"]))
            for key, value in answer["prediction"].items():
                table.add_row(
                    key, json.dumps(value, default=str) if isinstance(value, dict) else _fmt(value)
                )
            self.console.print(table)
            # The answer says whether the bars it read were synthetic (the serving source
            # decides: real data before demo data), not the asset's preferred source.
            if answer.get("synthetic"):
                self.console.print(f"[yellow]{SYNTHETIC_LABEL}[/yellow]")

    def _models(self, options: dict[str, Any]) -> None:
        rows = selectors.registry(
            symbol=(options["symbol"] or "").upper() or None, status=options["status"]
        )
        table = Table(
            "id",
            "symbol",
            "type",
            "h",
            "v",
            "algorithm",
            "status",
            "model loss",
            "baseline",
            "trained",
        )
        for model in rows[:500]:
            metrics = model.metrics or {}
            key = (
                "mse_log_return"
                if model.model_type == ModelType.PRICE
                else "brier"
                if model.model_type == ModelType.TREND
                else "qlike"
            )
            found = (metrics.get("model") or {}).get(key)
            base = (metrics.get("baseline") or {}).get(key)
            table.add_row(
                str(model.pk),
                model.asset.symbol,
                model.model_type,
                str(model.horizon),
                str(model.version),
                model.algorithm,
                model.status,
                _fmt(found),
                f"{metrics.get('baseline_name')}: {_fmt(base)}",
                model.created_at.strftime("%Y-%m-%d %H:%M"),
            )
        self.console.print(table)
