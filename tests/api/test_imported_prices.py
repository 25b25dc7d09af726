import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from stockvis.collector.models import JobRun
from stockvis.market.models import Asset
from stockvis.providers.csvfile import parse_price_csv

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("relative", "symbol", "currency"),
    [("pandas-ta/SPY_D.csv", "SPY", "USD"), ("ecstasyego-CSV/005930.csv", "005930", "KRW")],
)
def test_a_real_price_file_imported_with_import_prices_reads_back_bar_for_bar(
    db: None, client: Client, shared_data: Path, relative: str, symbol: str, currency: str
) -> None:
    path = shared_data / relative
    Asset.objects.create(
        symbol=symbol,
        name=symbol,
        category="stock",
        exchange="XKRX" if currency == "KRW" else "XNYS",
        currency=currency,
        preferred_source="csv",
    )
    call_command("import-prices", str(path), symbol=symbol.lower(), stdout=io.StringIO())

    body = client.get(f"/api/v1/stocks/api/chart/{symbol}/", {"period": "max"}).json()
    frame = parse_price_csv(path.read_bytes()).frame
    assert body["source"] == "csv"
    assert body["synthetic"] is False
    # The collector's validators may reject rows (a zero-price day, broken OHLC); every bar it
    # kept must come back exactly, and nothing else.
    job = JobRun.objects.filter(job_name="import_prices").latest("started_at")
    rejected = job.results[symbol]["rejected"]
    assert body["count"] == len(frame) - rejected > 5000
    served = [
        (b["time"], b["open"], b["high"], b["low"], b["close"], b["volume"]) for b in body["bars"]
    ]
    filed = [
        (d.date().isoformat(), o, h, lo, c, v)
        for d, o, h, lo, c, v in frame[
            ["date", "open", "high", "low", "close", "volume"]
        ].itertuples(index=False)
    ]
    by_date = {bar[0]: bar for bar in filed}
    assert all(by_date[bar[0]] == bar for bar in served)
    assert served == sorted(served)  # oldest first
    if not rejected:
        assert served == filed


def test_real_bars_imported_beside_the_demo_are_served_everywhere_instead_of_synthetic(
    market: None, client: Client, shared_data: Path
) -> None:
    # The demo's SPY has a year of synthetic bars up to 2026-11-20; the real file ends in 2020.
    # Newer is not better: real data wins in every reader, and `source=` still shows the demo.
    call_command(
        "import-prices",
        str(shared_data / "pandas-ta" / "SPY_D.csv"),
        symbol="SPY",
        stdout=io.StringIO(),
    )
    chart = client.get("/api/v1/stocks/api/chart/SPY/", {"period": "max"}).json()
    assert (chart["source"], chart["synthetic"], chart["notice"]) == ("csv", False, None)
    assert chart["count"] > 5000
    assert chart["last_date"].startswith("2020-")

    demo = client.get("/api/v1/stocks/api/chart/spy/", {"period": "max", "source": "SYNTHETIC"})
    assert demo.status_code == 200
    assert (demo.json()["source"], demo.json()["synthetic"]) == ("synthetic", True)
    assert demo.json()["notice"]
    assert demo.json()["last_date"] == "2026-11-20"

    unknown = client.get("/api/v1/stocks/api/chart/SPY/", {"source": "yahoo"})
    assert unknown.status_code == 400
    assert unknown["Content-Type"] == "application/json"
    assert "source" in str(unknown.json())

    indicators = client.get("/api/v1/stocks/api/indicators/SPY/").json()
    assert (indicators["meta"]["source"], indicators["meta"]["synthetic"]) == ("csv", False)

    overview = client.get("/api/v1/stocks/api/overview/SPY/").json()
    assert (overview["source"], overview["quote"]["date"][:4]) == ("csv", "2020")

    status = client.get("/api/v1/users/portfolio/symbol/SPY/status/").json()
    assert (status["source"], status["synthetic"]) == ("csv", False)
    assert status["details"]["daily_prices"] == chart["count"]
    assert status["bars_by_source"]["daily"]["synthetic"] > 200

    screener = client.get("/api/v1/analysis/screener/", {"synthetic": "false"}).json()
    assert [(row["symbol"], row["source"]) for row in screener["results"]] == [("SPY", "csv")]
