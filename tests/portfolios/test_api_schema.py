"""Every accounts and portfolios endpoint is described in the OpenAPI schema."""

from __future__ import annotations

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

EXPECTED = {
    "/api/v1/users/register/": {"post"},
    "/api/v1/users/login/": {"post"},
    "/api/v1/users/token/refresh/": {"post"},
    "/api/v1/users/logout/": {"post"},
    "/api/v1/users/me/": {"get", "put", "patch"},
    "/api/v1/users/me/password/": {"post"},
    "/api/v1/users/portfolios/": {"get", "post"},
    "/api/v1/users/portfolios/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/users/portfolios/{id}/valuation/": {"get"},
    "/api/v1/users/portfolios/{id}/allocation/": {"get"},
    "/api/v1/users/portfolios/{id}/history/": {"get"},
    "/api/v1/users/portfolios/{id}/snapshots/": {"get"},
    "/api/v1/users/portfolio/": {"get", "post"},
    "/api/v1/users/portfolio/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/users/transactions/": {"get", "post"},
    "/api/v1/users/transactions/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/users/watchlists/": {"get", "post"},
    "/api/v1/users/watchlists/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/users/watchlists/{id}/items/": {"post"},
    "/api/v1/users/watchlists/{id}/items/{symbol}/": {"delete"},
    "/api/v1/users/alerts/": {"get", "post"},
    "/api/v1/users/alerts/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/users/notifications/": {"get"},
    "/api/v1/users/notifications/{id}/": {"get", "delete"},
    "/api/v1/users/notifications/{id}/read/": {"post"},
    "/api/v1/users/notifications/read-all/": {"post"},
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_every_endpoint_and_method_is_in_the_schema_with_a_summary(schema: dict[str, Any]) -> None:
    for path, methods in EXPECTED.items():
        assert path in schema["paths"], path
        operations = schema["paths"][path]
        assert set(operations) >= methods, path
        for method in methods:
            assert operations[method].get("summary"), f"{method} {path} has no summary"


def test_the_history_documents_the_time_weighted_return_formula(schema: dict[str, Any]) -> None:
    description = schema["paths"]["/api/v1/users/portfolios/{id}/history/"]["get"]["description"]
    assert "TWR = ((1 + r_1)" in description
    assert "Simple return" in description


def test_the_valuation_response_is_documented_field_by_field(schema: dict[str, Any]) -> None:
    ok = schema["paths"]["/api/v1/users/portfolios/{id}/valuation/"]["get"]["responses"]["200"]
    ref = ok["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = schema["components"]["schemas"][ref]["properties"]
    assert {"holdings", "total", "fx", "unpriced", "synthetic"} <= set(fields)
    figures = schema["components"]["schemas"]["Figures"]["properties"]
    assert {"realised_pnl_pct", "day_change_pct", "unrealised_pnl_pct"} <= set(figures)
