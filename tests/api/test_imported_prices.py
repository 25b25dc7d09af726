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
