"""The portfolio, screener, watchlist, alert, notification and prediction pages in a real browser
against the real server on demo data: holdings valued, a ledger oversell refused, a screener link
that keeps its filters, live quotes moving the stock price and the portfolio value, an alert's
notification arriving without a reload, and screenshots in English and Korean."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import UI, new_username, stockvis
from tests.e2e.test_web_ui import register

pytestmark = pytest.mark.e2e

# Crypto trades around the clock, so the live feed moves it whenever the test runs.
LIVE_SYMBOL = "BTC-KRW"
DIGITS = re.compile(r"\d")


def shot_both_languages(ui: UI, name: str) -> None:
    """Screenshots at desktop and phone width in English, then in Korean (and back)."""
    ui.shot(name)
    ui.page.get_by_label("Language").select_option("ko")
    expect(ui.page.locator("html")).to_have_attribute("lang", "ko")
    ui.shot(f"{name}-ko")
    ui.page.get_by_label("언어").select_option("en")
    expect(ui.page.locator("html")).to_have_attribute("lang", "en")


def create_portfolio(ui: UI, name: str, mode: str = "holdings") -> str:
    """Creates a portfolio from /portfolios and returns its page's path."""
    ui.go("/portfolios")
    ui.page.get_by_label("Name").fill(name)
    ui.page.get_by_label("Mode").select_option(mode)
    ui.page.get_by_role("button", name="Create", exact=True).click()
    expect(ui.page).to_have_url(re.compile(r"/portfolios/\d+$"))
    expect(ui.page.get_by_role("heading", level=1)).to_have_text(name)
    return re.sub(r"^https?://[^/]+", "", ui.page.url)


def add_holding(ui: UI, symbol: str, quantity: str, price: str) -> None:
    form = ui.page.locator("form[aria-labelledby='add-holding-title']")
    picker = form.get_by_role("combobox", name="Symbol")
    picker.fill(symbol)
    form.get_by_label("Quantity").fill(quantity)
    form.get_by_label("Average price").fill(price)
    form.get_by_role("button", name="Add").click()
    expect(ui.page.locator(f"tr[data-symbol='{symbol}']")).to_be_visible()


def test_adding_a_holding_shows_its_value_and_pnl(ui: UI) -> None:
    register(ui, new_username())
    create_portfolio(ui, "Long term")
    add_holding(ui, "AAPL", "10", "100")
    row = ui.page.locator("tr[data-symbol='AAPL']")
    expect(row.get_by_test_id("holding-value")).to_have_text(re.compile(r"₩[\d,]+"))
    expect(row.get_by_test_id("holding-pnl")).to_have_text(DIGITS)
    totals = ui.page.get_by_test_id("portfolio-totals")
    expect(totals).to_contain_text("Market value")
    expect(totals.locator("dd").first).to_have_text(re.compile(r"₩[\d,]+"))
    expect(ui.page.get_by_text("Synthetic demo data").first).to_be_visible()
    ui.page.get_by_text("How is this computed?").first.click()
    expect(ui.page.get_by_text("V_end − V_start").first).to_be_visible()
    shot_both_languages(ui, "portfolio")
    ui.go("/portfolios")
    card = ui.page.get_by_test_id("portfolio-card").filter(has_text="Long term")
    expect(card.get_by_test_id("portfolio-value")).to_have_text(re.compile(r"₩[1-9][\d,]+"))
    shot_both_languages(ui, "portfolios")


def test_a_ledger_sale_larger_than_the_position_is_refused_in_the_form(ui: UI) -> None:
    # The refused sale is a 400 the browser logs as a failed resource.
    ui.console.allowed.append("status of 400")
    register(ui, new_username())
    create_portfolio(ui, "Trading", mode="ledger")
    form = ui.page.locator("form[aria-labelledby='add-tx-title']")

    def record(kind: str, quantity: str) -> None:
        form.get_by_label("Type").select_option(kind)
        form.get_by_role("combobox", name="Symbol").fill("AAPL")
        form.get_by_label("Date").fill("2026-03-02")
        form.get_by_label("Quantity").fill(quantity)
        form.get_by_label("Price", exact=True).fill("100")
        form.get_by_role("button", name="Record").click()

    record("buy", "5")
    expect(ui.page.get_by_test_id("transactions-table")).to_contain_text("Buy")
    record("sell", "10")
    refusal = form.get_by_role("alert")
    expect(refusal).to_contain_text("cannot sell 10")
    expect(refusal).to_contain_text("only 5")
    expect(ui.page.get_by_test_id("transactions-table").locator("tbody tr")).to_have_count(1)
    shot_both_languages(ui, "portfolio-ledger")


def test_a_screener_filter_narrows_the_rows_and_the_address_keeps_it(ui: UI) -> None:
    ui.go("/screener")
    rows = ui.page.get_by_test_id("screener-table").locator("tbody tr")
    expect(rows.first).to_be_visible()
    everything = rows.count()
    # The box's state follows the address, which the router updates a moment after the click.
    ui.page.get_by_role("checkbox", name="KR").click()
    expect(ui.page).to_have_url(re.compile(r"market=KR"))
    expect(ui.page.get_by_role("checkbox", name="KR")).to_be_checked()
    expect(rows).not_to_have_count(everything)
    korean = rows.count()
    assert 0 < korean < everything
    for market in ui.page.get_by_test_id("screener-table").locator("tbody .name-cell").all():
        expect(market).to_contain_text("KR")
    ui.page.get_by_role("button", name=re.compile("^RSI")).click()
    expect(ui.page).to_have_url(re.compile(r"sort=-rsi"))
    ui.page.reload()
    expect(ui.page.get_by_role("checkbox", name="KR")).to_be_checked()
    expect(rows).to_have_count(korean)
    expect(ui.page.locator("th[aria-sort='descending']")).to_contain_text("RSI")
    shot_both_languages(ui, "screener")


def test_a_live_quote_moves_the_stock_price_and_the_portfolio_value(ui: UI) -> None:
    register(ui, new_username())
    path = create_portfolio(ui, "Crypto")
    add_holding(ui, LIVE_SYMBOL, "0.5", "50000000")
    ui.page.get_by_role("link", name=LIVE_SYMBOL).first.click()
    price = ui.page.get_by_test_id("last-price")
    expect(price).to_have_text(DIGITS)
    expect(ui.page.locator(".stock-price")).to_contain_text("live", timeout=30_000)
    first = price.inner_text()
    expect(price).not_to_have_text(first, timeout=30_000)
    expect(ui.page.get_by_role("status", name=re.compile("Live connection: Live"))).to_be_visible()
    ui.shot("stock-live")
    ui.page.go_back()
    expect(ui.page).to_have_url(re.compile(path + "$"))
    totals = ui.page.get_by_test_id("portfolio-totals")
    expect(ui.page.locator(".live-badge").first).to_be_visible(timeout=30_000)
    value = totals.locator("dd").first
    before = value.inner_text()
    expect(value).not_to_have_text(before, timeout=30_000)


def test_an_alert_fires_and_its_notification_appears_without_a_reload(ui: UI) -> None:
    register(ui, new_username())
    ui.page.get_by_role("link", name="Alerts").first.click()
    expect(ui.page).to_have_url(re.compile("/alerts$"))
    form = ui.page.locator("form[aria-labelledby='new-alert']")
    form.get_by_role("combobox", name="Symbol").fill(LIVE_SYMBOL)
    form.get_by_label("Condition").select_option("price_above")
    form.get_by_label("Threshold").fill("1")
    form.get_by_role("button", name="Create alert").click()
    expect(ui.page.get_by_test_id("alerts-table")).to_contain_text(LIVE_SYMBOL)
    # The price is far above 1: the alert fires at once or on the next live quote, and its
    # notification arrives over the portfolio socket while this page stays loaded.
    toast = ui.page.locator(".toast").first
    expect(toast).to_contain_text(LIVE_SYMBOL, timeout=30_000)
    shot_both_languages(ui, "alerts")
    toast.get_by_role("link", name="See all").click()
    expect(ui.page).to_have_url(re.compile("/notifications$"))
    item = ui.page.get_by_test_id("notification-list").locator("li").first
    expect(item).to_contain_text(LIVE_SYMBOL)
    item.get_by_role("button", name=re.compile("^Mark read")).click()
    expect(item.locator(".badge-unread")).to_have_count(0)
    shot_both_languages(ui, "notifications")


def test_a_watchlist_is_created_filled_renamed_and_deleted(ui: UI) -> None:
    register(ui, new_username())
    ui.go("/watchlists")
    ui.page.get_by_label("New watchlist").fill("Tech")
    ui.page.get_by_role("button", name="Create", exact=True).click()
    watchlist = ui.page.get_by_test_id("watchlist")
    expect(watchlist.get_by_role("heading", name="Tech")).to_be_visible()
    watchlist.get_by_role("combobox", name="Add a symbol").fill("MSFT")
    watchlist.get_by_role("button", name="Add", exact=True).click()
    expect(watchlist.get_by_role("rowheader", name=re.compile("MSFT"))).to_be_visible()
    shot_both_languages(ui, "watchlists")
    watchlist.get_by_role("button", name="Rename").click()
    watchlist.get_by_label("Name").fill("Big tech")
    watchlist.get_by_role("button", name="Save").click()
    expect(watchlist.get_by_role("heading", name="Big tech")).to_be_visible()
    ui.page.once("dialog", lambda dialog: dialog.accept())
    watchlist.get_by_role("button", name="Delete").click()
    expect(ui.page.get_by_test_id("watchlist")).to_have_count(0)


def test_the_prediction_tab_says_when_no_model_beats_the_baseline(ui: UI) -> None:
    ui.go("/stocks/AAPL?tab=prediction")
    served = ui.page.get_by_test_id("served")
    expect(served).to_contain_text("No model beats the naive baseline", timeout=60_000)
    expect(ui.page.get_by_test_id("forecast-chart").locator("canvas").first).to_be_visible()
    expect(ui.page.get_by_test_id("backtest-table")).to_contain_text("random_walk")
    shot_both_languages(ui, "stock-prediction")
    ui.page.get_by_role("button", name="Risk").click()
    expect(ui.page.get_by_test_id("risk-level")).to_have_text(re.compile("LOW|MEDIUM|HIGH"))


def test_the_data_health_page_tells_a_user_who_is_not_staff(ui: UI) -> None:
    ui.console.allowed.append("status of 403")
    register(ui, new_username())
    ui.go("/health")
    expect(ui.page.get_by_text("Only staff users can see data health.")).to_be_visible()
    ui.shot("health-not-staff")


def test_a_staff_user_finds_data_health_in_the_account_menu(
    ui: UI, server_env: dict[str, str]
) -> None:
    username = new_username()
    register(ui, username)
    menu = ui.page.locator("summary[aria-label='Account menu']")
    menu.click()
    expect(ui.page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    expect(ui.page.get_by_role("link", name="Data health")).to_have_count(0)
    stockvis(
        server_env,
        "shell",
        "-c",
        "from stockvis.accounts.models import User;"
        f"User.objects.filter(username={username!r}).update(is_staff=True)",
    )
    ui.page.reload()
    ui.page.locator("summary[aria-label='Account menu']").click()
    ui.page.get_by_role("link", name="Data health").click()
    expect(ui.page).to_have_url(re.compile(r"/health$"))
    expect(ui.page.get_by_role("heading", name="Job runs")).to_be_visible()
    expect(ui.page.get_by_text("Only staff users can see data health.")).to_have_count(0)
    expect(ui.page.get_by_test_id("freshness-summary")).to_contain_text("20", timeout=60_000)
    ui.shot("health-staff")
