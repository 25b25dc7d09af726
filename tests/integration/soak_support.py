"""Machinery of the soak test: its own PostgreSQL database and Redis DB, the processes an operator
starts (README "From one machine to many"), WebSocket clients, readiness and RSS samplers."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse, urlunparse

import psycopg
import redis

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]


def wait_for(check: Callable[[], T | None], *, timeout: float, what: str, every: float = 0.5) -> T:
    """Poll ``check`` until it answers something truthy; fail saying ``what`` was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


# --- Database and Redis of its own ---------------------------------------------------------


def soak_database_url(database_url: str) -> str:
    """The soak's own database beside the suite's: ``<name>_soaktest`` on the same server."""
    parsed = urlparse(database_url)
    name = parsed.path.lstrip("/") or "stockvis"
    return urlunparse(parsed._replace(path=f"/{name}_soaktest"))


def _admin_url(database_url: str) -> str:
    return urlunparse(urlparse(database_url)._replace(path="/postgres"))


def _dbname(database_url: str) -> str:
    return urlparse(database_url).path.lstrip("/")


def database_recreate(database_url: str) -> None:
    name = _dbname(database_url)
    with psycopg.connect(_admin_url(database_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def database_drop(database_url: str) -> None:
    with psycopg.connect(_admin_url(database_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_dbname(database_url)}" WITH (FORCE)')


def query(database_url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(database_url, autocommit=True) as conn:
        return list(conn.execute(sql, params).fetchall())


def redis_flush(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        client.flushdb()
    finally:
        client.close()


def broker_backlog(redis_url: str, queues: tuple[str, ...] = ("high", "default", "low")) -> int:
    """Messages waiting in the Celery queues (kombu's lists, one per priority step) plus those
    delivered and not yet acknowledged."""
    client = redis.Redis.from_url(redis_url)
    try:
        keys = [
            q + suffix for q in queues for suffix in ("", "\x06\x163", "\x06\x166", "\x06\x169")
        ]
        return int(client.hlen("unacked")) + sum(int(client.llen(key)) for key in keys)
    finally:
        client.close()


# --- Processes ------------------------------------------------------------------------------


def venv_bin(name: str) -> str:
    """A console script of the environment running the tests (uvicorn, celery, stockvis)."""
    return str(Path(sys.executable).parent / name)


@dataclass
class Service:
    """One long-running process, started in a session of its own so that SIGKILL can take its
    whole process group (a Celery worker and its pool children), as a crash or the OOM killer do."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen[bytes] | None = None
    starts: int = 0

    def start(self) -> None:
        self.starts += 1
        with self.log.open("ab") as out:
            out.write(f"--- start {self.starts}: {' '.join(self.argv)}\n".encode())
            out.flush()
            self.popen = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill_group(self) -> None:
        os.killpg(self.pid, signal.SIGKILL)
        assert self.popen is not None
        self.popen.wait(timeout=10)

    def stop(self, timeout: float = 30.0, dump_after: float | None = None) -> int | None:
        """SIGTERM (a worker finishes its task first), then SIGKILL after ``timeout``. With
        ``dump_after``, a process still running that long after SIGTERM gets SIGUSR1 once: the
        web process then writes every asyncio task's stack into its log (stockvis.core.taskdump)."""
        if self.popen is None:
            return None
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                if dump_after is not None:
                    try:
                        self.popen.wait(timeout=dump_after)
                    except subprocess.TimeoutExpired:
                        self.popen.send_signal(signal.SIGUSR1)
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                # Hung: SIGABRT makes Python's faulthandler (PYTHONFAULTHANDLER) write every
                # thread's stack into the log, then the group goes.
                with contextlib.suppress(ProcessLookupError, subprocess.TimeoutExpired):
                    self.popen.send_signal(signal.SIGABRT)
                    self.popen.wait(timeout=5)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
                return None
        return self.popen.returncode

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def run_once(argv: list[str], env: dict[str, str], timeout: float = 120) -> str:
    done = subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr}"
    return done.stdout


# --- Memory ---------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def ancestors(pid: int) -> list[int]:
    """The process and its parents up to init, from /proc."""
    chain = []
    while pid > 1:
        chain.append(pid)
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    return chain


def rss_kb(pid: int) -> int:
    """VmRSS of a process and its descendants (a worker's pool children), in KiB; 0 if gone."""
    own = 0
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            own = int(line.split()[1])
    return own + sum(rss_kb(child) for child in _children(pid))


class Sampler(threading.Thread):
    """Calls ``probe`` every ``every`` seconds and keeps (seconds since start, result)."""

    def __init__(self, probe: Callable[[], Any], every: float) -> None:
        super().__init__(daemon=True)
        self.probe = probe
        self.every = every
        self.started = time.monotonic()
        self.samples: list[tuple[float, Any]] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            with contextlib.suppress(Exception):
                self.samples.append((time.monotonic() - self.started, self.probe()))
            self._halt.wait(self.every)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=10)


# --- HTTP and WebSockets --------------------------------------------------------------------


def http_json(
    url: str, *, data: dict[str, Any] | None = None, token: str | None = None
) -> tuple[int, Any]:
    """(status, JSON body); status 0 when nothing answered."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = None if data is None else json.dumps(data).encode()
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        text = exc.read()
        try:
            return exc.code, json.loads(text or b"null")
        except ValueError:
            return exc.code, text.decode(errors="replace")
    except OSError as exc:  # not listening (yet), reset, timed out
        return 0, str(exc)


@dataclass
class WsClient:
    name: str
    url: str
    received: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)

    def of_type(self, kind: str) -> list[tuple[float, dict[str, Any]]]:
        return [(at, m) for at, m in self.received if m.get("type") == kind]

    def max_gap(self, start: float, end: float) -> float:
        times = [start, *(at for at, _ in self.received if start <= at <= end), end]
        return max(b - a for a, b in itertools.pairwise(times))


class WsClients:
    """WebSocket clients on one asyncio loop in a thread; each keeps every message with its
    arrival time (time.time()), and reconnects (noting why) if the server drops it."""

    def __init__(self) -> None:
        self.clients: list[WsClient] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def open(self, name: str, url: str) -> WsClient:
        client = WsClient(name, url)
        self.clients.append(client)
        asyncio.run_coroutine_threadsafe(self._read(client), self.loop)
        return client

    async def _read(self, client: WsClient) -> None:
        from websockets.asyncio.client import connect

        while True:
            try:
                async with connect(client.url, open_timeout=20) as socket:
                    async for raw in socket:
                        client.received.append((time.time(), json.loads(raw)))
                client.closed.append("closed by the server")
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                client.closed.append(f"{type(exc).__name__}: {exc}")
            await asyncio.sleep(1)

    async def _close_all(self) -> None:
        # Cancelled, each client leaves its `async with` and closes its socket properly: a web
        # server stopping waits for the sockets still open.
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._close_all(), self.loop).result(timeout=20)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


@contextlib.contextmanager
def timed(label: str, into: dict[str, float]) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    finally:
        into[label] = round(time.monotonic() - started, 1)
