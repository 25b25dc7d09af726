"""The collection commands as an operator runs them: output, exit codes, alerts."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from stockvis.collector.demo import demo_register
from stockvis.collector.models import JobRun
from stockvis.core.alerts import alert_post
from stockvis.market.models import Asset, DailyPrice
from stockvis.providers.synthetic import SyntheticProvider
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL
from tests.collector.conftest import WEBHOOK
from tests.shared_data import shared_data_path

pytestmark = pytest.mark.django_db

FRIDAY_EVENING = dt.datetime(2026, 10, 9, 22, 0, tzinfo=dt.UTC)


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=io.StringIO())
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue()
    return 0, out.getvalue()


def register(*symbols: str) -> None:
    provider = SyntheticProvider()
    for symbol in symbols:
        demo_register(provider=provider, demo=DEMO_BY_SYMBOL[symbol])


def test_collect_prints_a_summary_and_exits_0_when_everything_succeeded() -> None:
    register("AAPL", "005930")
    code, out = run(
        "collect",
        "--start",
        "2026-10-01",
        "--end",
        "2026-10-09",
        "--assets",
        "AAPL,005930",
        "--data",
        "daily,weekly",
        "--no-progress",
    )
    assert code == 0
    assert "assets: 2 ok, 0 partial, 0 failed" in out
    assert "rows: " in out
    assert "elapsed: " in out


def test_collect_exits_1_on_partial_and_2_on_total_failure() -> None:
    register("AAPL")
    code, out = run(
        "collect",
        "--start",
        "2026-10-01",
        "--end",
        "2026-10-09",
        "--assets",
        "AAPL,NOPE1",
        "--provider",
        "synthetic",
        "--no-progress",
    )
    assert code == 1
    assert "NOPE1: cannot register" in out
    code, _ = run(
        "collect",
        "--start",
        "2026-10-01",
        "--end",
        "2026-10-09",
        "--assets",
        "NOPE1",
        "--provider",
        "synthetic",
        "--no-progress",
    )
    assert code == 2


def test_collect_rejects_an_unknown_data_kind() -> None:
    with pytest.raises(CommandError, match="unknown data kind 'hourly'"):
        call_command("collect", "--data", "daily,hourly")


def test_assets_add_registers_from_the_provider_and_list_shows_it() -> None:
    code, out = run("assets", "add", "btc/krw", "--provider", "synthetic")
    assert code == 0
    assert "Registered BTC-KRW" in out
    asset = Asset.objects.get(symbol="BTC-KRW")
    assert (asset.category, asset.exchange, asset.market) == ("crypto", "24/7", "GLOBAL")
    _, listing = run("assets", "list")
    assert "BTC-KRW" in listing
    with pytest.raises(CommandError, match="cannot register XYZ"):
        call_command("assets", "add", "XYZ", "--provider", "synthetic")


@pytest.mark.parametrize(
    ("parts", "symbol", "rows"),
    [
        (("ecstasyego-CSV", "005930.csv"), "005930", 6000),
        (("pandas-ta", "SPY_D.csv"), "SPY", 5241),
        (("invest-KR", "000660.csv"), "000660", None),
    ],
)
def test_import_prices_stores_the_rows_of_real_files(
    parts: tuple[str, str], symbol: str, rows: int | None
) -> None:
    register(symbol)
    code, out = run("import-prices", str(shared_data_path(*parts)), "--symbol", symbol)
    assert code in (0, 1), out
    stored = DailyPrice.objects.filter(asset__symbol=symbol, source="csv").count()
    job = JobRun.objects.get(job_name="import_prices")
    result = job.results[symbol]
    assert stored == result["inserted"] > 0
    if rows is not None:
        assert stored + result["rejected"] == rows
    # Importing the same file again changes nothing.
    run("import-prices", str(shared_data_path(*parts)), "--symbol", symbol)
    assert DailyPrice.objects.filter(asset__symbol=symbol, source="csv").count() == stored


def test_import_prices_names_the_line_it_cannot_read(tmp_path: Path) -> None:
    register("AAPL")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,x,2,1,1,1\n"
    )
    with pytest.raises(CommandError, match=r"bad.csv: line 3: .*'x' is not a number"):
        call_command("import-prices", str(bad), "--symbol", "AAPL")


def test_import_prices_registers_an_unknown_symbol_and_says_what_it_assumed(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n")
    code, out = run("import-prices", str(good), "--symbol", "ZZZ")
    assert code == 0, out
    asset = Asset.objects.get(symbol="ZZZ")
    assert (asset.exchange, asset.currency, asset.preferred_source) == ("XNYS", "USD", "csv")
    assert "assumed exchange XNYS (letters: a US listing" in out


def chunks(asked: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """The daily requests; the synthetic weekly bars read a whole year of daily ones too."""
    return [(a, b) for a, b in asked if (b - a).days < 120]


def test_backfill_fetches_only_what_is_missing_and_reports_coverage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register("AAPL")
    asset = Asset.objects.get(symbol="AAPL")
    asked: list[tuple[dt.date, dt.date]] = []
    original = SyntheticProvider.daily_prices

    def spy(self: SyntheticProvider, ref: Any, start: dt.date, end: dt.date) -> Any:
        asked.append((start, end))
        return original(self, ref, start, end)

    monkeypatch.setattr(SyntheticProvider, "daily_prices", spy)
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        code, out = run(
            "backfill", "--years", "1", "--assets", "AAPL", "--chunk-days", "120", "--no-progress"
        )
        assert code == 0
        assert len(chunks(asked)) == 4  # a year in chunks of at most 120 calendar days
        assert "AAPL    synthetic  251   2025-10-09  2026-10-08  251       0" in out
        first_rows = asset.daily_prices.count()
        # An interrupted history: drop one month, a rerun asks for that month only.
        asset.daily_prices.filter(date__month=3).delete()
        asked.clear()
        code, out = run(
            "backfill", "--years", "1", "--assets", "AAPL", "--chunk-days", "120", "--no-progress"
        )
        assert code == 0
        assert chunks(asked) == [(dt.date(2026, 3, 2), dt.date(2026, 3, 31))]
        assert asset.daily_prices.count() == first_rows
        asked.clear()
        run("backfill", "--years", "1", "--assets", "AAPL", "--no-progress")
        assert asked == []  # nothing missing: no call at all
    lines = [line for line in out.splitlines() if line.startswith("AAPL ")]
    assert lines[-1].split()[-2:] == ["251", "0"]  # expected sessions, missing sessions


def test_healthcheck_is_ok_when_fresh_and_stale_with_exit_1_after_a_missed_day() -> None:
    register("AAPL", "005930", "BTC-KRW")
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        run(
            "collect",
            "--start",
            "2026-09-01",
            "--end",
            "2026-10-09",
            "--data",
            "daily",
            "--no-progress",
        )
        code, out = run("healthcheck")
        assert code == 0, out
        assert "3 OK, 0 STALE" in out
    # Tuesday evening: Monday's NYSE and KRX sessions and crypto's Monday are missing.
    with time_machine.travel(dt.datetime(2026, 10, 13, 22, 0, tzinfo=dt.UTC), tick=False):
        code, out = run("healthcheck")
    assert code == 1
    assert "0 OK, 3 STALE" in out
    row = next(line for line in out.splitlines() if line.startswith("AAPL"))
    assert "2026-10-09" in row
    assert "2026-10-12" in row
    assert "STALE" in row
    job = JobRun.objects.filter(job_name="healthcheck").first()
    assert job is not None
    assert job.status == "failure"


def test_healthcheck_expects_the_previous_session_of_each_exchange() -> None:
    register("005930")
    # Monday 2026-10-05 09:00 KST: the previous KRX session is Friday the 2nd (the 3rd is a
    # Saturday holiday anyway), so Friday's bar is fresh.
    with time_machine.travel(dt.datetime(2026, 10, 5, 0, 0, tzinfo=dt.UTC), tick=False):
        run(
            "collect",
            "--start",
            "2026-09-20",
            "--end",
            "2026-10-02",
            "--data",
            "daily",
            "--no-progress",
        )
        code, out = run("healthcheck")
    assert code == 0, out


def test_alerts_are_posted_for_failed_jobs_and_stale_assets(settings: Any) -> None:
    settings.ALERT_WEBHOOK_URL = WEBHOOK
    register("AAPL")
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(WEBHOOK).mock(return_value=httpx.Response(204))
        run(
            "collect",
            "--assets",
            "AAPL,NOPE1",
            "--provider",
            "synthetic",
            "--data",
            "daily",
            "--no-progress",
        )
        assert route.call_count == 1
        payload = json.loads(route.calls[0].request.content)
        assert "partial_failure" in payload["content"]
        assert "NOPE1" in payload["content"]
        fields = {f["name"]: f["value"] for f in payload["embeds"][0]["fields"]}
        assert fields["failed assets"] == "NOPE1"
        assert fields["job"] == "collect"
        with time_machine.travel(dt.datetime(2026, 12, 8, 22, 0, tzinfo=dt.UTC), tick=False):
            code, _ = run("healthcheck")
        assert code == 1
        assert route.call_count == 2
        assert "stale" in json.loads(route.calls[1].request.content)["content"]


def test_no_alert_without_a_url_and_a_failing_webhook_never_breaks_the_job(settings: Any) -> None:
    settings.ALERT_WEBHOOK_URL = ""
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(WEBHOOK).mock(return_value=httpx.Response(500))
        assert alert_post(title="t", description="d") is False
        assert route.call_count == 0
        settings.ALERT_WEBHOOK_URL = WEBHOOK
        assert alert_post(title="t", description="d") is False  # logged, not raised
        mock.post(WEBHOOK).mock(side_effect=httpx.ConnectTimeout("down"))
        code, out = run("collect", "--assets", "NOPE1", "--provider", "synthetic", "--no-progress")
    assert code == 2
    assert "failure" in out


def test_jobs_lists_the_last_runs_newest_first() -> None:
    register("AAPL")
    run("collect", "--assets", "AAPL", "--data", "daily", "--no-progress")
    run("collect", "--assets", "NOPE1", "--provider", "synthetic", "--no-progress")
    code, out = run("jobs", "-n", "1")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3  # header, rule, one run
    assert "failure" in lines[2]
    assert "NOPE1" in lines[2]
