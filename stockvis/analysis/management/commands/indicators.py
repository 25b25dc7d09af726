"""`stockvis indicators`: a symbol's latest indicators and signals as a table, or rebuild snapshots."""

from __future__ import annotations

import io
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from stockvis.analysis.services import (
    SNAPSHOT_SPEC,
    SYNTHETIC_NOTICE,
    IndicatorReport,
    indicator_report,
    snapshots_refresh,
)
from stockvis.core.symbols import InvalidSymbol
from stockvis.market.models import Asset
from stockvis.market.params import BAR_TYPES, PERIODS, InvalidChartParams, parse_chart_window

DIRECTION_STYLES = {"buy": "green", "sell": "red", "neutral": "dim"}


class Command(BaseCommand):
    help = (
        "Print the latest indicator values, the signals with their reasons, the composite signal "
        "and the crossovers inside --period for SYMBOL; or, with --refresh-all, rebuild every "
        "asset's screener snapshot (ingests keep them fresh; use this after loading data by hand)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("symbol", nargs="?", help="Symbol in any case, e.g. AAPL or btc-krw.")
        parser.add_argument("--period", default="1y", choices=list(PERIODS))
        parser.add_argument("--type", dest="bar_type", default="daily", choices=BAR_TYPES)
        parser.add_argument(
            "--refresh-all", action="store_true", help="Rebuild the snapshots of all assets."
        )
        parser.add_argument("--width", type=int, default=120, help="Table width in characters.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["refresh_all"]:
            written = snapshots_refresh()
            self.stdout.write(f"Refreshed {written} indicator snapshots.")
            return
        if not options["symbol"]:
            raise CommandError("give a SYMBOL, or --refresh-all")
        try:
            asset = Asset.objects.by_symbol(options["symbol"])
        except (Asset.DoesNotExist, InvalidSymbol):
            raise CommandError(f"unknown symbol {options['symbol']!r}") from None
        try:
            window = parse_chart_window(options["bar_type"], options["period"], None)
        except InvalidChartParams as exc:
            raise CommandError(str(exc)) from None
        report = indicator_report(
            asset=asset, window=window, spec=SNAPSHOT_SPEC, now=timezone.now()
        )
        buffer = io.StringIO()
        render_report(Console(file=buffer, width=options["width"], color_system=None), report)
        self.stdout.write(buffer.getvalue(), ending="")


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f}"


def render_report(console: Console, report: IndicatorReport) -> None:
    asset = report.asset
    as_of = report.columns.dates[report.closed - 1] if report.closed else None
    console.print(
        f"[bold]{asset.symbol}[/bold] {asset.name} ({asset.category}, {asset.market}), "
        f"{report.window.bar_type} bars from {report.columns.source or 'nowhere'}, "
        f"as of {as_of or 'no closed bar yet'}"
    )
    if report.synthetic:
        console.print(f"[yellow]{SYNTHETIC_NOTICE}[/yellow]")
    values = Table(title="Latest values")
    values.add_column("indicator")
    values.add_column("value", justify="right")
    for name, value in report.latest().items():
        values.add_row(name, _number(value))
    console.print(values)

    signals = Table(title="Signals")
    for column in ("signal", "direction", "strength", "date", "reason"):
        signals.add_column(column, justify="right" if column == "strength" else "left")
    for signal in report.signals.signals:
        style = DIRECTION_STYLES[signal.direction.value]
        signals.add_row(
            signal.name.value,
            f"[{style}]{signal.direction.value}[/{style}]",
            f"{signal.strength:.2f}",
            signal.date.isoformat() if signal.date else "-",
            signal.reason,
        )
    console.print(signals)
    composite = report.signals.composite
    weights = ", ".join(f"{name} {weight:.0%}" for name, weight in composite.weights.items())
    console.print(
        f"Composite: [bold]{composite.label.value.replace('_', ' ')}[/bold] "
        f"(score {composite.score:+.1f} of ±100; weights {weights or 'none: no data yet'})"
    )
    events = [event for event in report.signals.events if event.index >= report.window_start]
    if events:
        crosses = Table(title=f"Crossovers in the last {report.window.period}")
        for column in ("date", "crossover", "direction"):
            crosses.add_column(column)
        for event in events:
            crosses.add_row(
                event.date.isoformat() if event.date else "-",
                event.kind.value.replace("_", " "),
                event.direction.value,
            )
        console.print(crosses)
