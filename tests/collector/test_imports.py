"""`import-prices`: offline registration, files that are all rejected, size limit and memory."""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stockvis.collector.models import JobRun
from stockvis.market.models import Asset, DailyPrice
from stockvis.providers.csvfile.parser import iter_price_chunks, parse_price_csv
from tests.shared_data import shared_data_path

pytestmark = pytest.mark.django_db

SPY = ("pandas-ta", "SPY_D.csv")


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=io.StringIO())
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_a_real_file_for_an_unknown_symbol_registers_it_from_what_the_user_says() -> None:
    code, out = run(
        "import-prices",
        str(shared_data_path(*SPY)),
        "--symbol",
        "VOO",
        "--name",
        "Vanguard S&P 500 ETF",
        "--category",
        "etf",
    )
    assert code in (0, 1), out
    voo = Asset.objects.get(symbol="VOO")
    assert (voo.name, voo.category, voo.exchange, voo.currency, voo.market) == (
        "Vanguard S&P 500 ETF",
        "etf",
        "XNYS",
        "USD",
        "US",
    )
    assert voo.preferred_source == "csv"
    job = JobRun.objects.get(job_name="import_prices")
    stored = DailyPrice.objects.filter(asset=voo, source="csv").count()
    assert stored + job.results["VOO"]["rejected"] == 5241
    assert "registered VOO as Vanguard S&P 500 ETF (etf, XNYS, USD)" in out
    assert "assumed exchange XNYS (letters: a US listing; say --exchange otherwise)" in out
    assert "assumed currency USD (letters: a US listing; say --currency otherwise)" in out


def test_a_file_whose_every_row_is_rejected_fails_and_prints_the_first_reasons(
    tmp_path: Path,
) -> None:
    rows = "".join(f"2024-01-{day:02d},-1,-1,-1,-1,10\n" for day in range(2, 9))
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Open,High,Low,Close,Volume\n" + rows)

    code, out = run("import-prices", str(bad), "--symbol", "ZZZ", "--name", "Nothing Inc")

    assert code == 2
    job = JobRun.objects.get(job_name="import_prices")
    assert job.status == "failure"
    assert job.results["ZZZ"]["status"] == "failed"
    assert job.results["ZZZ"]["error"].startswith("every row was rejected (7)")
    assert not Asset.objects.filter(symbol="ZZZ").exists()  # the registration rolled back
    assert DailyPrice.objects.count() == 0
    assert "first warnings" in out
    reasons = [line for line in out.splitlines() if line.startswith("    ZZZ: daily 2024-01-0")]
    assert len(reasons) == 5
    assert "rejected" in reasons[0]


def test_a_file_over_the_size_setting_is_refused_with_a_clear_line(
    tmp_path: Path, settings: object
) -> None:
    big = tmp_path / "big.csv"
    big.write_text("Date,Open,High,Low,Close,Volume\n" + "2024-01-02,1,2,0.5,1.5,10\n" * 100)
    settings.IMPORT_MAX_BYTES = 1000  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match=r"big.csv is 0.0 MB, over IMPORT_MAX_BYTES"):
        call_command("import-prices", str(big), "--symbol", "ZZZ")
    assert not JobRun.objects.exists()


def price_file(rows: int) -> bytes:
    first = dt.date(1950, 1, 2)
    lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
    for i in range(rows):
        day = first + dt.timedelta(days=i)
        price = 100 + (i % 97) * 0.25
        lines.append(
            f"{day:%Y-%m-%d},{price:.2f},{price + 1:.2f},{price - 1:.2f},{price + 0.5:.2f},"
            f"{price + 0.5:.4f},{1_000_000 + i}"
        )
    return ("\n".join(lines) + "\n").encode()


def peak_bytes_while_parsing(data: bytes) -> int:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        parsed = parse_price_csv(io.BytesIO(data), chunk_rows=CHUNK)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert parsed.rows == data.count(b"\n") - 1
    return peak


CHUNK = 1_000
#: A kept row is 6 float64 values and its line number (56 bytes); the frames built from them
#: exist a few times over at the peak (chunks, their concatenation, the canonical frame).
BYTES_PER_KEPT_ROW = 4 * 56


def test_parsing_memory_grows_with_the_rows_kept_not_with_the_raw_text() -> None:
    small, large = 1_000, 6_000
    small_peak = peak_bytes_while_parsing(price_file(small))
    large_peak = peak_bytes_while_parsing(price_file(large))
    # Reading the whole file as text cells first (the old way) costs ~500 bytes a row; here the
    # text of one chunk is a constant and each further row costs only the numbers kept.
    per_row = (large_peak - small_peak) / (large - small)
    assert per_row < BYTES_PER_KEPT_ROW, f"{per_row:.0f} bytes per row"


def test_the_parser_yields_bounded_chunks() -> None:
    data = price_file(12_345)
    chunks = list(iter_price_chunks(io.BytesIO(data), chunk_rows=5_000))
    assert [len(c.frame) for c in chunks] == [5_000, 5_000, 2_345]
    assert chunks[0].layout == "yahoo"
    assert chunks[-1].frame["line"].iloc[-1] == 12_346


def test_importing_a_file_for_an_unresolved_asset_resolves_it(tmp_path: Path) -> None:
    # As a portfolio leaves a symbol nobody has described yet: no preferred source.
    Asset.objects.create(
        symbol="VOO", name="VOO", category="stock", exchange="XNYS", currency="USD",
        preferred_source="",
    )  # fmt: skip
    good = tmp_path / "voo.csv"
    good.write_text("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n")

    code, out = run("import-prices", str(good), "--symbol", "VOO", "--category", "etf")

    assert code == 0, out
    voo = Asset.objects.get(symbol="VOO")
    assert (voo.preferred_source, voo.category) == ("csv", "etf")
    assert DailyPrice.objects.filter(asset=voo, source="csv").count() == 1
