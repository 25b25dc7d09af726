"""Portfolios app: evaluates price alerts whenever an ingest commits new prices."""

from __future__ import annotations

from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "stockvis.portfolios"
    label = "portfolios"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from stockvis.market.signals import prices_changed
        from stockvis.portfolios.services import alerts_schedule_evaluation

        prices_changed.connect(
            alerts_schedule_evaluation, weak=False, dispatch_uid="portfolios-price-alerts"
        )
