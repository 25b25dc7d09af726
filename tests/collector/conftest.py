"""Fixtures of the collector tests: a fast retry policy, Alpha Vantage served by respx from
recorded payloads, and a provider whose answers a test controls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pandas as pd
import pytest
import respx

from stockvis.market.models import Asset
from stockvis.providers import registry
from stockvis.providers.base import (
    AssetRef,
    CompanyOverview,
    DataKind,
    ProviderError,
    StatementKind,
    StatementReport,
    price_frame,
)
from stockvis.providers.retry import RetryPolicy
from stockvis.providers.synthetic import SyntheticProvider

AV_URL = "https://av.test/query"
WEBHOOK = "https://discord.test/api/webhooks/1/abc"


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Sleeps:
    """Provider retries record their waits instead of sleeping through them."""
    recorded = Sleeps()

    def policy(provider: str | None = None) -> RetryPolicy:
        return RetryPolicy(
            max_retries=3,
            base_delay=1.0,
            sleep=recorded,
            random=lambda: 0.5,
            max_delay=120,
            breaker=registry.circuit_breaker(provider) if provider else None,
        )

    monkeypatch.setattr(registry, "retry_policy", policy)
    return recorded


@pytest.fixture
def alphavantage(settings: Any, tmp_path: Path, sleeps: Sleeps) -> Any:
    settings.ALPHA_VANTAGE_API_KEY = "TEST-KEY"
    settings.ALPHA_VANTAGE_BASE_URL = AV_URL
    settings.ALPHA_VANTAGE_CALLS_PER_MINUTE = 0  # unlimited pace; the quota is tested on its own
    settings.ALPHA_VANTAGE_CALLS_PER_DAY = 1000
    settings.REDIS_URL = ""
    settings.VAR_DIR = tmp_path
    settings.ALERT_WEBHOOK_URL = ""
    return settings


Responder = Callable[[httpx.Request], httpx.Response]


class AlphaVantageServer:
    """Answers by (function, symbol); a list of answers is served in turn, the last one repeats."""

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], list[Responder]] = {}
        self.calls: list[tuple[str, str]] = []

    def on(self, function: str, symbol: str, *answers: Responder | httpx.Response | bytes) -> None:
        self.answers[(function, symbol)] = [_responder(a) for a in answers]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        params = request.url.params
        key = (params.get("function", ""), params.get("symbol", params.get("keywords", "")))
        self.calls.append(key)
        answers = self.answers.get(key)
        if not answers:
            return httpx.Response(200, json={})
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        return answer(request)

    def count(self, function: str, symbol: str) -> int:
        return self.calls.count((function, symbol))


def _responder(answer: Responder | httpx.Response | bytes) -> Responder:
    if isinstance(answer, bytes):
        return lambda request: httpx.Response(200, content=answer)
    if isinstance(answer, httpx.Response):
        return lambda request: answer
    return answer


@pytest.fixture
def av_server(alphavantage: Any) -> Iterator[AlphaVantageServer]:
    server = AlphaVantageServer()
    with respx.mock(assert_all_called=False) as mock:
        mock.get(AV_URL).mock(side_effect=server)
        yield server


def us_stock(symbol: str) -> Asset:
    return Asset.objects.create(
        symbol=symbol,
        name=symbol,
        category="stock",
        market="US",
        exchange="XNYS",
        currency="USD",
        preferred_source="alphavantage",
    )


class ScriptedProvider(SyntheticProvider):
    """The synthetic demo universe, except where a test scripts a frame or an error."""

    name = "scripted"
    #: Scripted weekly frames stand for a provider with a weekly endpoint of its own.
    weekly_aggregated = False

    def __init__(self) -> None:
        self.daily: dict[str, pd.DataFrame | Exception] = {}
        self.weekly: dict[str, pd.DataFrame | Exception] = {}
        self.calls: list[tuple[str, str]] = []

    def _answer(self, table: dict[str, Any], kind: str, asset: AssetRef, fallback: Any) -> Any:
        self.calls.append((kind, asset.symbol))
        scripted = table.get(asset.symbol)
        if isinstance(scripted, Exception):
            raise scripted
        return scripted if scripted is not None else fallback()

    def daily_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        return self._answer(
            self.daily,
            "daily",
            asset,
            lambda: super(ScriptedProvider, self).daily_prices(asset, start, end),
        )

    def weekly_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        return self._answer(
            self.weekly,
            "weekly",
            asset,
            lambda: super(ScriptedProvider, self).weekly_prices(asset, start, end),
        )

    def supports(self, asset: AssetRef, kind: DataKind) -> bool:
        return super().supports(asset, kind)

    def company_overview(self, asset: AssetRef) -> CompanyOverview:
        return super().company_overview(asset)

    def statements(
        self, asset: AssetRef, kind: StatementKind, *, today: dt.date | None = None
    ) -> list[StatementReport]:
        return super().statements(asset, kind, today=today)


def bars(rows: list[tuple[str, float, float, float, float, float]]) -> pd.DataFrame:
    dates, o, h, lo, c, v = zip(*rows, strict=True)
    return price_frame(list(dates), o, h, lo, c, v)


def transient(message: str = "HTTP 500") -> ProviderError:
    return ProviderError(message, provider="scripted")
