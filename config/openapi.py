"""drf-spectacular's settings: the OpenAPI schema at /api/schema/ and its docs at /api/docs/."""

from __future__ import annotations

from typing import Any


def openapi_settings() -> dict[str, Any]:
    return {
        "TITLE": "Stock-Vis API",
        "DESCRIPTION": "Market data, indicators, portfolios and predictions. Data from the "
        "`synthetic` provider is demo data and is marked `synthetic: true`.",
        "VERSION": "1.0.0",
        "SERVE_INCLUDE_SCHEMA": False,
        "COMPONENT_SPLIT_REQUEST": True,
        # Swagger UI's files come from the sidecar package, so /api/docs/ works offline.
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
        "POSTPROCESSING_HOOKS": [
            "drf_spectacular.hooks.postprocess_schema_enums",
            "stockvis.core.schema.document_error_responses",
        ],
        # Two choice sets share the field name "period": chart windows and statement periods.
        "ENUM_NAME_OVERRIDES": {
            "ChartPeriodEnum": "stockvis.market.params.PERIOD_CHOICES",
            "StatementPeriodEnum": "stockvis.market.params.STATEMENT_PERIOD_CHOICES",
            "TransactionKindEnum": "stockvis.portfolios.models.TransactionKind",
            "AlertKindEnum": "stockvis.portfolios.models.AlertKind",
            "SnapshotKindEnum": "stockvis.portfolios.models.PortfolioSnapshot.Kind",
            "PortfolioModeEnum": "stockvis.portfolios.models.PortfolioMode",
            "CurrencyEnum": "stockvis.accounts.models.Currency",
            "PredictionModelTypeEnum": "stockvis.ml.models.ModelType",
            "PredictionModelStatusEnum": "stockvis.ml.models.ModelStatus",
            "JobStatusEnum": "stockvis.collector.models.JobStatus",
            "FreshnessStatusEnum": "stockvis.collector.serializers.FRESHNESS_STATUSES",
        },
    }
