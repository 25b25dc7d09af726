"""Alpha Vantage processors against the recorded responses in the shared data folder."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pandas as pd
import pytest

from stockvis.providers.alphavantage import processors
from stockvis.providers.base import (
    PRICE_COLUMNS,
    Category,
    PeriodType,
    ProviderError,
    StatementKind,
)
from stockvis.providers.fields import OVERVIEW_FIELDS, STATEMENT_FIELDS
from tests.shared_data import fixture_path, shared_data_path


def load(*parts: str) -> dict:
    return processors.decode_json(shared_data_path(*parts).read_bytes())


def load_fixture(name: str) -> dict:
    return processors.decode_json(fixture_path("alphavantage", name).read_bytes())


# -- prices -------------------------------------------------------------------------------------


def test_the_daily_series_with_a_bom_becomes_a_frame_oldest_first():
    payload = load("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
    frame = processors.parse_time_series(payload)

    assert list(frame.columns) == list(PRICE_COLUMNS)
    assert len(frame) == 100
    assert frame["date"].is_monotonic_increasing
    last = frame.iloc[-1]
    assert last["date"] == pd.Timestamp("2018-08-16")
    assert (last["open"], last["high"], last["low"], last["close"]) == (
        108.30,
        108.86,
        107.30,
        107.64,
    )
    assert last["volume"] == 20687122
    assert frame[["open", "high", "low", "close", "volume"]].notna().all().all()


@pytest.mark.parametrize(
    ("parts", "rows", "first_date"),
    [
        (("alphavantage-java", "timeseries", "data", "daily.json"), None, None),
        (("alphavantage_ruby", "time_series", "daily.json"), 2, "2021-04-22"),
    ],
)
def test_trimmed_daily_series_parse_too(parts, rows, first_date):
    frame = processors.parse_time_series(load(*parts))

    assert len(frame) >= 2
    assert frame["date"].is_monotonic_increasing
    if rows is not None:
        assert len(frame) == rows
        assert frame.iloc[0]["date"] == pd.Timestamp(first_date)


@pytest.mark.parametrize(
    ("parts", "weeks", "last_date"),
    [
        (("alphavantage_ruby", "time_series", "weekly.json"), 564, "2021-04-23"),
        (("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesWeekly.json"), 1232, "2018-08-13"),
    ],
)
def test_weekly_series_keep_every_week(parts, weeks, last_date):
    frame = processors.parse_time_series(load(*parts))

    assert len(frame) == weeks
    assert frame["date"].is_unique
    assert frame.iloc[-1]["date"] == pd.Timestamp(last_date)


def test_an_empty_time_series_is_a_permanent_no_data_error():
    payload = {"Meta Data": {"2. Symbol": "NOPE"}, "Time Series (Daily)": {}}

    with pytest.raises(ProviderError, match="no data for NOPE") as caught:
        processors.parse_time_series(payload)

    assert caught.value.permanent


def test_a_body_without_any_series_names_the_requested_symbol():
    with pytest.raises(ProviderError, match="no data for ZZZZ"):
        processors.parse_time_series({}, "ZZZZ")


def test_filter_dates_keeps_the_inclusive_range():
    frame = processors.parse_time_series(
        load("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")
    )

    window = processors.filter_dates(frame, dt.date(2018, 8, 14), dt.date(2018, 8, 16))

    assert [d.date() for d in window["date"]] == [
        dt.date(2018, 8, 14),
        dt.date(2018, 8, 15),
        dt.date(2018, 8, 16),
    ]


# -- quotes and search --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "symbol", "price", "percent", "day"),
    [
        (("alpha_vantage", "global_quote"), "MSFT", 112.13, -0.5852, dt.date(2018, 10, 5)),
        (
            ("alphavantage-java", "timeseries", "data", "globalquote.json"),
            "IBM",
            121.74,
            0.4207,
            dt.date(2020, 5, 8),
        ),
        (
            ("alphavantage_ruby", "time_series", "quote.json"),
            "TSLA",
            729.40,
            1.3492,
            dt.date(2021, 4, 23),
        ),
    ],
)
def test_global_quotes_become_quote_objects(parts, symbol, price, percent, day):
    quote = processors.parse_global_quote(load(*parts))

    assert quote.symbol == symbol
    assert quote.price == pytest.approx(price)
    assert quote.change_percent == pytest.approx(percent)
    assert quote.latest_trading_day == day
    assert quote.previous_close is not None
    assert quote.volume is not None
    assert quote.volume > 0


def test_an_empty_global_quote_is_a_permanent_error():
    with pytest.raises(ProviderError, match="no data for NOPE") as caught:
        processors.parse_global_quote({"Global Quote": {}}, "NOPE")

    assert caught.value.permanent


@pytest.mark.parametrize(
    ("parts", "first_symbol", "first_region"),
    [
        (("alpha_vantage", "symbol_search"), "BA", "United States"),
        (("alphavantage_ruby", "time_series", "search.json"), "TL0.DEX", "XETRA"),
        (("alphavantage-java", "search", "data", "data.json"), "TSCO.LON", "United Kingdom"),
    ],
)
def test_symbol_search_lists_every_best_match(parts, first_symbol, first_region):
    payload = load(*parts)
    matches = processors.parse_symbol_search(payload)

    assert len(matches) == len(payload["bestMatches"])
    assert matches[0].symbol == first_symbol
    assert matches[0].region == first_region
    assert all(m.match_score is not None and 0 <= m.match_score <= 1 for m in matches)


def test_a_search_without_matches_is_an_empty_list():
    assert processors.parse_symbol_search({"bestMatches": []}) == []


# -- overview -----------------------------------------------------------------------------------


def test_the_2026_overview_fills_typed_snake_case_fields():
    overview = processors.parse_overview(
        load("portfoliotree-alphavantage", "fundamental", "OVERVIEW_b1e86153.json")
    )
    fields = overview.fields

    assert overview.symbol == "IBM"
    assert set(fields) == {column for _, column, _ in OVERVIEW_FIELDS}
    assert fields["name"] == "International Business Machines"
    assert fields["market_capitalization"] == 206116848000
    assert fields["pe_ratio"] == Decimal("19.42")
    assert fields["week_52_high"] == Decimal("320.7")
    assert fields["latest_quarter"] == dt.date(2026, 3, 31)
    assert fields["analyst_rating_buy"] == 10
    assert fields["ex_dividend_date"] == dt.date(2026, 5, 8)
    # This response has no FullTimeEmployees: missing, not zero.
    assert fields["full_time_employees"] is None


def test_none_strings_in_an_overview_become_none_and_never_zero():
    overview = processors.parse_overview(
        load("alphavantage_ruby", "fundamental", "company_overview.json")
    )
    fields = overview.fields

    assert fields["dividend_per_share"] is None
    assert fields["dividend_date"] is None
    assert fields["ex_dividend_date"] is None
    assert fields["dividend_yield"] == Decimal("0")  # a real zero stays zero
    assert fields["full_time_employees"] == 70757
    assert fields["last_split_factor"] == "5:1"
    assert fields["last_split_date"] == dt.date(2020, 8, 31)


def test_the_2020_overview_with_older_fields_parses():
    overview = processors.parse_overview(load("alpha_vantage", "mock_company_overview"))

    assert overview.symbol == "IBM"
    assert overview.fields["cik"] is None  # not sent in 2020
    assert overview.fields["full_time_employees"] == 352600


def test_dashes_and_empty_strings_in_an_overview_become_none():
    overview = processors.parse_overview(
        {"Symbol": "X", "PERatio": "-", "EBITDA": "", "Sector": " ", "LatestQuarter": "None"}
    )

    assert overview.fields["pe_ratio"] is None
    assert overview.fields["ebitda"] is None
    assert overview.fields["sector"] is None
    assert overview.fields["latest_quarter"] is None


def test_an_empty_overview_is_an_unknown_symbol():
    with pytest.raises(ProviderError, match="no data for ETFX") as caught:
        processors.parse_overview({}, "ETFX")

    assert caught.value.permanent


# -- statements ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("BALANCE_SHEET_54fef0fd.json", StatementKind.BALANCE_SHEET),
        ("INCOME_STATEMENT_947bd231.json", StatementKind.INCOME_STATEMENT),
        ("CASH_FLOW_d685b915.json", StatementKind.CASH_FLOW),
    ],
)
def test_ibm_statements_give_20_annual_and_81_quarterly_reports(name, kind):
    reports = processors.parse_statements(
        load("portfoliotree-alphavantage", "fundamental", name), kind
    )

    annual = [r for r in reports if r.period_type == PeriodType.ANNUAL]
    quarterly = [r for r in reports if r.period_type == PeriodType.QUARTERLY]
    assert (len(annual), len(quarterly)) == (20, 81)
    assert annual[0].fiscal_date_ending == dt.date(2025, 12, 31)
    assert annual[-1].fiscal_date_ending.year == 2006
    columns = {column for _, column in STATEMENT_FIELDS[kind.value]}
    for report in reports:
        assert report.kind == kind
        assert report.reported_currency == "USD"
        assert set(report.values) == columns
        assert all(v is None or type(v) is int for v in report.values.values())


def test_balance_sheet_values_are_ints_and_none_strings_are_none():
    reports = processors.parse_statements(
        load("portfoliotree-alphavantage", "fundamental", "BALANCE_SHEET_54fef0fd.json"),
        StatementKind.BALANCE_SHEET,
    )
    latest = reports[0].values

    assert latest["total_assets"] == 151880000000
    assert latest["common_stock_shares_outstanding"] == 948700000
    assert latest["accumulated_depreciation_amortization_ppe"] is None
    assert latest["treasury_stock"] is None


def test_the_misspelled_tsla_key_lands_in_the_canonical_column():
    reports = processors.parse_statements(
        load("alphavantage_ruby", "fundamental", "balance_sheet.json"),
        StatementKind.BALANCE_SHEET,
    )

    assert reports[0].values["other_non_current_assets"] == 1536000000
    assert reports[0].values["retained_earnings"] == -5399000000


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("balance_sheet.json", StatementKind.BALANCE_SHEET),
        ("income_statement.json", StatementKind.INCOME_STATEMENT),
        ("cash_flow.json", StatementKind.CASH_FLOW),
    ],
)
def test_tsla_statements_give_5_annual_and_20_quarterly_reports(name, kind):
    reports = processors.parse_statements(load("alphavantage_ruby", "fundamental", name), kind)

    assert sum(r.period_type == PeriodType.ANNUAL for r in reports) == 5
    assert sum(r.period_type == PeriodType.QUARTERLY for r in reports) == 20


def test_the_old_2020_income_statement_schema_keeps_what_still_maps():
    reports = processors.parse_statements(
        load("alpha_vantage", "mock_fundamental_data"), StatementKind.INCOME_STATEMENT
    )
    values = reports[0].values

    assert values["total_revenue"] == 77147000000
    assert values["net_income"] == 9431000000
    # Renamed since 2020 ("sellingGeneralAdministrative"): missing, not guessed.
    assert values["selling_general_and_administrative"] is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("balancesheet.json", StatementKind.BALANCE_SHEET),
        ("incomestatement.json", StatementKind.INCOME_STATEMENT),
        ("cashflow.json", StatementKind.CASH_FLOW),
    ],
)
def test_the_java_library_statement_recordings_parse(name, kind):
    reports = processors.parse_statements(
        load("alphavantage-java", "fundamentaldata", "data", name), kind
    )

    assert reports
    assert all(r.fiscal_date_ending is not None for r in reports)


def test_a_statement_body_without_reports_is_a_permanent_no_data_error():
    with pytest.raises(ProviderError, match="no data for NOPE") as caught:
        processors.parse_statements({}, StatementKind.CASH_FLOW, "NOPE")

    assert caught.value.permanent


# -- error classification -----------------------------------------------------------------------


def test_an_error_message_is_permanent():
    error = processors.classify_payload(load("ThreeFourteen.AlphaVantage", "Error.json"))

    assert error is not None
    assert error.permanent
    assert not error.quota_exhausted
    assert "Invalid API call" in error.message


def test_the_recorded_bop_error_is_permanent():
    error = processors.classify_payload(
        load("portfoliotree-alphavantage", "errors", "BOP_088a5081.json")
    )

    assert error is not None
    assert error.permanent


def test_the_per_minute_note_is_a_transient_throttle_despite_naming_a_daily_figure():
    error = processors.classify_payload(load("ThreeFourteen.AlphaVantage", "ApiLimit.json"))

    assert error is not None
    assert not error.permanent
    assert not error.quota_exhausted
    assert error.message.startswith("throttled")


def test_the_call_volume_information_is_treated_as_a_transient_throttle():
    # "if you would like to have a higher API call volume": throttling wording, no premium gate.
    error = processors.classify_payload(load("ThreeFourteen.AlphaVantage", "PremiumMessage.json"))

    assert error is not None
    assert not error.permanent
    assert not error.quota_exhausted


def test_the_daily_quota_information_stops_calls_until_tomorrow():
    error = processors.classify_payload(load_fixture("daily_quota.json"))

    assert error is not None
    assert error.quota_exhausted
    assert "25 requests per day" in error.message


def test_a_premium_feature_is_permanent():
    error = processors.classify_payload(load_fixture("premium_gate.json"))

    assert error is not None
    assert error.permanent
    assert not error.quota_exhausted


def test_a_missing_api_key_is_permanent():
    error = processors.classify_payload(load_fixture("missing_key.json"))

    assert error is not None
    assert error.permanent
    assert "API key" in error.message


def test_a_body_with_data_is_no_error_even_with_a_note_attached():
    payload = load("ThreeFourteen.AlphaVantage", "Stocks", "TimeSeriesDaily.json")

    assert processors.classify_payload({**payload, "Note": "per minute"}) is None


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><body>Service unavailable</body></html>",
        b'{"Meta Data": {"2. Symbol": "IBM"}, "Time Series (Daily)": {"2020-',
        b"",
        b"[1, 2]",
    ],
    ids=["html", "truncated", "empty", "not-an-object"],
)
def test_bodies_that_are_not_a_json_object_are_transient_errors(body):
    with pytest.raises(ProviderError) as caught:
        processors.decode_json(body)

    assert not caught.value.permanent


def test_the_html_error_says_so_clearly():
    with pytest.raises(ProviderError, match="HTML page"):
        processors.decode_json(b"\n  <html>maintenance</html>")


def test_every_recorded_file_decodes_whether_or_not_it_has_a_bom():
    with_bom = shared_data_path("ThreeFourteen.AlphaVantage", "Error.json").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf")

    assert processors.decode_json(with_bom) == json.loads(with_bom.decode("utf-8-sig"))


# -- asset description --------------------------------------------------------------------------


def test_an_overview_describes_a_nyse_stock_on_the_xnys_calendar():
    overview = processors.parse_overview(
        load("portfoliotree-alphavantage", "fundamental", "OVERVIEW_b1e86153.json")
    )

    info = processors.asset_info_from_overview(overview)

    assert (info.symbol, info.category, info.exchange, info.currency) == (
        "IBM",
        Category.STOCK,
        "XNYS",
        "USD",
    )


def test_a_nasdaq_overview_also_uses_the_xnys_calendar():
    overview = processors.parse_overview(
        load("alphavantage_ruby", "fundamental", "company_overview.json")
    )

    assert processors.asset_info_from_overview(overview).exchange == "XNYS"


def test_a_us_search_match_describes_an_asset_and_a_foreign_one_is_refused():
    matches = processors.parse_symbol_search(load("alpha_vantage", "symbol_search"))

    info = processors.asset_info_from_match(matches[0])
    assert (info.symbol, info.name, info.category) == ("BA", "The Boeing Company", Category.STOCK)

    foreign = processors.parse_symbol_search(
        load("alphavantage_ruby", "time_series", "search.json")
    )
    with pytest.raises(ProviderError, match="XETRA") as caught:
        processors.asset_info_from_match(foreign[0])
    assert caught.value.permanent


@pytest.mark.parametrize(
    ("asset_type", "category"),
    [("Common Stock", Category.STOCK), ("Equity", Category.STOCK), ("ETF", Category.ETF)],
)
def test_asset_types_map_to_categories(asset_type, category):
    assert processors.category_of(asset_type) == category
