"""Analysis app: keeps the screener's indicator snapshots in step with ingests."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "stockvis.analysis"
    label = "analysis"

    def ready(self) -> None:
        from stockvis.market.signals import prices_changed

        def refresh_snapshots(
            sender: Any, symbols: list[str], kind: str = "daily", **_: Any
        ) -> None:
            # Imported here, not at start-up: the services pull in pandas and TA-Lib, which every
            # CLI command (`stockvis --help` included) would otherwise pay for.
            from stockvis.analysis.services import snapshots_refresh_after_ingest

            snapshots_refresh_after_ingest(symbols=symbols, kind=kind)

        prices_changed.connect(
            refresh_snapshots, weak=False, dispatch_uid="analysis-snapshot-refresh"
        )
