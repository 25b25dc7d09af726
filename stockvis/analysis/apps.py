"""Analysis app: keeps the screener's indicator snapshots in step with ingests."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "stockvis.analysis"
    label = "analysis"

    def ready(self) -> None:
        from stockvis.analysis.services import snapshots_refresh_after_ingest
        from stockvis.market.signals import prices_changed

        def refresh_snapshots(
            sender: Any, symbols: list[str], kind: str = "daily", **_: Any
        ) -> None:
            snapshots_refresh_after_ingest(symbols=symbols, kind=kind)

        prices_changed.connect(
            refresh_snapshots, weak=False, dispatch_uid="analysis-snapshot-refresh"
        )
