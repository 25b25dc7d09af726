"""The bulk price upsert: one statement per batch, keyed on (asset, date, source), that counts
what it inserted, changed and left alone.

The rule for ``ingested_at``: it is the time the stored values were last written. A new row gets
it; a row whose open/high/low/close/volume differ from what is stored is rewritten and gets a new
one; a row that arrives again unchanged is not touched at all (no write, no WAL, no dead tuple,
no cache bump). That is what makes re-ingesting a large unchanged history cheap, and it lets
``ingested_at`` answer "when did this number last change". The job run records that the unchanged
rows were seen (its ``unchanged`` count).

PostgreSQL: the bars of an asset with no stored row of the source between their first and last
date (a first ingest, or the days after the last stored one) are COPYed straight into the table,
inside a savepoint: should a concurrent writer have stored some of them since that check, the
unique constraint stops the COPY, the savepoint undoes it and those bars take the merge path. The
merge path: COPY into a temporary table, then one ``INSERT ... SELECT`` that skips unchanged rows
through an anti-join before they reach the conflict path (a conflicting row would otherwise be
locked even when nothing changes), with ``ON CONFLICT DO UPDATE ... WHERE`` as the guard for rows a
concurrent writer inserted meanwhile. ``xmax = 0`` in ``RETURNING`` tells inserted rows from
updated ones. SQLite: each asset's stored window is read once and compared with the incoming bars
in numpy; only new and changed rows go to an ``executemany`` of an ``INSERT ... ON CONFLICT DO
UPDATE ... WHERE`` (the caller's transaction holds the write lock, so what was read stays true).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from django.db import connection as default_connection
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from stockvis.market.models import PriceBarBase

if TYPE_CHECKING:
    import psycopg

PRICE_FIELDS: tuple[str, ...] = ("open", "high", "low", "close", "volume")
_SQLITE_BATCH = 50_000


@dataclass(frozen=True)
class UpsertCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )

    @property
    def written(self) -> int:
        return self.inserted + self.updated

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged

    def as_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged}


@dataclass(frozen=True, eq=False)
class BarColumns:
    """Bars ready for the database: parallel columns, one row per (asset, date)."""

    asset_ids: np.ndarray
    dates: np.ndarray  # datetime64[D]
    values: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.dates)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, asset_id: int) -> BarColumns:
        dates = frame["date"].to_numpy(dtype="datetime64[D]")
        return cls(
            asset_ids=np.full(len(dates), asset_id, dtype=np.int64),
            dates=dates,
            values={f: frame[f].to_numpy(dtype="float64") for f in PRICE_FIELDS},
        )

    def subset(self, mask: np.ndarray) -> BarColumns:
        return BarColumns(
            asset_ids=self.asset_ids[mask],
            dates=self.dates[mask],
            values={name: column[mask] for name, column in self.values.items()},
        )


def bars_upsert(
    *,
    model: type[PriceBarBase],
    bars: BarColumns,
    source: str,
    now: dt.datetime,
    using: BaseDatabaseWrapper | None = None,
) -> UpsertCounts:
    """Insert new bars, rewrite changed ones, leave unchanged ones alone; call inside a
    transaction. Dates must be unique per asset within ``bars``."""
    conn = using or default_connection
    if len(bars) == 0:
        return UpsertCounts()
    with transaction.atomic(using=conn.alias):
        if conn.vendor == "postgresql":
            # Raw psycopg cursors raise psycopg's errors: make them Django's, as the ORM does.
            with conn.wrap_database_errors:
                return _postgres_upsert(conn, model, bars, source, now)
        if conn.vendor == "sqlite":
            return _sqlite_upsert(conn, model, bars, source, now)
        return _generic_upsert(model, bars, source, now)


def _names(model: type[PriceBarBase], conn: BaseDatabaseWrapper) -> tuple[str, list[str]]:
    quote = conn.ops.quote_name
    columns = ["asset_id", "date", "source", *PRICE_FIELDS]
    return quote(model._meta.db_table), [quote(c) for c in columns]


def _postgres_upsert(
    conn: BaseDatabaseWrapper,
    model: type[PriceBarBase],
    bars: BarColumns,
    source: str,
    now: dt.datetime,
) -> UpsertCounts:
    """Bars of assets with nothing stored in their window go straight into the table with COPY;
    the others (and all of them when a concurrent writer got there first) take the merge path."""
    from psycopg.errors import UniqueViolation

    table, _ = _names(model, conn)
    overlapping = _overlapping_assets(conn, table, bars, source)
    fresh = ~np.isin(bars.asset_ids, overlapping)
    if not fresh.any():
        return _postgres_merge(conn, model, bars, source, now)
    new_bars = bars.subset(fresh)
    try:
        # A savepoint: a unique violation (a concurrent writer stored some of these rows since
        # the check above) undoes only the COPY, and the merge path then counts them right.
        with transaction.atomic(using=conn.alias), conn.cursor() as cursor:
            _copy_into_table(cursor.cursor, table, new_bars, source, now)
        counts = UpsertCounts(inserted=len(new_bars))
    except UniqueViolation:
        counts = _postgres_merge(conn, model, new_bars, source, now)
    if fresh.all():
        return counts
    return counts + _postgres_merge(conn, model, bars.subset(~fresh), source, now)


def _overlapping_assets(
    conn: BaseDatabaseWrapper, table: str, bars: BarColumns, source: str
) -> list[int]:
    """The assets of ``bars`` with a stored row of ``source`` between their first and last date:
    one index range probe per asset."""
    order = np.argsort(bars.asset_ids, kind="stable")
    ids, starts = np.unique(bars.asset_ids[order], return_index=True)
    dates = bars.dates[order]
    firsts = np.minimum.reduceat(dates.astype(np.int64), starts).astype("datetime64[D]")
    lasts = np.maximum.reduceat(dates.astype(np.int64), starts).astype("datetime64[D]")
    with conn.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT w.asset_id FROM unnest(%s::bigint[], %s::date[], %s::date[])
                AS w(asset_id, first, last)
            WHERE EXISTS (
                SELECT 1 FROM {table} t
                WHERE t.asset_id = w.asset_id AND t.source = %s
                  AND t.date >= w.first AND t.date <= w.last
            )
            """,
            [ids.tolist(), firsts.tolist(), lasts.tolist(), source],
        )
        return [int(row[0]) for row in cursor.fetchall()]


def _copy_into_table(
    raw: psycopg.Cursor[object], table: str, bars: BarColumns, source: str, now: dt.datetime
) -> None:
    stamp = (now - _PG_EPOCH_UTC) // dt.timedelta(microseconds=1)
    payload = copy_binary(
        [
            ("bigint", bars.asset_ids),
            ("date", bars.dates),
            ("bytes", np.array([source.encode()])),
            *(("float8", bars.values[f]) for f in PRICE_FIELDS),
            ("timestamptz", np.full(len(bars), stamp, dtype=np.int64)),
        ]
    )
    columns = ", ".join(["asset_id", "date", "source", *PRICE_FIELDS, "ingested_at"])
    with raw.copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.write(payload)


def _postgres_merge(
    conn: BaseDatabaseWrapper,
    model: type[PriceBarBase],
    bars: BarColumns,
    source: str,
    now: dt.datetime,
) -> UpsertCounts:
    table, columns = _names(model, conn)
    value_cols = columns[3:]
    staging = "_stockvis_bars_staging"
    differs = " OR ".join(f"t.{c} IS DISTINCT FROM s.{c}" for c in value_cols)
    conflict_differs = " OR ".join(f"{table}.{c} IS DISTINCT FROM EXCLUDED.{c}" for c in value_cols)
    with conn.cursor() as cursor:
        raw = cursor.cursor  # psycopg 3 cursor, for COPY
        raw.execute(f"DROP TABLE IF EXISTS pg_temp.{staging}")
        raw.execute(
            f"CREATE TEMPORARY TABLE {staging} (asset_id bigint, date date, "
            + ", ".join(f"{c} double precision" for c in value_cols)
            + ") ON COMMIT DROP"
        )
        copy_sql = (
            f"COPY {staging} (asset_id, date, {', '.join(value_cols)}) FROM STDIN (FORMAT BINARY)"
        )
        with raw.copy(copy_sql) as copy:
            copy.write(_copy_payload(bars))
        if len(bars) > 1000:
            # Row estimates decide between a hash join and index probes into the bar table.
            raw.execute(f"ANALYZE {staging}")
        raw.execute(
            f"""
            WITH written AS (
                INSERT INTO {table} ({", ".join(columns)}, ingested_at)
                SELECT s.asset_id, s.date, %(source)s, {", ".join(f"s.{c}" for c in value_cols)},
                       %(now)s
                FROM {staging} s
                LEFT JOIN {table} t
                  ON t.asset_id = s.asset_id AND t.date = s.date AND t.source = %(source)s
                WHERE t.asset_id IS NULL OR {differs}
                ORDER BY s.asset_id, s.date
                ON CONFLICT (asset_id, date, source) DO UPDATE SET
                    {", ".join(f"{c} = EXCLUDED.{c}" for c in value_cols)},
                    ingested_at = EXCLUDED.ingested_at
                WHERE {conflict_differs}
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)
            FROM written
            """,
            {"source": source, "now": now},
        )
        inserted, updated = raw.fetchone()
        raw.execute(f"DROP TABLE IF EXISTS pg_temp.{staging}")
    return UpsertCounts(int(inserted), int(updated), len(bars) - int(inserted) - int(updated))


_PG_EPOCH = np.datetime64("2000-01-01", "D")
_PG_EPOCH_UTC = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8
_COPY_TRAILER = b"\xff\xff"


def copy_binary(columns: list[tuple[str, np.ndarray]]) -> bytes:
    """Rows in PostgreSQL's binary COPY format, built column-wise with numpy, no Python loop.

    Every column is fixed width: ``bigint`` (int64), ``date`` (int32 days since 2000-01-01),
    ``double precision`` (float64), ``timestamptz`` (int64 microseconds since 2000-01-01 UTC) or
    ``bytes`` (one value repeated, e.g. the source). Values must not be null: the validators
    reject rows with missing values before they get here.
    """
    rows = len(columns[0][1])
    fields: list[tuple[str, str]] = [("count", ">i2")]
    data: dict[str, object] = {"count": len(columns)}
    for index, (kind, values) in enumerate(columns):
        value: np.ndarray
        if kind == "bigint":
            width, dtype, value = 8, ">i8", values.astype(np.int64)
        elif kind == "date":
            width, dtype = 4, ">i4"
            value = (values.astype("datetime64[D]") - _PG_EPOCH).astype(np.int32)
        elif kind == "float8":
            width, dtype, value = 8, ">f8", values.astype(np.float64)
        elif kind == "timestamptz":
            width, dtype, value = 8, ">i8", values.astype(np.int64)
        else:
            raw = bytes(values[0]) if len(values) else b""
            width, dtype, value = len(raw), f"S{max(len(raw), 1)}", np.full(rows, raw)
        fields += [(f"len{index}", ">i4"), (f"val{index}", dtype)]
        data[f"len{index}"] = width
        data[f"val{index}"] = value
    table = np.empty(rows, dtype=np.dtype(fields))
    for name, column in data.items():
        table[name] = column
    return _COPY_HEADER + table.tobytes() + _COPY_TRAILER


def _copy_payload(bars: BarColumns) -> bytes:
    return copy_binary(
        [
            ("bigint", bars.asset_ids),
            ("date", bars.dates),
            *(("float8", bars.values[f]) for f in PRICE_FIELDS),
        ]
    )


def _sqlite_upsert(
    conn: BaseDatabaseWrapper,
    model: type[PriceBarBase],
    bars: BarColumns,
    source: str,
    now: dt.datetime,
) -> UpsertCounts:
    """Read each asset's stored window once, compare it with the incoming bars in numpy and
    write only the new and changed rows (a re-ingest of an unchanged history writes nothing)."""
    table, columns = _names(model, conn)
    value_cols = columns[3:]
    stamp = conn.ops.adapt_datetimefield_value(now)
    with conn.cursor() as cursor:
        raw = cursor.cursor.connection  # sqlite3 connection: plain qmark execute and executemany
        found, same = _sqlite_stored_matches(raw, table, bars, source)
        write = ~same
        # The source and the stamp are the same for every row: SQL literals, not bound per row.
        literal_source, literal_stamp = _sqlite_literal(source), _sqlite_literal(str(stamp))
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}, ingested_at) "
            f"VALUES (?, ?, {literal_source}, {', '.join(['?'] * len(PRICE_FIELDS))}, "
            f"{literal_stamp}) "
            "ON CONFLICT (asset_id, date, source) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in value_cols)
            + ", ingested_at = excluded.ingested_at WHERE "
            + " OR ".join(f"{table}.{c} IS NOT excluded.{c}" for c in value_cols)
        )
        rows = zip(
            bars.asset_ids[write].tolist(),
            bars.dates[write].astype(str).tolist(),
            *(bars.values[f][write].tolist() for f in PRICE_FIELDS),
            strict=True,
        )
        batch: list[tuple[object, ...]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _SQLITE_BATCH:
                raw.executemany(sql, batch)
                batch = []
        if batch:
            raw.executemany(sql, batch)
    # The caller's transaction holds the write lock: what was read above is still what is stored.
    inserted = int((~found).sum())
    updated = int(write.sum()) - inserted
    return UpsertCounts(inserted, updated, len(bars) - inserted - updated)


_JULIAN_UNIX_EPOCH = 2440587.5


def _sqlite_stored_matches(
    raw: Any, table: str, bars: BarColumns, source: str
) -> tuple[np.ndarray, np.ndarray]:
    """Per incoming bar: is a row of its key stored, and is it stored with the same values."""
    found = np.zeros(len(bars), dtype=bool)
    same = np.zeros(len(bars), dtype=bool)
    order = np.argsort(bars.asset_ids, kind="stable")
    ids, starts = np.unique(bars.asset_ids[order], return_index=True)
    for asset_id, rows in zip(ids.tolist(), np.split(order, starts[1:]), strict=True):
        days = bars.dates[rows]
        # julianday() makes the date a number: no per-row date parsing on the way out.
        stored = raw.execute(
            f"SELECT julianday(date), {', '.join(PRICE_FIELDS)} FROM {table} "
            "WHERE asset_id = ? AND source = ? AND date >= ? AND date <= ? ORDER BY date",
            [asset_id, source, str(days.min()), str(days.max())],
        ).fetchall()
        if not stored:
            continue
        table_ = np.asarray(stored, dtype=np.float64)
        stored_days = np.rint(table_[:, 0] - _JULIAN_UNIX_EPOCH).astype("datetime64[D]")
        at = np.searchsorted(stored_days, days).clip(max=len(stored_days) - 1)
        hit = stored_days[at] == days
        incoming = np.column_stack([bars.values[f][rows] for f in PRICE_FIELDS])
        found[rows] = hit
        same[rows] = hit & (incoming == table_[at, 1:]).all(axis=1)
    return found, same


def _sqlite_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _generic_upsert(
    model: type[PriceBarBase], bars: BarColumns, source: str, now: dt.datetime
) -> UpsertCounts:
    """Any other database: read what is stored, write only the new and changed rows."""
    manager = model._default_manager
    inserted = updated = unchanged = 0
    to_write: list[PriceBarBase] = []
    for asset_id in np.unique(bars.asset_ids).tolist():
        mask = bars.asset_ids == asset_id
        days = [d.item() for d in bars.dates[mask]]
        stored = {
            row[0]: tuple(row[1:])
            for row in manager.filter(
                asset_id=asset_id, source=source, date__gte=min(days), date__lte=max(days)
            ).values_list("date", *PRICE_FIELDS)
        }
        columns = [bars.values[f][mask].tolist() for f in PRICE_FIELDS]
        for i, day in enumerate(days):
            values = tuple(col[i] for col in columns)
            old = stored.get(day)
            if old is None:
                inserted += 1
            elif old == values:
                unchanged += 1
                continue
            else:
                updated += 1
            to_write.append(
                model(
                    asset_id=asset_id,
                    date=day,
                    source=source,
                    ingested_at=now,
                    **dict(zip(PRICE_FIELDS, values, strict=True)),
                )
            )
    manager.bulk_create(
        to_write,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["asset", "date", "source"],
        update_fields=[*PRICE_FIELDS, "ingested_at"],
    )
    return UpsertCounts(inserted, updated, unchanged)
