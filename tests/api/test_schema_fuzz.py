"""Schemathesis over the market API in-process: no server errors, every answer as the schema says."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

# The endpoints of this app: the stock routes except the indicator one (its own tests) and the
# symbol status route under users/.
MARKET_PATHS = (
    r"^/api/v1/stocks/api/(chart|overview|balance-sheet|income-statement|cashflow|search)/"
    r"|^/api/v1/users/portfolio/symbol/"
)
# Random symbols are nearly always unknown (404), so half the cases use demo symbols whose data
# fills every field: a stock, an ETF without statements, a crypto pair, an index.
KNOWN_SYMBOLS = ("AAPL", "aapl", "SPY", "btc-krw", "KS11", "005930")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Bounded so the run stays well under a minute in `make test`.
EXAMPLES = 300


@pytest.fixture
def market_schema(market: None, throttle_rates: dict[str, str]) -> Any:
    throttle_rates.update(anon="100000/min", user="100000/min")
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())
    return schema.include(path_regex=MARKET_PATHS)


def test_the_schema_documents_every_market_endpoint(market_schema: Any) -> None:
    paths = {operation.ok().path for operation in market_schema.get_all_operations()}
    assert paths == {
        "/api/v1/stocks/api/chart/{symbol}/",
        "/api/v1/stocks/api/overview/{symbol}/",
        "/api/v1/stocks/api/balance-sheet/{symbol}/",
        "/api/v1/stocks/api/income-statement/{symbol}/",
        "/api/v1/stocks/api/cashflow/{symbol}/",
        "/api/v1/stocks/api/search/symbols/",
        "/api/v1/stocks/api/search/validate/{symbol}/",
        "/api/v1/stocks/api/search/popular/",
        "/api/v1/users/portfolio/symbol/{symbol}/status/",
    }


def test_fuzzed_requests_never_get_a_server_error_or_an_answer_off_the_schema(
    market_schema: Any,
) -> None:
    operations = [operation.ok() for operation in market_schema.get_all_operations()]
    with_symbol = [op for op in operations if "{symbol}" in op.path]
    strategy = st.one_of(
        market_schema.as_strategy(),
        *(
            op.as_strategy(path_parameters={"symbol": symbol})
            for op in with_symbol
            for symbol in KNOWN_SYMBOLS
        ),
    )

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def call_and_validate(case: Any) -> None:
        case.call_and_validate(checks=CHECKS)

    call_and_validate()


def test_fuzzed_invalid_requests_are_refused_with_4xx_never_a_server_error(
    market_schema: Any,
) -> None:
    strategy = market_schema.as_strategy(generation_mode=GenerationMode.NEGATIVE)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES // 2,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def call_and_validate(case: Any) -> None:
        response = case.call()
        case.validate_response(response, checks=[not_a_server_error, content_type_conformance])
        assert response.status_code < 500

    call_and_validate()
