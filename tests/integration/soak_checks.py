"""The soak test's checks and summary, once everything has stopped (see test_soak.py)."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from typing import Any

import pytest

from stockvis.core.calendars import session_bounds
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL
from stockvis.realtime.feed.walk import intraday_price
from tests.integration.soak_support import Sampler, Service, query, run_once, venv_bin

# RSS is 290-550 MB here (Django, pandas, TA-Lib loaded) and grew 0.0-0.5 % in every run once the
# first minute (imports, first requests, caches) was over. 5 % (15-27 MB) leaves room for the
# allocator and late caches, and trips on a leak of about 200 KB a second over the ~80 s between
# the two medians: a few hundred bytes per message, quote or request. A slower leak needs a
# longer soak than CI affords.
RSS_GROWTH_BOUND = 0.05
CRYPTO = ("BTC-KRW", "ETH-KRW")


def live_price(symbol: str, previous_close: float, at: dt.datetime) -> float | None:
    """The synthetic feed's price of ``symbol`` at ``at`` (the same function the feed runs)."""
    bounds = session_bounds(DEMO_BY_SYMBOL[symbol].exchange, at)
    if bounds is None:
        return None
    return intraday_price(
        symbol=symbol,
        previous_close=previous_close,
        daily_volatility=DEMO_BY_SYMBOL[symbol].volatility,
        session_open=bounds[0],
        session_close=bounds[1],
        at=at,
        decimals=0,
    )


def _holds(kind: str, threshold: float, price: float) -> bool:
    return price >= threshold if kind == "price_above" else price <= threshold


def _growth(samples: list[tuple[float, dict[str, int]]], name: str) -> tuple[int, int, float]:
    """Median RSS (KiB) of the first minute, of the last 20 s, and the growth between them."""
    series = [(t, s[name]) for t, s in samples if s.get(name)]
    first = [kb for t, kb in series if t <= 60]
    end_at = series[-1][0]
    last = [kb for t, kb in series if t >= end_at - 20]
    start, end = int(statistics.median(first)), int(statistics.median(last))
    return start, end, (end - start) / start


def assert_and_report(
    *,
    database_url: str,
    env: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    services: dict[str, Service],
    exit_codes: dict[str, int | None],
    stock_clients: dict[str, Any],
    portfolio_clients: dict[str, Any],
    previous_close: dict[str, float],
    rss: Sampler | None,
    readiness: Sampler | None,
    killed: dict[str, Any],
    run: tuple[float, float],
    phases: dict[str, float],
    started: float,
) -> None:
    assert rss is not None
    assert readiness is not None
    lines: list[str] = []

    # Stopped cleanly: every process ended on SIGTERM within the grace period.
    assert all(code is not None for code in exit_codes.values()), exit_codes

    # --- No job lost, nothing stuck. ---------------------------------------------------------
    jobs = query(
        database_url,
        "SELECT id, job_name, status, error_summary->>'message', parameters->>'start' "
        "FROM collector_jobrun WHERE job_name <> 'seed_demo' ORDER BY id",
    )
    assert [j for j in jobs if j[2] == "running"] == [], "job runs left running"
    not_ok = [j for j in jobs if j[2] != "success"]
    assert [j[0] for j in not_ok] == [killed["job"]], not_ok
    status, reason = killed["reaped"]
    assert status == "failure", killed["reaped"]
    assert "is gone (killed or crashed)" in reason, killed["reaped"]
    # The batch: both collections ended in success, the killed one through its redelivered task
    # (a job run of its unique parameters after the killed one; beat never sends those).
    batch_starts = {killed["victim_start"], (dt.date.today() - dt.timedelta(days=400)).isoformat()}
    batch_ok = [j for j in jobs if j[4] in batch_starts and j[2] == "success"]
    assert {j[4] for j in batch_ok} == batch_starts, batch_ok
    # Every collection beat sent ran (and succeeded, as checked above).
    beat_log = services["beat"].log.read_text(errors="replace")
    sent = {m: beat_log.count(f"Sending due task collect-{m} ") for m in ("kr", "us", "global")}
    ran = {m: sum(1 for j in jobs if j[1] == f"collect_{m}") for m in sent}
    assert all(sent.values()), f"beat sent no collections: {sent}"
    assert all(ran[m] >= sent[m] for m in sent), (sent, ran)
    lines.append(
        f"jobs: {len(jobs)} runs, {len(jobs) - len(not_ok)} succeeded; killed #{killed['job']} on "
        f"{killed['worker']} marked '{reason}'; re-run #{killed['rerun'][0]} (redelivered task) "
        f"succeeded {killed['redelivered_after']:.0f} s into the run; beat sent {sent}, ran {ran}"
    )

    # --- Nothing applied twice: natural keys unique, a clean re-run changes nothing. ---------
    counts = {}
    for table, key in (
        ("market_dailyprice", "asset_id, date, source"),
        ("market_weeklyprice", "asset_id, date, source"),
        ("realtime_intradaybar", "asset_id, start, source"),
    ):
        dupes = query(
            database_url, f"SELECT {key}, count(*) FROM {table} GROUP BY {key} HAVING count(*) > 1"
        )
        assert dupes == [], f"{table}: duplicated bars {dupes[:5]}"
        counts[table.split("_", 1)[1]] = query(database_url, f"SELECT count(*) FROM {table}")[0][0]
    run_once(
        [
            venv_bin("stockvis"),
            "collect",
            "--start",
            killed["victim_start"],
            "--data",
            "daily,weekly",
            "--no-progress",
        ],
        env,
    )
    results = query(
        database_url,
        "SELECT results FROM collector_jobrun WHERE job_name = 'collect' ORDER BY id DESC LIMIT 1",
    )[0][0]
    changed = {
        f"{symbol} {kind}": (c["inserted"], c["updated"])
        for symbol, r in results.items()
        for kind, c in r["kinds"].items()
        if c["inserted"] or c["updated"]
    }
    unchanged = sum(c["unchanged"] for r in results.values() for c in r["kinds"].values())
    assert changed == {}, f"a clean re-run of the killed collection changed bars: {changed}"
    assert unchanged > 5000
    lines.append(
        f"bars: {counts} (no duplicate on the natural key); a clean re-run of the killed "
        f"collection: {unchanged} bars unchanged, 0 inserted or updated"
    )

    # --- Alerts: one notification per crossing of the live price. ----------------------------
    alerts = query(
        database_url,
        "SELECT a.id, u.username, s.symbol, a.kind, a.threshold, a.trigger_count "
        "FROM portfolios_pricealert a JOIN accounts_user u ON u.id = a.owner_id "
        "JOIN market_asset s ON s.id = a.asset_id ORDER BY a.id",
    )
    # The previous close of each (UTC) session day, as the feed sent it, so that a run across
    # midnight recomputes the new session's walk from its own close.
    day_close = {
        (symbol, dt.date.fromisoformat(m["timestamp"][:10])): round(m["price"] - m["change"], 6)
        for symbol, client in stock_clients.items()
        if symbol in CRYPTO
        for _, m in client.of_type("price_update")
    }

    def live_at(symbol: str, at: dt.datetime) -> float | None:
        close = day_close.get((symbol, at.astimezone(dt.UTC).date()), previous_close[symbol])
        return live_price(symbol, close, at)

    fired = {}
    for alert_id, user, symbol, kind, threshold, triggers in alerts:
        notes = query(
            database_url,
            "SELECT id, created_at, data->>'price' FROM portfolios_notification "
            "WHERE alert_id = %s ORDER BY created_at",
            (alert_id,),
        )
        assert len(notes) == triggers, (alert_id, triggers, notes)
        fired[f"{user} {symbol} {kind} {threshold:.0f}"] = len(notes)
        limit = float(threshold)
        previous = None
        for note_id, at, price in notes:
            # The feed's price in the seconds before (its round's clock, then the write); at the
            # alert's creation too, as the market is in session.
            live = {live_at(symbol, at - dt.timedelta(seconds=k)) for k in range(11)}
            assert float(price) in live, f"notification {note_id} at {price}, not live {live}"
            assert _holds(kind, limit, float(price)), (note_id, kind, limit, price)
            if previous is not None:
                seconds = int((at - previous).total_seconds()) + 1
                rearmed = any(
                    not _holds(kind, limit, p)
                    for k in range(seconds)
                    if (p := live_at(symbol, previous + dt.timedelta(seconds=k)))
                )
                assert rearmed, (
                    f"alert {alert_id} fired again at {at} without a re-arm since {previous}"
                )
            previous = at
    assert sum(fired.values()) >= 3, f"too few alerts fired to prove anything: {fired}"

    # Each pushed once over /ws/portfolio/ to its owner (those fired while the socket was open).
    pushed_total = 0
    for user, client in portfolio_clients.items():
        pushed = [m["id"] for _, m in client.of_type("notification")]
        assert len(pushed) == len(set(pushed)), f"{user}: a notification pushed twice {pushed}"
        opened = dt.datetime.fromtimestamp(client.received[0][0] + 1, dt.UTC)
        stored = query(
            database_url,
            "SELECT n.id, n.created_at FROM portfolios_notification n JOIN accounts_user u "
            "ON u.id = n.owner_id WHERE u.username = %s",
            (user,),
        )
        ended = dt.datetime.fromtimestamp(run[1] - 2, dt.UTC)
        expected = {i for i, at in stored if opened < at < ended}
        assert expected <= set(pushed) <= {i for i, _ in stored}, (user, expected, pushed)
        pushed_total += len(pushed)
    lines.append(
        f"alerts: {sum(fired.values())} notifications over {len(fired)} alerts {fired}, each at a "
        f"live price after a re-arm; {pushed_total} pushed over /ws/portfolio/, none twice"
    )

    # --- The sockets kept receiving, the dead worker notwithstanding. ------------------------
    dead_from, dead_to = killed["dead_window"]
    everyone = {**stock_clients, **portfolio_clients}
    ws_line = []
    for name, client in everyone.items():
        assert client.closed == [], f"{name} was disconnected: {client.closed}"
        gap = client.max_gap(run[0], run[1])
        during = sum(1 for at, _ in client.received if dead_from <= at <= dead_to)
        assert gap < 10, f"{name}: {gap:.1f} s without a message"
        assert during > 0, f"{name}: nothing while the worker was dead"
        ws_line.append(f"{name} {len(client.received)} (max gap {gap:.1f} s)")
    lines.append("websocket messages: " + ", ".join(ws_line))

    # --- Readiness: 503 naming the orphaned queue while it had no worker, then 200. ---------
    statuses = [status for _, (status, _) in readiness.samples]
    first, last = killed["unready_window"]
    stray = [(round(t), r) for t, r in readiness.samples if r[0] != 200 and not first <= t <= last]
    assert stray == [], f"readiness not 200 outside the worker's death: {stray}"
    lines.append(
        f"readiness: 503 '{killed['not_ready'][1]}' {killed['not_ready_after']:.0f} s after the "
        f"kill, 200 again {killed['ready_again_after']:.0f} s after the restart; samples "
        f"{statuses.count(200)} x 200, {statuses.count(503)} x 503"
    )

    # --- Memory flat. --------------------------------------------------------------------
    memory = []
    for name in ("web", killed["survivor"], "beat", "feed"):
        first, last, growth = _growth(rss.samples, name)
        memory.append(f"{name} {first / 1024:.0f}->{last / 1024:.0f} MB ({growth:+.1%})")
        assert growth < RSS_GROWTH_BOUND, f"{name} RSS grew {growth:.1%}: {first} -> {last} KiB"
    lines.append(
        f"RSS, first minute -> last 20 s (bound {RSS_GROWTH_BOUND:.0%}): " + ", ".join(memory)
    )
    web_log = services["web"].log.read_text()
    cut_short = "timeout graceful shutdown exceeded" in web_log
    # Service.stop asks a web process still running 3 s after SIGTERM for a task dump.
    dumped = f" (slow: task dump in {services['web'].log})" if "--- task dump" in web_log else ""
    lines.append(
        f"web stop: {'cut short by --timeout-graceful-shutdown' if cut_short else 'graceful'}"
        f"{dumped}; "
        f"durations: {phases}, run {run[1] - run[0]:.0f} s, whole test "
        f"{time.monotonic() - started:.0f} s; exit codes {exit_codes}"
    )
    with capsys.disabled():
        print("\nsoak summary\n  " + "\n  ".join(lines))
