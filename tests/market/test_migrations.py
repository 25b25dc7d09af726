"""Migrations of the market app: every name fits PostgreSQL, and the column rename keeps data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# PostgreSQL's NAMEDATALEN - 1: longer identifiers fail `migrate`'s system checks (models.E018).
POSTGRESQL_MAX_IDENTIFIER = 63
LONG_FIELD = "proceeds_from_issuance_of_long_term_debt_and_capital_securities_net"


def test_every_column_name_fits_in_a_postgresql_identifier() -> None:
    too_long = [
        f"{model._meta.label}.{field.column}"
        for model in apps.get_models()
        for field in model._meta.local_fields
        if len(field.column) > POSTGRESQL_MAX_IDENTIFIER
    ]
    assert too_long == []


@pytest.mark.django_db(transaction=True)
def test_the_column_rename_keeps_the_stored_cash_flow_figures() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("market", "0001_initial")])
    old = executor.loader.project_state([("market", "0001_initial")]).apps
    asset = old.get_model("market", "Asset").objects.create(
        symbol="IBM", name="IBM", category="stock", exchange="XNYS", currency="USD"
    )
    old.get_model("market", "CashFlowStatement").objects.create(
        asset=asset,
        period_type="annual",
        fiscal_date_ending=dt.date(2025, 12, 31),
        fiscal_year=2025,
        source="alphavantage",
        **{LONG_FIELD: 1_234_000_000},
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from stockvis.market.models import CashFlowStatement

    row = CashFlowStatement.objects.get(asset__symbol="IBM")
    assert getattr(row, LONG_FIELD) == 1_234_000_000
