"""Registering assets: from a provider or from the user, merging, and offline providers."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
import requests
import respx
from django.core.management import call_command
from django.core.management.base import CommandError

from stockvis.collector.demo import demo_register
from stockvis.collector.models import JobRun
from stockvis.collector.registration import (
    RegistrationError,
    asset_add_by_user,
    asset_register,
)
from stockvis.market.models import Asset
from stockvis.market.selectors import assets_matching
from stockvis.providers.base import AssetInfo, Category
from stockvis.providers.synthetic import SyntheticProvider
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL
from tests.collector.conftest import AV_URL

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No network for requests (FinanceDataReader's transport): every call fails to resolve."""
    asked: list[str] = []

    def unreachable(self: requests.Session, method: str, url: str, **kwargs: Any) -> Any:
        asked.append(url)
        raise requests.ConnectionError(f"Failed to resolve '{httpx.URL(url).host}'")

    monkeypatch.setattr(requests.Session, "request", unreachable)
    return asked


@pytest.fixture
def samsung() -> Asset:
    return demo_register(provider=SyntheticProvider(), demo=DEMO_BY_SYMBOL["005930"])


def test_re_registering_samsung_offline_with_fdr_loses_nothing(
    offline: list[str], samsung: Asset
) -> None:
    before = Asset.objects.get(symbol="005930")

    code, out, _ = run("assets", "add", "005930", "--provider", "fdr")

    assert code == 0
    assert offline, "the KRX listing was asked for (and failed) through requests"
    after = Asset.objects.get(symbol="005930")
    assert (after.name, after.name_local, after.preferred_source) == (
        before.name,
        before.name_local,
        before.preferred_source,
    )
    assert after.name == "Samsung Electronics"
    assert after.name_local == "삼성전자"
    assert [m.asset.symbol for m in assets_matching("삼성", limit=5)] == ["005930"]
    assert "cannot access local variable" not in out
    assert "offline or provider unreachable: fdr (KRX listing: ConnectionError)" in out


def test_collect_with_an_unreachable_provider_says_so_in_one_line_and_what_to_do(
    offline: list[str], samsung: Asset, sleeps: list[float]
) -> None:
    code, out, err = run(
        "collect",
        "--assets",
        "005930",
        "--provider",
        "fdr",
        "--start",
        "2026-03-02",
        "--end",
        "2026-03-06",
        "--data",
        "daily,weekly",
        "--no-progress",
    )
    assert code == 2
    reason = JobRun.objects.get(job_name="collect").results["005930"]["error"]
    assert reason == "offline or provider unreachable: fdr (reading 005930: ConnectionError)"
    assert f"005930: {reason}" in out
    assert "next: nothing stored was changed; check the network connection" in out
    assert "Traceback" not in out + err


def test_assets_add_with_alphavantage_unreachable_says_what_to_do_next(
    alphavantage: Any, sleeps: list[float]
) -> None:
    with respx.mock() as mock:
        mock.get(AV_URL).mock(side_effect=httpx.ConnectError("Name or service not known"))
        with pytest.raises(CommandError) as caught:
            call_command("assets", "add", "VOO", "--provider", "alphavantage")
    message = str(caught.value)
    assert message.splitlines()[0] == (
        "cannot register VOO: offline or provider unreachable: alphavantage (OVERVIEW: ConnectError)"
    )
    assert "next: check the network connection" in message
    assert "--provider csv --name NAME" in message
    assert not Asset.objects.filter(symbol="VOO").exists()


def test_assets_add_csv_registers_what_the_user_says_and_prints_what_it_assumed() -> None:
    code, out, _ = run(
        "assets",
        "add",
        "voo",
        "--provider",
        "csv",
        "--name",
        "Vanguard S&P 500 ETF",
        "--category",
        "etf",
    )
    assert code == 0
    voo = Asset.objects.get(symbol="VOO")
    assert (voo.name, voo.category, voo.exchange, voo.currency, voo.market) == (
        "Vanguard S&P 500 ETF",
        "etf",
        "XNYS",
        "USD",
        "US",
    )
    assert voo.preferred_source == "csv"
    assert "Registered VOO: Vanguard S&P 500 ETF (etf, XNYS, USD" in out
    assert "assumed exchange XNYS (letters: a US listing; say --exchange otherwise)" in out
    assert "assumed currency USD" in out
    assert "assumed category" not in out
    assert "assumed name" not in out


def test_a_six_digit_code_is_assumed_to_be_a_krx_listing_in_won() -> None:
    registered = asset_add_by_user(symbol="123456")
    asset = registered.asset
    assert (asset.exchange, asset.currency, asset.market, asset.name) == (
        "XKRX",
        "KRW",
        "KR",
        "123456",
    )
    assert any(a.startswith("exchange XKRX (six digits: a KRX code") for a in registered.assumed)
    assert any(a.startswith("name 123456") for a in registered.assumed)


def test_a_symbol_whose_shape_says_nothing_needs_exchange_and_currency() -> None:
    with pytest.raises(RegistrationError, match="say --exchange"):
        asset_add_by_user(symbol="XAU-EUR")
    asset = asset_add_by_user(
        symbol="XAU-EUR", category="commodity", exchange="24/5", currency="eur"
    ).asset
    assert (asset.exchange, asset.currency, asset.market) == ("24/5", "EUR", "GLOBAL")
    with pytest.raises(RegistrationError, match="unknown exchange"):
        asset_add_by_user(symbol="ABC", exchange="MOON")
    with pytest.raises(RegistrationError, match="unknown category"):
        asset_add_by_user(symbol="ABC", category="bond")


def test_describing_a_known_asset_by_hand_keeps_what_the_user_did_not_say(
    samsung: Asset,
) -> None:
    code, out, _ = run("assets", "add", "005930", "--provider", "csv")
    assert code == 0
    after = Asset.objects.get(symbol="005930")
    assert (after.name, after.name_local, after.preferred_source, after.exchange) == (
        "Samsung Electronics",
        "삼성전자",
        samsung.preferred_source,
        "XKRX",
    )
    assert "assumed" not in out


def test_a_provider_that_knows_less_never_replaces_what_is_stored(samsung: Asset) -> None:
    asset_register(
        info=AssetInfo("005930", "005930", Category.STOCK, "XKRX", "KRW"),
        market="KR",
        source="fdr",
    )
    after = Asset.objects.get(symbol="005930")
    assert (after.name, after.name_local, after.preferred_source) == (
        "Samsung Electronics",
        "삼성전자",
        "synthetic",
    )
    assert after.listing_date == samsung.listing_date
    # A local-only name goes to name_local and leaves the stored name alone.
    asset_register(
        info=AssetInfo("005930", "삼성전자", Category.STOCK, "XKRX", "KRW", name_local="삼성전자"),
        market="KR",
        source="fdr",
    )
    assert Asset.objects.get(symbol="005930").name == "Samsung Electronics"
    # Asked for explicitly, the new provider becomes the preferred source.
    asset_register(
        info=AssetInfo("005930", "", Category.STOCK, "XKRX", "KRW"),
        market="KR",
        source="fdr",
        prefer=True,
    )
    assert Asset.objects.get(symbol="005930").preferred_source == "fdr"
