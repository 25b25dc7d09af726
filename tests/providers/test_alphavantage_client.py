"""The Alpha Vantage client at its HTTP edge: recorded bodies, faults and retries through respx."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
import respx

from stockvis.providers.alphavantage import DEFAULT_BASE_URL, AlphaVantageClient
from stockvis.providers.alphavantage.client import parse_retry_after
from stockvis.providers.base import (
    AssetRef,
    Category,
    DataKind,
    MarketDataProvider,
    PeriodType,
    ProviderError,
    StatementKind,
)
from stockvis.providers.ratelimit import LocalFileStore, ProviderLimits, RateLimiter
from stockvis.providers.retry import RetryPolicy
from tests.shared_data import fixture_path, shared_data_path

API_KEY = "SECRET-KEY-123"
IBM = AssetRef("IBM", "XNYS", Category.STOCK, "USD")
MSFT = AssetRef("MSFT", "XNYS", Category.STOCK, "USD")


class Sleeps:
    """A sleep that only records how long it was asked to sleep."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sleeps):
    policy = RetryPolicy(max_retries=3, base_delay=1.0, sleep=sleeps, random=lambda: 0.5)
    http = httpx.Client()
    yield AlphaVantageClient(API_KEY, timeout=5.0, http_client=http, retry_policy=policy)
    http.close()


def body(*parts: str) -> bytes:
    return shared_data_path(*parts).read_bytes()


def fixture_body(name: str) -> bytes:
    return fixture_path("alphavantage", name).read_bytes()


def json_response(content: bytes, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, content=content, headers={"content-type": "application/json", **headers}
    )


def test_the_client_implements_the_provider_protocol(client):
    assert isinstance(client, MarketDataProvider)
    assert client.name == "alphavantage"
    assert not client.synthetic


@respx.mock
def test_daily_prices_send_function_symbol_outputsize_and_key(client):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(
            body("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
        )
    )

    frame = client.daily_prices(MSFT, dt.date(2018, 8, 1), dt.date(2018, 8, 31))

    params = route.calls.last.request.url.params
    assert params["function"] == "TIME_SERIES_DAILY"
    assert params["symbol"] == "MSFT"
    assert params["outputsize"] == "compact"
    assert params["apikey"] == API_KEY
    assert frame["date"].min().date() == dt.date(2018, 8, 1)
    assert frame["date"].max().date() == dt.date(2018, 8, 16)


@respx.mock
def test_full_outputsize_is_a_setting(sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(body("alphavantage_ruby", "time_series", "daily.json"))
    )
    client = AlphaVantageClient(API_KEY, outputsize="full", retry_policy=RetryPolicy(sleep=sleeps))

    client.daily_prices(IBM, dt.date(2000, 1, 1), dt.date(2030, 1, 1))

    assert route.calls.last.request.url.params["outputsize"] == "full"


@respx.mock
def test_weekly_prices_come_from_the_weekly_function(client):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(body("alphavantage_ruby", "time_series", "weekly.json"))
    )

    frame = client.weekly_prices(IBM, dt.date(2021, 1, 1), dt.date(2021, 12, 31))

    assert route.calls.last.request.url.params["function"] == "TIME_SERIES_WEEKLY"
    assert frame["date"].max().date() == dt.date(2021, 4, 23)
    assert len(frame) == 16


@respx.mock
def test_quote_overview_statements_and_search_parse_recorded_bodies(client):
    bodies = {
        "GLOBAL_QUOTE": body("alphavantage-java", "timeseries", "data", "globalquote.json"),
        "OVERVIEW": body("portfoliotree-alphavantage", "fundamental", "OVERVIEW_b1e86153.json"),
        "BALANCE_SHEET": body(
            "portfoliotree-alphavantage", "fundamental", "BALANCE_SHEET_54fef0fd.json"
        ),
        "INCOME_STATEMENT": body(
            "portfoliotree-alphavantage", "fundamental", "INCOME_STATEMENT_947bd231.json"
        ),
        "CASH_FLOW": body("portfoliotree-alphavantage", "fundamental", "CASH_FLOW_d685b915.json"),
        "SYMBOL_SEARCH": body("alpha_vantage", "symbol_search"),
    }
    respx.get(DEFAULT_BASE_URL).mock(
        side_effect=lambda request: json_response(bodies[request.url.params["function"]])
    )

    assert client.quote(IBM).price == pytest.approx(121.74)
    assert client.company_overview(IBM).fields["cik"] == "51143"
    for kind in StatementKind:
        reports = client.statements(IBM, kind)
        assert sum(r.period_type == PeriodType.ANNUAL for r in reports) == 20
    assert client.search("BA")[0].symbol == "BA"


@respx.mock
def test_describe_asset_uses_the_overview(client):
    respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(
            body("portfoliotree-alphavantage", "fundamental", "OVERVIEW_b1e86153.json")
        )
    )

    info = client.describe_asset("IBM")

    assert (info.symbol, info.category, info.exchange, info.currency) == (
        "IBM",
        Category.STOCK,
        "XNYS",
        "USD",
    )


@respx.mock
def test_describe_asset_falls_back_to_search_when_the_overview_is_empty(client):
    search = body("alpha_vantage", "symbol_search")
    respx.get(DEFAULT_BASE_URL).mock(
        side_effect=lambda request: json_response(
            b"{}" if request.url.params["function"] == "OVERVIEW" else search
        )
    )

    info = client.describe_asset("BA")

    assert (info.name, info.exchange) == ("The Boeing Company", "XNYS")


@respx.mock
def test_describe_asset_of_an_unknown_symbol_is_permanent(client):
    respx.get(DEFAULT_BASE_URL).mock(
        side_effect=lambda request: json_response(
            b"{}" if request.url.params["function"] == "OVERVIEW" else b'{"bestMatches": []}'
        )
    )

    with pytest.raises(ProviderError, match="unknown symbol QQQQQ") as caught:
        client.describe_asset("QQQQQ")

    assert caught.value.permanent


def test_supports_us_stocks_and_etfs_but_not_korean_or_crypto_assets(client):
    samsung = AssetRef("005930", "XKRX", Category.STOCK, "KRW")
    spy = AssetRef("SPY", "XNYS", Category.ETF, "USD")
    bitcoin = AssetRef("BTC-KRW", "24/7", Category.CRYPTO, "KRW")

    assert client.supports(IBM, DataKind.STATEMENTS)
    assert client.supports(spy, DataKind.DAILY)
    assert not client.supports(spy, DataKind.STATEMENTS)
    assert not client.supports(samsung, DataKind.DAILY)
    assert not client.supports(bitcoin, DataKind.DAILY)


# -- faults -------------------------------------------------------------------------------------


@respx.mock
def test_a_timeout_is_transient_retried_and_finally_raised(client, sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(side_effect=httpx.ReadTimeout("slow"))

    with pytest.raises(ProviderError, match="timed out after 5 s") as caught:
        client.quote(IBM)

    assert not caught.value.permanent
    assert route.call_count == 4  # one call and three retries
    assert sleeps.calls == [1.15, 2.3, 4.6]
    assert API_KEY not in str(caught.value)


@respx.mock
def test_every_request_carries_the_timeout(client):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(body("alpha_vantage", "global_quote"))
    )

    client.quote(IBM)

    assert route.calls.last.request.extensions["timeout"]["read"] == 5.0


@respx.mock
def test_a_connection_error_is_transient(client):
    respx.get(DEFAULT_BASE_URL).mock(side_effect=httpx.ConnectError("refused"))

    with pytest.raises(ProviderError) as caught:
        client.quote(IBM)

    assert not caught.value.permanent
    assert str(caught.value) == (
        "offline or provider unreachable: alphavantage (GLOBAL_QUOTE: ConnectError)"
    )


@respx.mock
def test_a_500_then_a_200_is_retried_and_succeeds(client, sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        side_effect=[
            httpx.Response(500, text="Internal Server Error"),
            json_response(body("alpha_vantage", "global_quote")),
        ]
    )

    quote = client.quote(IBM)

    assert quote.symbol == "MSFT"
    assert route.call_count == 2
    assert sleeps.calls == [1.15]


@respx.mock
def test_a_429_honours_retry_after_when_it_is_longer_than_the_backoff(client, sleeps):
    respx.get(DEFAULT_BASE_URL).mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "17"}),
            json_response(body("alpha_vantage", "global_quote")),
        ]
    )

    client.quote(IBM)

    assert sleeps.calls == [17.0]


@respx.mock
def test_the_per_minute_note_is_retried_with_backoff(client, sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        side_effect=[
            json_response(body("ThreeFourteen.AlphaVantage", "ApiLimit.json")),
            json_response(body("ThreeFourteen.AlphaVantage", "ApiLimit.json")),
            json_response(body("alpha_vantage", "global_quote")),
        ]
    )

    client.quote(IBM)

    assert route.call_count == 3
    assert sleeps.calls == [1.15, 2.3]


@respx.mock
def test_the_daily_quota_is_not_retried_and_is_shared_with_other_processes(tmp_path, sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(fixture_body("daily_quota.json"))
    )
    now = [1_700_000_000.0]
    limiter = RateLimiter(
        LocalFileStore(tmp_path),
        {"alphavantage": ProviderLimits(per_minute=None, per_day=25)},
        now=lambda: now[0],
        sleep=sleeps,
    )
    client = AlphaVantageClient(
        API_KEY, rate_limiter=limiter, retry_policy=RetryPolicy(sleep=sleeps)
    )

    with pytest.raises(ProviderError) as caught:
        client.quote(IBM)
    assert caught.value.quota_exhausted
    assert route.call_count == 1
    assert sleeps.calls == []

    # Another process with the same state directory does not even call.
    other = AlphaVantageClient(
        API_KEY,
        rate_limiter=RateLimiter(
            LocalFileStore(tmp_path),
            {"alphavantage": ProviderLimits(per_day=25)},
            now=lambda: now[0],
        ),
    )
    with pytest.raises(ProviderError) as again:
        other.quote(IBM)
    assert again.value.quota_exhausted
    assert route.call_count == 1


@respx.mock
def test_the_premium_gate_is_permanent_and_not_retried(client, sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(fixture_body("premium_gate.json"))
    )

    with pytest.raises(ProviderError, match="premium") as caught:
        client.daily_prices(IBM, dt.date(2020, 1, 1), dt.date(2020, 12, 31))

    assert caught.value.permanent
    assert route.call_count == 1
    assert sleeps.calls == []


@pytest.mark.parametrize(
    "parts",
    [
        ("ThreeFourteen.AlphaVantage", "Error.json"),
        ("portfoliotree-alphavantage", "errors", "BOP_088a5081.json"),
    ],
)
@respx.mock
def test_recorded_error_messages_are_permanent_and_not_retried(client, sleeps, parts):
    route = respx.get(DEFAULT_BASE_URL).mock(return_value=json_response(body(*parts)))

    with pytest.raises(ProviderError, match="Invalid API call") as caught:
        client.quote(IBM)

    assert caught.value.permanent
    assert route.call_count == 1


@respx.mock
def test_a_missing_key_is_permanent(client):
    respx.get(DEFAULT_BASE_URL).mock(return_value=json_response(fixture_body("missing_key.json")))

    with pytest.raises(ProviderError, match="API key") as caught:
        client.quote(IBM)

    assert caught.value.permanent


@respx.mock
def test_truncated_json_is_transient_and_retried(client):
    full = body("alpha_vantage", "global_quote")
    route = respx.get(DEFAULT_BASE_URL).mock(
        side_effect=[json_response(full[: len(full) // 2]), json_response(full)]
    )

    assert client.quote(IBM).price == pytest.approx(112.13)
    assert route.call_count == 2


@respx.mock
def test_an_html_page_with_status_200_is_a_clear_transient_error(client):
    respx.get(DEFAULT_BASE_URL).mock(
        return_value=httpx.Response(
            200,
            text="<html><body><h1>Down for maintenance</h1></body></html>",
            headers={"content-type": "text/html"},
        )
    )

    with pytest.raises(
        ProviderError, match="GLOBAL_QUOTE: expected JSON but got an HTML page"
    ) as c:
        client.quote(IBM)

    assert not c.value.permanent


@respx.mock
def test_an_empty_time_series_is_a_permanent_no_data_error(client):
    respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(
            b'{"Meta Data": {"2. Symbol": "NOPE"}, "Time Series (Daily)": {}}'
        )
    )

    with pytest.raises(ProviderError, match="no data for NOPE") as caught:
        client.daily_prices(
            AssetRef("NOPE", "XNYS", Category.STOCK, "USD"),
            dt.date(2020, 1, 1),
            dt.date(2020, 2, 1),
        )

    assert caught.value.permanent


@respx.mock
def test_a_404_is_permanent(client):
    respx.get(DEFAULT_BASE_URL).mock(return_value=httpx.Response(404))

    with pytest.raises(ProviderError) as caught:
        client.quote(IBM)

    assert caught.value.permanent


def test_retry_after_reads_seconds_and_http_dates():
    now = dt.datetime(2026, 5, 15, 12, 0, tzinfo=dt.UTC)

    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Fri, 15 May 2026 12:00:45 GMT", now=now) == 45.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


@respx.mock
def test_a_recent_window_costs_one_compact_call_even_with_a_premium_setting(sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(
            body("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
        )
    )
    client = AlphaVantageClient(
        API_KEY,
        outputsize="full",
        retry_policy=RetryPolicy(sleep=sleeps),
        today=lambda: dt.date(2018, 8, 20),
    )

    client.daily_prices(MSFT, dt.date(2018, 6, 1), dt.date(2018, 8, 20))

    assert route.calls.last.request.url.params["outputsize"] == "compact"


@respx.mock
def test_several_windows_of_one_symbol_spend_one_call(sleeps):
    # A backfill asks chunk by chunk; the one answer holds them all.
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(
            body("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
        )
    )
    client = AlphaVantageClient(
        API_KEY, retry_policy=RetryPolicy(sleep=sleeps), today=lambda: dt.date(2018, 8, 20)
    )

    first = client.daily_prices(MSFT, dt.date(2018, 4, 1), dt.date(2018, 5, 31))
    second = client.daily_prices(MSFT, dt.date(2018, 6, 1), dt.date(2018, 8, 17))

    whole = client.daily_prices(MSFT, dt.date(2018, 4, 1), dt.date(2018, 8, 17))

    assert route.call_count == 1
    assert first["date"].max() < second["date"].min()
    assert len(first) + len(second) == len(whole) == 97


@respx.mock
def test_an_old_window_without_a_premium_setting_stays_compact(sleeps):
    route = respx.get(DEFAULT_BASE_URL).mock(
        return_value=json_response(
            body("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
        )
    )
    client = AlphaVantageClient(
        API_KEY, retry_policy=RetryPolicy(sleep=sleeps), today=lambda: dt.date(2018, 8, 20)
    )

    assert client.daily_prices(MSFT, dt.date(2010, 1, 1), dt.date(2010, 12, 31)).empty
    assert route.calls.last.request.url.params["outputsize"] == "compact"
