"""Portfolios app: evaluates price alerts whenever an ingest commits new prices."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def _schedule_alert_evaluation(sender: Any, **kwargs: Any) -> None:
    # Imported on first use so that start-up (every CLI command) does not load the services.
    from stockvis.portfolios.services import alerts_schedule_evaluation

    alerts_schedule_evaluation(sender, **kwargs)


class PortfoliosConfig(AppConfig):
    name = "stockvis.portfolios"
    label = "portfolios"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from stockvis.market.signals import prices_changed

        prices_changed.connect(
            _schedule_alert_evaluation, weak=False, dispatch_uid="portfolios-price-alerts"
        )
