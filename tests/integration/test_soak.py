"""The soak test: the scale-out shape for real, on PostgreSQL and Redis, with a worker killed.

What runs (as README "From one machine to many" tells an operator): `stockvis migrate`,
`stockvis seed_demo`, one web (uvicorn), two Celery workers (`high,default` and `default,low`),
beat and the feed, on the offline synthetic provider, with the collection scheduled every minute
(SCHEDULE_COLLECT_*). The workload: three users holding crypto with price alerts set inside the
coming minutes' live range, WebSocket clients on symbols and on /ws/portfolio/, the scheduled
collections, and a batch of long collections. While a job of that batch is running, its worker
is killed with SIGKILL (its whole process group, as the OOM killer or a power cut would), then
started again. After about three minutes everything gets SIGTERM, and the test asserts:

- no job lost: every job run is finished; the killed one is marked failed (its process is gone,
  found by the restarted worker) and the same collection ran again to success from the
  *redelivered* task (late acknowledgement: the broker hands the unacknowledged message out again
  after the visibility timeout, twice CELERY_TASK_TIME_LIMIT, set to 30 s here);
- nothing applied twice with a different result: no bar duplicated on its natural key; a clean
  re-run of the killed collection finds every bar unchanged; each alert's notifications match
  its trigger count, each at a live price meeting its condition, with a re-arm between two;
  each pushed exactly once over /ws/portfolio/;
- memory flat: the RSS of web, surviving worker, beat and feed grows less than RSS_GROWTH_BOUND (5 %, soak_checks.py)
  from the first minute to the end;
- the sockets kept receiving while the worker was dead, and /healthz/ready said 503 with the
  orphaned queue named while no worker consumed it, then 200 again.

Its own database (`<DATABASE_URL name>_soaktest`, created and dropped here) and Redis DB
(SOAK_REDIS_URL, default REDIS_URL's: the suite flushes that one before each test anyway).
SOAK_SECONDS (120) sets the length of the run, SOAK_PORT (8120) the web port.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

import pytest
from celery import Celery

from tests.integration.soak_checks import CRYPTO, assert_and_report, live_price
from tests.integration.soak_support import (
    Sampler,
    Service,
    WsClients,
    ancestors,
    broker_backlog,
    database_drop,
    database_recreate,
    http_json,
    query,
    redis_flush,
    rss_kb,
    run_once,
    soak_database_url,
    timed,
    venv_bin,
    wait_for,
)

pytestmark = pytest.mark.integration

RUN_SECONDS = float(os.environ.get("SOAK_SECONDS", "120"))
PORT = int(os.environ.get("SOAK_PORT", "8120"))
TASK_TIME_LIMIT = 30  # so the visibility timeout (twice it) passes within the run
# Beat records its heartbeat as it ticks, at least every 10 s (CELERY_BEAT_MAX_LOOP_INTERVAL), a
# little later on a busy machine: 12 s made readiness blink once in a run; 20 s is twice that.
STALE_AFTER = 20.0


def _environment(database_url: str, redis_url: str, var_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CELERY_", "SCHEDULE_", "DJANGO_", "PYTEST"))
    }
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        VAR_DIR=str(var_dir),
        STOCKVIS_ENV="development",
        DEMO_DATA="false",
        LOG_FORMAT="text",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
        PYTHONFAULTHANDLER="1",
        HEALTH_READY_COMPONENTS="worker,beat,feed",
        HEARTBEAT_INTERVAL="2",
        HEALTH_STALE_AFTER=str(STALE_AFTER),
        CELERY_TASK_TIME_LIMIT=str(TASK_TIME_LIMIT),
        WS_HEARTBEAT_SECONDS="5",
        THROTTLE_AUTH="1000/min",
        THROTTLE_AUTH_USERNAME="1000/hour",
        # The schedule, shortened: every market's collection every minute, portfolio snapshots
        # too; the daily health check (which also reaps dead jobs) and ML stay out of the way.
        SCHEDULE_COLLECT_KR="* * * * *",
        SCHEDULE_COLLECT_US="* * * * *",
        SCHEDULE_COLLECT_GLOBAL="* * * * *",
        SCHEDULE_PORTFOLIO_SNAPSHOTS_INTRADAY="* * * * *",
        SCHEDULE_COLLECTOR_HEALTHCHECK="off",
        SCHEDULE_ML_RETRAIN="off",
        SCHEDULE_ML_PREDICT_KR="off",
        SCHEDULE_ML_PREDICT_US="off",
        SCHEDULE_ML_PREDICT_GLOBAL="off",
    )
    return env


def test_two_workers_beat_and_feed_survive_a_worker_killed_mid_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database_url = soak_database_url(os.environ["DATABASE_URL"])
    redis_url = os.environ.get("SOAK_REDIS_URL") or os.environ["REDIS_URL"]
    env = _environment(database_url, redis_url, tmp_path / "var")
    base = f"http://127.0.0.1:{PORT}"
    api = f"{base}/api/v1/users"
    phases: dict[str, float] = {}
    started = time.monotonic()

    assert http_json(f"{base}/healthz")[0] == 0, f"something already listens on port {PORT}"
    database_recreate(database_url)
    redis_flush(redis_url)
    worker_argv = [venv_bin("celery"), "-A", "config", "worker", "--concurrency", "1"]
    worker_argv += ["--without-gossip", "--without-mingle", "--loglevel", "INFO"]
    services = {
        name: Service(name, argv, env, tmp_path / f"{name}.log")
        for name, argv in {
            "web": [
                venv_bin("uvicorn"),
                "config.asgi:application",
                "--port",
                str(PORT),
                "--ws-per-message-deflate",
                "false",
                "--timeout-graceful-shutdown",
                "20",
            ],
            "worker-1": [*worker_argv, "-Q", "high,default", "-n", "w1@%h"],
            "worker-2": [*worker_argv, "-Q", "default,low", "-n", "w2@%h"],
            "beat": [
                venv_bin("celery"),
                "-A",
                "config",
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                "-",
            ],
            "feed": [venv_bin("stockvis"), "feed"],
        }.items()
    }
    services["beat"].argv[-1] = str(tmp_path / "var" / "celerybeat-schedule")
    clients = WsClients()
    readiness = rss = None
    try:
        with timed("migrate and seed", phases):
            run_once([venv_bin("stockvis"), "migrate", "--no-input"], env)
            run_once([venv_bin("stockvis"), "seed_demo", "--years", "1"], env)

        with timed("start until ready", phases):
            for service in services.values():
                service.start()
            wait_for(
                lambda: http_json(f"{base}/healthz/ready")[0] == 200,
                timeout=90,
                what="/healthz/ready to answer 200 (web, both workers, beat, feed)",
            )

        # --- Workload: sockets on the crypto symbols (they trade on any day), then users. ----
        stock_clients = {
            s: clients.open(s, f"ws://127.0.0.1:{PORT}/ws/stocks/{s}/") for s in CRYPTO
        }
        # A closed market: its socket lives on heartbeats (WS_HEARTBEAT_SECONDS, 5 s here).
        closed_market = clients.open("AAPL", f"ws://127.0.0.1:{PORT}/ws/stocks/AAPL/")
        previous_close: dict[str, float] = {}
        for symbol, client in stock_clients.items():
            update = wait_for(
                lambda c=client: c.of_type("price_update"), timeout=30, what=f"{symbol} updates"
            )[0][1]
            previous_close[symbol] = round(update["price"] - update["change"], 6)
        # Thresholds inside the range the (deterministic) walk will cover during the run, so
        # that alerts cross back and forth: quantiles of its coming prices.
        now = dt.datetime.now(dt.UTC)
        coming = {
            s: sorted(
                p
                for k in range(20, int(RUN_SECONDS))
                if (p := live_price(s, previous_close[s], now + dt.timedelta(seconds=k)))
            )
            for s in CRYPTO
        }

        def level(symbol: str, q: float) -> str:
            return str(int(coming[symbol][int(q * (len(coming[symbol]) - 1))]))

        plans = [
            [("BTC-KRW", "price_above", 0.5), ("ETH-KRW", "price_below", 0.3)],
            [("BTC-KRW", "price_below", 0.5), ("ETH-KRW", "price_above", 0.7)],
            [("BTC-KRW", "price_above", 0.7), ("ETH-KRW", "price_above", 0.5)],
        ]
        users: dict[str, dict[str, Any]] = {}
        portfolio_clients = {}
        with timed("users, holdings, alerts", phases):
            for i, plan in enumerate(plans, start=1):
                name = f"soak{i}"
                status, body = http_json(
                    f"{api}/register/",
                    data={
                        "username": name,
                        "password": "a-long-passphrase",
                        "base_currency": "KRW",
                    },
                )
                assert status == 201, body
                token = body["access"]
                for symbol in CRYPTO:
                    status, body = http_json(
                        f"{api}/portfolio/",
                        token=token,
                        data={
                            "symbol": symbol,
                            "quantity": "0.5",
                            "average_price": str(int(previous_close[symbol])),
                            "acquired_on": "2026-01-02",
                        },
                    )
                    assert status == 201, body
                for symbol, kind, q in plan:
                    status, body = http_json(
                        f"{api}/alerts/",
                        token=token,
                        data={"symbol": symbol, "kind": kind, "threshold": level(symbol, q)},
                    )
                    assert status == 201, body
                users[name] = {"token": token}
                portfolio_clients[name] = clients.open(
                    name, f"ws://127.0.0.1:{PORT}/ws/portfolio/?token={token}"
                )
            for name, client in portfolio_clients.items():
                wait_for(
                    lambda c=client: c.of_type("portfolio_update"),
                    timeout=30,
                    what=f"{name}'s first portfolio_update",
                )

        # --- The run: memory and readiness sampled from here on. --------------------------------
        run_started = time.monotonic()
        run_started_at = dt.datetime.now(dt.UTC)
        run_wall = time.time()

        def memory() -> dict[str, int]:
            return {n: rss_kb(s.pid) for n, s in services.items() if s.alive()}

        def ready() -> tuple[int, str]:
            """The status and the worker's detail (and any other part that is not fine)."""
            status, body = http_json(f"{base}/healthz/ready")
            if status not in (200, 503):
                return status, str(body)[:200]
            parts = {**body["services"], **body["processes"]}
            others = [
                f"{n}: {p['detail']}" for n, p in parts.items() if not p["ok"] and n != "worker"
            ]
            return status, "; ".join([body["processes"]["worker"]["detail"], *others])

        rss = Sampler(memory, every=2.0)
        readiness = Sampler(ready, every=1.0)
        rss.start()
        readiness.start()

        # A batch of long collections (400 and 401 days, so each run is told apart by its
        # parameters); kill the worker running the first as soon as its job run is "running".
        wait_for(lambda: time.monotonic() - run_started > 20, timeout=30, what="20 s of run")
        broker = Celery("soak-client", broker=redis_url)
        for days in (400, 401):
            broker.send_task(
                "stockvis.collector.tasks.collect_assets",
                kwargs={"days": days, "kinds": ["daily", "weekly"]},
                queue="default",
            )
        today = dt.date.today()
        victim_start = (today - dt.timedelta(days=399)).isoformat()
        running = wait_for(
            lambda: query(
                database_url,
                "SELECT id, pid FROM collector_jobrun WHERE status = 'running' "
                "AND parameters->>'start' = %s",
                (victim_start,),
            ),
            timeout=60,
            every=0.1,
            what="the 400-day collection to be running",
        )
        killed_job, job_pid = running[0]
        workers = {s.pid: s for s in services.values() if s.name.startswith("worker")}
        line = ancestors(job_pid)
        victim = next((workers[p] for p in line if p in workers), None)
        assert victim is not None, f"job pid {job_pid} (ancestry {line}) is in no worker {workers}"
        survivor = "worker-2" if victim.name == "worker-1" else "worker-1"
        orphaned = "high" if victim.name == "worker-1" else "low"
        killed_at = time.monotonic()
        killed_wall = time.time()
        victim.kill_group()

        not_ready = wait_for(
            lambda: (r := ready())[0] == 503 and f"no worker for queue {orphaned}" in r[1] and r,
            timeout=STALE_AFTER + 15,
            what=f"readiness to say no worker consumes {orphaned}",
        )
        not_ready_after = time.monotonic() - killed_at
        # Messages received while no worker consumed the queue.
        dead_window = (killed_wall, time.time())
        victim.start()
        restarted_at = time.monotonic()
        wait_for(lambda: ready()[0] == 200, timeout=60, what="readiness 200 after the restart")
        ready_again_after = time.monotonic() - restarted_at
        # The readiness sampler's clock: the kill, and the first 200 after the restart.
        unready_window = (killed_at - readiness.started, time.monotonic() - readiness.started)
        reaped = wait_for(
            lambda: query(
                database_url,
                "SELECT status, error_summary->>'message' FROM collector_jobrun WHERE id = %s "
                "AND status <> 'running'",
                (killed_job,),
            ),
            timeout=30,
            what="the killed job run to be marked failed by the restarted worker",
        )[0]
        rerun = wait_for(
            lambda: query(
                database_url,
                "SELECT id, status, started_at FROM collector_jobrun WHERE id > %s "
                "AND parameters->>'start' = %s AND status = 'success'",
                (killed_job, victim_start),
            ),
            timeout=2 * TASK_TIME_LIMIT + 60,
            what="the redelivered 400-day collection to run again to success",
        )[0]
        redelivered_after = (rerun[2] - run_started_at).total_seconds()

        wait_for(
            lambda: time.monotonic() - run_started >= RUN_SECONDS,
            timeout=RUN_SECONDS + 60,
            what="the end of the run",
        )
        run_ended = time.time()
        # Stopped as an operator would: beat first (nothing new is sent), the workers once the
        # broker holds nothing more for them, then the rest (in the `finally`).
        services["beat"].stop()
        wait_for(
            lambda: broker_backlog(redis_url) == 0,
            timeout=60,
            what="the workers to drain the queues",
        )
    finally:
        try:
            for sampler in (rss, readiness):
                if sampler is not None:
                    sampler.stop()
            clients.close()
        finally:
            # The web process should be gone within a second; if not, its log gets a task dump.
            exit_codes = {
                name: service.stop(dump_after=3.0 if name == "web" else None)
                for name, service in services.items()
            }

    try:
        assert_and_report(
            database_url=database_url,
            env=env,
            capsys=capsys,
            services=services,
            exit_codes=exit_codes,
            stock_clients={**stock_clients, "AAPL": closed_market},
            portfolio_clients=portfolio_clients,
            previous_close=previous_close,
            rss=rss,
            readiness=readiness,
            killed={
                "job": killed_job,
                "worker": victim.name,
                "survivor": survivor,
                "orphaned": orphaned,
                "reaped": reaped,
                "rerun": rerun,
                "victim_start": victim_start,
                "not_ready": not_ready,
                "not_ready_after": not_ready_after,
                "ready_again_after": ready_again_after,
                "redelivered_after": redelivered_after,
                "dead_window": dead_window,
                "unready_window": unready_window,
            },
            run=(run_wall, run_ended),
            phases=phases,
            started=started,
        )
    finally:
        database_drop(database_url)
        redis_flush(redis_url)
