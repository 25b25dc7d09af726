"""Shared output of the collection commands: plain tables, the job summary, the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from django.core.management.base import CommandParser
from tqdm import tqdm

from stockvis.collector.jobs import AssetResult, JobReport
from stockvis.providers.base import UNREACHABLE, DataKind

_MAX_LISTED = 20
_FIRST_WARNINGS = 5
UNREACHABLE_NEXT = (
    "nothing stored was changed; check the network connection and run the command again, or "
    "import a downloaded file with `stockvis import-prices FILE --symbol SYMBOL`"
)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[("-" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def job_summary(report: JobReport) -> str:
    totals = report.totals
    job = report.job
    lines = [
        f"Job {job.job_name} #{job.pk}: {job.status}",
        f"  assets: {report.ok} ok, {report.partial} partial, {report.failed} failed",
        f"  rows: {totals.inserted} inserted, {totals.updated} updated, "
        f"{totals.unchanged} unchanged",
        f"  warnings: {report.warnings}",
        f"  elapsed: {report.elapsed:.1f}s",
    ]
    # Rejected rows first: they say why data was not stored, which is what a reader needs.
    warned = [
        (r.symbol, w)
        for r in report.results
        for w in sorted(r.warnings, key=lambda w: "rejected" not in w)[:_FIRST_WARNINGS]
    ]
    if warned:
        lines.append("  first warnings (all in `stockvis jobs` and the job's results):")
        lines += [f"    {symbol}: {w}" for symbol, w in warned[:_FIRST_WARNINGS]]
    noted = [(r.symbol, note) for r in report.results for note in r.notes]
    if noted:
        lines.append("  notes:")
        lines += [f"    {symbol}: {note}" for symbol, note in noted[:_MAX_LISTED]]
    failed = [r for r in report.results if r.error]
    if failed:
        lines.append("  failed:")
        lines += [f"    {r.symbol}: {r.error}" for r in failed]
    if any(UNREACHABLE in (r.error or "") for r in failed):
        lines.append(f"  next: {UNREACHABLE_NEXT}")
    return "\n".join(lines)


def parse_kinds(text: str | None) -> list[DataKind] | None:
    if not text:
        return None
    kinds = []
    for part in text.split(","):
        name = part.strip().lower()
        if not name:
            continue
        try:
            kinds.append(DataKind(name))
        except ValueError:
            choices = ", ".join(k.value for k in DataKind)
            raise ValueError(f"unknown data kind {name!r}; choose from {choices}") from None
    return kinds


def parse_symbols(text: str | None) -> list[str] | None:
    if not text:
        return None
    return [s.strip() for s in text.split(",") if s.strip()]


@contextmanager
def progress_bar(
    *, enabled: bool, stream: TextIO = sys.stderr
) -> Iterator[Callable[[int, int, AssetResult], None] | None]:
    """A tqdm bar over assets on a terminal; nothing when output goes to a file or pipe."""
    if not (enabled and stream.isatty()):
        yield None
        return
    bar: Any = tqdm(total=0, unit="asset", file=stream, dynamic_ncols=True)

    def advance(done: int, total: int, result: AssetResult) -> None:
        bar.total = total
        bar.set_postfix_str(f"{result.symbol} {result.status}")
        bar.update(1)

    try:
        yield advance
    finally:
        bar.close()


def describe_arguments(parser: CommandParser) -> None:
    """--name, --category, --exchange, --currency: what the user says an asset is."""
    parser.add_argument("--name", help="The asset's name (default: the symbol).")
    parser.add_argument(
        "--category", help="stock, etf, index, crypto, commodity or fx (default: stock)."
    )
    parser.add_argument(
        "--exchange",
        help="Calendar code: XNYS, XNAS, XKRX, 24/7, 24/5 (default: from the symbol's shape: "
        "six digits XKRX, letters XNYS).",
    )
    parser.add_argument(
        "--currency", help="3-letter code (default: KRW for six digits, USD for letters)."
    )


def described_by_user(options: dict[str, Any]) -> dict[str, str]:
    return {
        key: options[key]
        for key in ("name", "category", "exchange", "currency")
        if options.get(key) is not None
    }
