import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from stockvis.collector.ingest import profile_upsert, statements_upsert
from stockvis.collector.registration import asset_register
from stockvis.market.models import Asset, BalanceSheet, CompanyProfile
from stockvis.providers.alphavantage import processors
from stockvis.providers.base import StatementKind
from stockvis.providers.fields import OVERVIEW_FIELDS, STATEMENT_FIELDS
from stockvis.providers.synthetic import SYNTHETIC_LABEL

pytestmark = pytest.mark.django_db

API = "/api/v1/stocks/api"
FUNDAMENTAL = "portfoliotree-alphavantage/fundamental"
STATEMENT_FILES = {
    "balance-sheet": ("BALANCE_SHEET_54fef0fd.json", StatementKind.BALANCE_SHEET),
    "income-statement": ("INCOME_STATEMENT_947bd231.json", StatementKind.INCOME_STATEMENT),
    "cashflow": ("CASH_FLOW_d685b915.json", StatementKind.CASH_FLOW),
}


def _expected(value: object, kind: str) -> object:
    """What the API must answer for one Alpha Vantage string: the number itself, or null."""
    if value is None or str(value).strip() in {"None", "", "-"}:
        return None
    if kind == "int":
        return int(str(value))
    if kind == "decimal":
        return float(Decimal(str(value)))
    return str(value)


def _load(shared_data: Path, filename: str) -> dict[str, Any]:
    return json.loads((shared_data / FUNDAMENTAL / filename).read_text())


@pytest.fixture
def ibm(shared_data: Path, db: None) -> dict[str, Any]:
    """IBM registered from its real overview and its real statements ingested by the collector."""
    overview = processors.parse_overview(_load(shared_data, "OVERVIEW_b1e86153.json"), "IBM")
    asset = asset_register(
        info=processors.asset_info_from_overview(overview), market="US", source="alphavantage"
    )
    payloads = {}
    for path, (filename, kind) in STATEMENT_FILES.items():
        payloads[path] = _load(shared_data, filename)
        statements_upsert(
            asset=asset,
            reports=processors.parse_statements(payloads[path], kind, "IBM"),
            source="alphavantage",
        )
    return payloads


def test_the_real_ibm_overview_reads_back_with_every_number_equal_to_the_file(
    ibm: dict[str, Any], shared_data: Path, client: Client
) -> None:
    payload = _load(shared_data, "OVERVIEW_b1e86153.json")
    profile_upsert(
        asset=Asset.objects.by_symbol("IBM"),
        overview=processors.parse_overview(payload, "IBM"),
        source="alphavantage",
    )
    body = client.get(f"{API}/overview/ibm/").json()
    assert body["symbol"] == "IBM"
    assert body["synthetic"] is False
    assert body["notice"] is None
    profile = body["profile"]
    for key, column, kind in OVERVIEW_FIELDS:
        assert profile[column] == _expected(payload.get(key), kind), column
    assert profile["market_capitalization"] == 206116848000
    assert profile["pe_ratio"] == 19.42
    assert profile["week_52_high"] == 320.7
    assert profile["latest_quarter"] == "2026-03-31"
    assert profile["forward_annual_dividend_rate"] is None  # not in the 2026 payload
    assert body["quote"] is None  # no bars stored yet


@pytest.mark.parametrize("path", list(STATEMENT_FILES))
@pytest.mark.parametrize("period", ["annual", "quarterly"])
def test_the_real_ibm_statements_read_back_newest_first_with_every_line_item_equal_to_the_file(
    ibm: dict[str, Any], client: Client, path: str, period: str
) -> None:
    body = client.get(f"{API}/{path}/IBM/", {"period": period, "limit": 40}).json()
    reports = ibm[path][f"{period}Reports"][:40]
    field_map = STATEMENT_FIELDS[STATEMENT_FILES[path][1].value]
    assert body["count"] == len(body["reports"]) == len(reports)
    assert [r["fiscal_date_ending"] for r in body["reports"]] == [
        r["fiscalDateEnding"] for r in reports
    ]
    for served, filed in zip(body["reports"], reports, strict=True):
        assert served["reported_currency"] == filed["reportedCurrency"]
        assert served["source"] == "alphavantage"
        for key, column in field_map:
            expected = _expected(filed.get(key), "int")
            assert served[column] == expected, (filed["fiscalDateEnding"], column)
            assert expected is None or type(served[column]) is int


def test_statements_default_to_the_five_newest_annual_reports(
    ibm: dict[str, Any], client: Client
) -> None:
    body = client.get(f"{API}/balance-sheet/ibm/").json()
    assert (body["statement"], body["period"], body["count"]) == ("balance_sheet", "annual", 5)
    assert body["reports"][0]["fiscal_date_ending"] == "2025-12-31"
    assert body["reports"][0]["fiscal_quarter"] is None
    assert body["reports"][0]["total_assets"] == 151880000000
    assert body["reports"][0]["accumulated_depreciation_amortization_ppe"] is None


def test_quarterly_reports_carry_their_fiscal_quarter(ibm: dict[str, Any], client: Client) -> None:
    body = client.get(f"{API}/income-statement/ibm/", {"period": "quarterly", "limit": 4}).json()
    assert body["count"] == 4
    first = body["reports"][0]
    assert first["fiscal_quarter"] == (int(first["fiscal_date_ending"][5:7]) - 1) // 3 + 1


@pytest.mark.parametrize(
    ("params", "field", "allowed"),
    [
        ({"period": "monthly"}, "period", "annual, quarterly"),
        ({"limit": "0"}, "limit", "1"),
        ({"limit": "41"}, "limit", "40"),
        ({"limit": "many"}, "limit", "integer"),
    ],
)
def test_bad_statement_parameters_are_a_400_naming_the_allowed_values(
    ibm: dict[str, Any], client: Client, params: dict[str, str], field: str, allowed: str
) -> None:
    response = client.get(f"{API}/cashflow/ibm/", params)
    assert response.status_code == 400
    assert allowed in response.json()["fields"][field][0]


@pytest.mark.parametrize("path", ["overview", *STATEMENT_FILES])
def test_company_endpoints_answer_404_for_an_unknown_symbol(
    db: None, client: Client, path: str
) -> None:
    response = client.get(f"{API}/{path}/NOPE/")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "unknown symbol NOPE"}


def test_the_overview_has_the_latest_price_and_change_from_stored_bars(
    market: None, client: Client
) -> None:
    body = client.get(f"{API}/overview/aapl/").json()
    asset = Asset.objects.by_symbol("AAPL")
    last, previous = asset.daily_prices.order_by("-date")[:2]
    quote = body["quote"]
    assert quote["date"] == last.date.isoformat()
    assert quote["close"] == last.close
    assert quote["previous_close"] == previous.close
    # Rounded by the one rule: prices to 4 decimals, percentages to 2.
    assert quote["change"] == round(last.close - previous.close, 4)
    assert quote["change_percent"] == round((last.close / previous.close - 1) * 100, 2)
    assert (body["synthetic"], body["notice"]) == (True, SYNTHETIC_LABEL)
    assert body["profile"]["name"] == "Apple Inc."


def test_an_asset_without_a_profile_answers_its_price_and_a_null_profile(
    market: None, client: Client
) -> None:
    response = client.get(f"{API}/overview/BTC-KRW/")
    assert response.status_code == 200
    body = response.json()
    assert body["category"] == "crypto"
    assert body["profile"] is None
    assert body["quote"]["date"] == "2026-11-20"


def test_an_etf_has_no_statements_and_answers_an_empty_list(market: None, client: Client) -> None:
    body = client.get(f"{API}/balance-sheet/spy/").json()
    assert (body["count"], body["reports"], body["synthetic"]) == (0, [], False)


def test_demo_statements_are_marked_synthetic(market: None, client: Client) -> None:
    body = client.get(f"{API}/income-statement/msft/", {"period": "quarterly", "limit": 2}).json()
    assert body["count"] == 2
    assert (body["synthetic"], body["notice"]) == (True, SYNTHETIC_LABEL)


def test_a_profile_change_is_served_after_the_symbol_cache_version_moves(
    market: None, client: Client
) -> None:
    from stockvis.market.cache import bump_symbol_version

    client.get(f"{API}/overview/aapl/")
    CompanyProfile.objects.filter(asset__symbol="AAPL").update(sector="RENAMED")
    bump_symbol_version("AAPL")
    assert client.get(f"{API}/overview/aapl/").json()["profile"]["sector"] == "RENAMED"
    assert BalanceSheet.objects.filter(asset__symbol="AAPL").exists()
