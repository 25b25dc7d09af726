"""The web UI in a real browser against the real server on demo data: dashboard, symbol search,
stock chart and tabs, registration and login, the language switch, no console errors, and a
screenshot of every page under var/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import UI, new_username

pytestmark = pytest.mark.e2e
PASSWORD = "a-long-and-unusual-passphrase"


def chart_bars(ui: UI) -> int:
    """Bars drawn by the chart, once it has some (the canvas is there and data arrived)."""
    chart = ui.page.locator(".price-chart")
    expect(chart.locator("canvas").first).to_be_visible()
    expect(chart).not_to_have_attribute("data-bars", "0")
    return int(chart.get_attribute("data-bars") or 0)


def register(ui: UI, username: str) -> None:
    ui.go("/register")
    ui.page.get_by_label("Username").fill(username)
    ui.page.get_by_label("Password", exact=True).fill(PASSWORD)
    ui.page.get_by_label("Base currency").select_option("KRW")
    ui.page.get_by_role("button", name="Register").last.click()
    expect(ui.page.locator("summary[aria-label='Account menu']")).to_be_visible()


def test_the_dashboard_shows_the_market_strip_with_values_and_sparklines(ui: UI) -> None:
    ui.go("/")
    strip = ui.page.get_by_test_id("market-strip")
    items = strip.locator(".market-item")
    expect(items).to_have_count(6)
    for name in ("KOSPI", "KOSDAQ", "S&P 500", "Gold futures"):
        expect(strip).to_contain_text(name)
    expect(items.first.locator(".market-last")).to_have_text(re.compile(r"\d"))
    expect(items.first.locator("svg.sparkline polyline")).to_have_count(1)
    expect(ui.page.get_by_text("Synthetic demo data").first).to_be_visible()
    expect(ui.page.get_by_test_id("freshness")).to_contain_text("assets have a bar")
    ui.shot("dashboard")


def test_typing_samsung_in_korean_and_enter_opens_its_chart(ui: UI) -> None:
    ui.go("/")
    search = ui.page.get_by_role("combobox", name="Search symbols")
    search.fill("삼성")
    expect(ui.page.get_by_role("option").first).to_contain_text("005930")
    search.press("Enter")
    expect(ui.page).to_have_url(re.compile(r"/stocks/005930$"))
    expect(ui.page.get_by_role("heading", level=1)).to_contain_text("Samsung Electronics")
    assert chart_bars(ui) > 200
    expect(ui.page.get_by_test_id("chart-summary")).to_contain_text("bars")
    ui.shot("stock")


def test_a_period_switch_changes_the_number_of_bars(ui: UI) -> None:
    ui.go("/stocks/AAPL")
    year = chart_bars(ui)
    ui.page.get_by_role("button", name="1M", exact=True).click()
    expect(ui.page.locator(".price-chart")).not_to_have_attribute("data-bars", str(year))
    month = chart_bars(ui)
    assert 15 <= month <= 25 < year
    ui.page.get_by_role("button", name="Weekly").click()
    expect(ui.page).to_have_url(re.compile(r"type=weekly"))
    ui.page.get_by_label("RSI").check()
    ui.page.get_by_label("MACD").check()
    legend = ui.page.locator(".chart-legend")
    for line in ("SMA 20", "RSI", "MACD"):
        expect(legend).to_contain_text(line, timeout=30_000)
    ui.shot("stock-weekly-panes")
    ui.page.get_by_role("button", name="Dark theme").click()
    expect(ui.page.locator("html")).to_have_attribute("data-theme", "dark")
    ui.shot("stock-dark")


def test_the_keyboard_reaches_the_search_with_a_visible_focus(ui: UI) -> None:
    ui.go("/")
    search = ui.page.get_by_role("combobox", name="Search symbols")
    # Tab only once the app has rendered: a Tab pressed before lands nowhere and the order shifts.
    expect(search).to_be_visible()
    ui.page.keyboard.press("Tab")
    expect(ui.page.get_by_role("link", name="Skip to content")).to_be_focused()
    ui.page.keyboard.press("Tab")
    ui.page.keyboard.press("Tab")
    expect(search).to_be_focused()
    outline = search.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    search.type("AAPL")
    expect(ui.page.get_by_role("option").first).to_contain_text("AAPL")
    ui.page.keyboard.press("ArrowDown")
    ui.page.keyboard.press("Enter")
    expect(ui.page).to_have_url(re.compile(r"/stocks/AAPL$"))


def test_the_financials_tab_shows_a_statement_table_and_a_reload_keeps_the_page(ui: UI) -> None:
    ui.go("/stocks/AAPL?tab=financials")
    table = ui.page.locator("table.statement-table")
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name="Total revenue")).to_be_visible()
    assert table.locator("thead th").count() >= 4  # the item column and at least three periods
    ui.shot("stock-financials")
    ui.page.get_by_role("button", name="Quarterly").click()
    expect(table.locator("thead th").nth(1)).to_contain_text("Q")
    ui.page.reload()
    expect(ui.page.get_by_role("tab", name="Financials")).to_have_attribute("aria-selected", "true")
    ui.page.get_by_role("tab", name="Signals").click()
    expect(ui.page.get_by_role("img", name=re.compile("Composite"))).to_be_visible()
    ui.shot("stock-signals")
    # In Korean every reason is worded in Korean (the server sends English plus a reason code).
    ui.page.get_by_label("Language").select_option("ko")
    reasons = ui.page.locator(".signals .table-scroll tbody tr td:last-child")
    expect(reasons).to_have_count(7)
    for reason in reasons.all():
        expect(reason).to_contain_text(re.compile("[가-힣]"))
    expect(ui.page.get_by_role("rowheader", name="볼린저 밴드")).to_be_visible()
    ui.shot("stock-signals-ko")
    ui.page.get_by_label("언어").select_option("en")
    ui.page.get_by_role("tab", name="Data").click()
    expect(ui.page.get_by_role("rowheader", name="synthetic")).to_be_visible()
    expect(ui.page.get_by_text("Last ingest:")).to_be_visible()
    ui.shot("stock-data")
    ui.page.get_by_role("tab", name="Prediction").click()
    ui.shot("stock-prediction")


def test_an_unknown_symbol_gets_a_not_found_page_with_the_search(ui: UI) -> None:
    ui.console.allowed.append("404")  # the overview answers 404, which the browser logs
    ui.go("/stocks/ZZZZ9")
    expect(ui.page.get_by_role("heading", level=1)).to_contain_text("No such symbol: ZZZZ9")
    expect(ui.page.get_by_role("combobox", name="Search symbols")).to_have_count(2)
    ui.shot("stock-not-found")


def test_register_log_out_and_log_in_again_back_to_the_page_asked_for(ui: UI) -> None:
    username = new_username()
    register(ui, username)
    expect(ui.page.get_by_test_id("portfolio-summary")).to_be_visible()
    ui.shot("dashboard-signed-in")
    ui.go("/me")
    expect(ui.page.get_by_role("heading", name="My page")).to_be_visible()
    expect(ui.page.get_by_label("Base currency")).to_have_value("KRW")
    ui.shot("me")
    # A reload keeps the sign-in: the access token comes back from the HttpOnly cookie.
    ui.page.reload()
    expect(ui.page.get_by_text(username)).to_be_visible()
    ui.page.locator("summary[aria-label='Account menu']").click()
    ui.page.get_by_role("button", name="Log out").click()
    expect(ui.page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()
    ui.go("/me")
    expect(ui.page).to_have_url(re.compile(r"/login\?next=%2Fme"))
    ui.shot("login")
    ui.page.get_by_label("Username").fill(username)
    ui.page.get_by_label("Password").fill(PASSWORD)
    ui.page.get_by_role("button", name="Log in").last.click()
    expect(ui.page).to_have_url(re.compile(r"/me$"))
    expect(ui.page.get_by_role("heading", name="My page")).to_be_visible()


def test_a_wrong_password_is_said_beside_the_form(ui: UI) -> None:
    ui.console.allowed.append("401")
    ui.go("/login")
    ui.page.get_by_label("Username").fill("nobody-here")
    ui.page.get_by_label("Password").fill("wrong-password-123")
    ui.page.get_by_role("button", name="Log in").last.click()
    expect(ui.page.get_by_role("alert")).to_contain_text("Could not log in: No active account")


def test_the_language_switch_turns_the_labels_korean(ui: UI) -> None:
    ui.go("/stocks/005930")
    ui.page.get_by_label("Language").select_option("ko")
    expect(ui.page.locator("html")).to_have_attribute("lang", "ko")
    expect(ui.page.get_by_role("link", name="대시보드")).to_be_visible()
    expect(ui.page.get_by_role("tab", name="재무제표")).to_be_visible()
    expect(ui.page.get_by_text("합성 데모 데이터").first).to_be_visible()
    ui.shot("stock-korean")
    ui.go("/")
    expect(ui.page.get_by_role("heading", name=re.compile("시장"))).to_be_visible()
    ui.shot("dashboard-korean")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/portfolios", "portfolios"),
        ("/portfolios/1", "portfolio"),
        ("/screener", "screener"),
        ("/watchlists", "watchlists"),
        ("/alerts", "alerts"),
        ("/notifications", "notifications"),
        ("/health", "health"),
        ("/no/such/page", "not-found"),
    ],
)
def test_every_other_route_loads_on_a_deep_link(ui: UI, path: str, name: str) -> None:
    ui.go(path)
    expect(ui.page.get_by_role("heading", level=1)).to_be_visible()
    expect(ui.page.get_by_role("combobox", name="Search symbols")).to_be_visible()
    ui.shot(f"route-{name}")
