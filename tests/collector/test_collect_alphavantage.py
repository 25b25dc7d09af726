"""Collect from Alpha Vantage end to end: the real client behind the registry, respx serving the
recorded payloads at the network edge, and every kind of fault the provider produces."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from stockvis.collector.collect import collect
from stockvis.market.models import (
    Asset,
    BalanceSheet,
    CashFlowStatement,
    CompanyProfile,
    DailyPrice,
    IncomeStatement,
    WeeklyPrice,
)
from stockvis.providers.base import DataKind
from tests.collector.conftest import AlphaVantageServer, Sleeps, us_stock
from tests.shared_data import fixture_path, shared_data_path

pytestmark = pytest.mark.django_db

START, END = dt.date(2018, 3, 1), dt.date(2018, 8, 31)
PRICES = [DataKind.DAILY, DataKind.WEEKLY]


def recorded(*parts: str) -> bytes:
    return shared_data_path(*parts).read_bytes()


DAILY_MSFT = ("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
WEEKLY_MSFT = ("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesWeekly.json")
FUNDAMENTAL = ("portfoliotree-alphavantage", "fundamental")


def serve_msft_prices(server: AlphaVantageServer, symbol: str = "MSFT") -> None:
    server.on("TIME_SERIES_DAILY", symbol, recorded(*DAILY_MSFT))
    server.on("TIME_SERIES_WEEKLY", symbol, recorded(*WEEKLY_MSFT))


def test_daily_and_weekly_bars_from_recorded_payloads_land_in_the_database(
    av_server: AlphaVantageServer,
) -> None:
    us_stock("MSFT")
    serve_msft_prices(av_server)
    report = collect(
        start=START, end=END, symbols=["MSFT"], provider_name="alphavantage", kinds=PRICES
    )
    assert report.job.status == "success", report.job.error_summary
    daily = DailyPrice.objects.filter(asset__symbol="MSFT", source="alphavantage")
    assert daily.count() == 100
    first = daily.order_by("date").first()
    assert first is not None
    assert first.date == dt.date(2018, 3, 27)
    weekly = WeeklyPrice.objects.filter(asset__symbol="MSFT", date__gte=START)
    assert weekly.filter(date=dt.date(2018, 8, 10)).exists()
    assert weekly.count() == 25  # Fridays 2018-03-02 to 2018-08-10, and Monday 2018-08-13


def test_an_unregistered_stock_is_registered_from_its_overview_then_collected_with_nulls(
    av_server: AlphaVantageServer,
) -> None:
    av_server.on("OVERVIEW", "IBM", recorded(*FUNDAMENTAL, "OVERVIEW_b1e86153.json"))
    for function, name in (
        ("BALANCE_SHEET", "BALANCE_SHEET_54fef0fd.json"),
        ("INCOME_STATEMENT", "INCOME_STATEMENT_947bd231.json"),
        ("CASH_FLOW", "CASH_FLOW_d685b915.json"),
    ):
        av_server.on(function, "IBM", recorded(*FUNDAMENTAL, name))
    report = collect(
        start=START,
        end=END,
        symbols=["ibm"],
        provider_name="alphavantage",
        kinds=[DataKind.OVERVIEW, DataKind.STATEMENTS],
    )
    assert report.job.status == "success", report.job.error_summary
    ibm = Asset.objects.get(symbol="IBM")
    assert (ibm.category, ibm.exchange, ibm.market, ibm.currency) == ("stock", "XNYS", "US", "USD")
    assert ibm.preferred_source == "alphavantage"
    profile = CompanyProfile.objects.get(asset=ibm)
    assert profile.sector
    assert profile.market_capitalization
    assert profile.market_capitalization > 0
    assert BalanceSheet.objects.filter(asset=ibm, period_type="annual").count() == 20
    assert BalanceSheet.objects.filter(asset=ibm, period_type="quarterly").count() == 81
    assert IncomeStatement.objects.filter(asset=ibm).exists()
    assert CashFlowStatement.objects.filter(asset=ibm).exists()
    latest = BalanceSheet.objects.filter(asset=ibm, period_type="annual").first()
    assert latest is not None
    # "None" in the payload is a null column, never a zero.
    assert latest.accumulated_depreciation_amortization_ppe is None
    assert latest.total_assets
    assert latest.total_assets > 0


def html_page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=b"<html><body>Maintenance</body></html>")


def truncated(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=recorded(*DAILY_MSFT)[:5000])


def timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def server_error(request: httpx.Request) -> httpx.Response:
    return httpx.Response(500, text="Internal Server Error")


def throttle_note(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=recorded("ThreeFourteen.AlphaVantage", "ApiLimit.json"))


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (timeout, "timed out"),
        (server_error, "HTTP 500"),
        (throttle_note, "throttled"),
        (truncated, "malformed JSON"),
        (html_page, "HTML page"),
    ],
    ids=["timeout", "http-500", "throttle-note", "truncated-json", "html-200"],
)
def test_a_transient_fault_that_persists_fails_only_that_asset_after_the_retries(
    av_server: AlphaVantageServer, sleeps: Sleeps, fault: object, reason: str
) -> None:
    us_stock("MSFT")
    us_stock("AAPL")
    serve_msft_prices(av_server)
    av_server.on("TIME_SERIES_DAILY", "AAPL", fault)  # type: ignore[arg-type]
    report = collect(
        start=START, end=END, symbols=["AAPL", "MSFT"], provider_name="alphavantage", kinds=PRICES
    )
    assert report.job.status == "partial_failure"
    assert av_server.count("TIME_SERIES_DAILY", "AAPL") == 4  # one call and three retries
    assert len(sleeps) == 3
    assert reason in report.job.error_summary["failed"]["AAPL"]
    assert not DailyPrice.objects.filter(asset__symbol="AAPL").exists()
    assert DailyPrice.objects.filter(asset__symbol="MSFT").count() == 100


def test_a_429_with_retry_after_is_waited_out_and_then_succeeds(
    av_server: AlphaVantageServer, sleeps: Sleeps
) -> None:
    us_stock("MSFT")
    av_server.on(
        "TIME_SERIES_DAILY",
        "MSFT",
        httpx.Response(429, headers={"Retry-After": "17"}),
        recorded(*DAILY_MSFT),
    )
    av_server.on("TIME_SERIES_WEEKLY", "MSFT", recorded(*WEEKLY_MSFT))
    report = collect(
        start=START, end=END, symbols=["MSFT"], provider_name="alphavantage", kinds=PRICES
    )
    assert report.job.status == "success"
    assert sleeps == [17.0]
    assert DailyPrice.objects.filter(asset__symbol="MSFT").count() == 100


def test_the_daily_quota_message_fails_the_rest_of_the_job_without_more_calls(
    av_server: AlphaVantageServer, sleeps: Sleeps
) -> None:
    for symbol in ("AAPL", "IBM", "MSFT"):
        us_stock(symbol)
    av_server.on(
        "TIME_SERIES_DAILY",
        "AAPL",
        fixture_path("alphavantage", "daily_quota.json").read_bytes(),
    )
    serve_msft_prices(av_server)
    report = collect(
        start=START,
        end=END,
        symbols=["AAPL", "IBM", "MSFT"],
        provider_name="alphavantage",
        kinds=PRICES,
    )
    assert report.job.status == "failure"
    assert av_server.calls == [("TIME_SERIES_DAILY", "AAPL")]  # no retries, no further calls
    assert sleeps == []
    assert report.job.error_summary["quota_exhausted"] == ["alphavantage"]
    assert "daily quota" in report.job.error_summary["failed"]["AAPL"]
    assert DailyPrice.objects.count() == 0


def test_a_permanent_error_message_is_not_retried(
    av_server: AlphaVantageServer, sleeps: Sleeps
) -> None:
    us_stock("ZZZZ")
    av_server.on("TIME_SERIES_DAILY", "ZZZZ", recorded("ThreeFourteen.AlphaVantage", "Error.json"))
    report = collect(
        start=START, end=END, symbols=["ZZZZ"], provider_name="alphavantage", kinds=PRICES
    )
    assert report.job.status == "failure"
    assert av_server.count("TIME_SERIES_DAILY", "ZZZZ") == 1
    assert sleeps == []
    assert report.results[0].transient is False


def test_without_an_api_key_every_asset_fails_with_that_reason(av_server, settings) -> None:
    settings.ALPHA_VANTAGE_API_KEY = ""
    us_stock("MSFT")
    report = collect(start=START, end=END, symbols=["MSFT"], provider_name="alphavantage")
    assert report.job.status == "failure"
    assert "ALPHA_VANTAGE_API_KEY is not set" in report.job.error_summary["failed"]["MSFT"]
    assert av_server.calls == []
