"""Benchmark of the HTTP stack: a cached chart against a bare Django view, over real HTTP."""

# Run with `uv run python -m bench.http`. A throwaway SQLite database gets one asset with 1,000
# daily bars; the real ASGI app (bench._http_app: config.asgi plus a bare view only this bench
# mounts) runs under uvicorn, one worker, on the embedded defaults (SQLite, file cache, no Redis),
# and `ab -k -c 10` (apache2-utils; a small asyncio keep-alive client when ab is missing) drives:
#   bare          a plain Django function view answering the same bytes as the cached chart,
#                 through the same middleware and server: the floor
#   chart cached  GET /api/v1/stocks/api/chart/BENCH/?period=1y answered from the cache
#   400           the same URL with period=bogus (rejected by the parameter validation)
# The variants run in rounds (one ab run of each per round) and each reports its median over the
# rounds, so a slow spell of this shared machine slows all of them alike. The throttles are on,
# at a rate no run reaches (THROTTLE_ANON=100000/s keeps DRF's request history as short as the
# default 600/min does: about one second's requests). uvicorn's access log is off for all three.
# `--profile` adds a cProfile breakdown of cached chart requests through Django's test client.
# Exits non-zero when the cached chart is under TARGET times the bare view's requests a second.

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

TARGET = 0.7
CHART_PATH = "/api/v1/stocks/api/chart/BENCH/?period=1y"
BAD_PATH = "/api/v1/stocks/api/chart/BENCH/?period=bogus"
BARE_PATH = "/bench/bare/"


def _environment(var_dir: Path) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir}/bench.sqlite3",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "THROTTLE_ANON": "100000/s",
        "THROTTLE_USER": "100000/s",
        "BENCH_BARE_BODY": str(var_dir / "bare-body.json"),
    }
    os.environ.update(env)
    os.environ.pop("REDIS_URL", None)
    return env


def _prepare(bars: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from bench.chart import _load_bars

    call_command("migrate", verbosity=0)
    _load_bars(bars)


def _wait_for(port: int, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"uvicorn did not listen on port {port} within {timeout:.0f} s")


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # loopback only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _ab(url: str, requests: int, concurrency: int) -> tuple[float, int]:
    """Requests a second and non-2xx answers of one `ab -k` run."""
    out = subprocess.run(
        ["ab", "-k", "-q", "-c", str(concurrency), "-n", str(requests), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = re.search(r"Requests per second:\s+([\d.]+)", out)
    failed = re.search(r"Non-2xx responses:\s+(\d+)", out)
    if rps is None:
        raise RuntimeError(f"ab printed no rate:\n{out}")
    return float(rps.group(1)), int(failed.group(1)) if failed else 0


async def _keepalive_client(
    port: int, path: str, requests: int, concurrency: int
) -> tuple[float, int]:
    """The same measurement without ab: `concurrency` keep-alive connections, HTTP/1.1."""
    remaining = requests
    non_2xx = 0
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()

    async def connection() -> None:
        nonlocal remaining, non_2xx
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while remaining > 0:
            remaining -= 1
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = re.search(rb"(?i)content-length:\s*(\d+)", head)
            await reader.readexactly(int(length.group(1)) if length else 0)
            if not 200 <= status < 300:
                non_2xx += 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return requests / (time.perf_counter() - started), non_2xx


def _drive(port: int, path: str, requests: int, concurrency: int) -> tuple[float, int]:
    if shutil.which("ab"):
        return _ab(f"http://127.0.0.1:{port}{path}", requests, concurrency)
    return asyncio.run(_keepalive_client(port, path, requests, concurrency))


def _profile(requests: int, top: int) -> None:
    """Where a cached chart's time goes, in-process through Django's test client."""
    from django.test import Client

    client = Client()
    for _ in range(20):
        assert client.get(CHART_PATH).status_code == 200
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(CHART_PATH)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(
        f"cProfile of {requests} cached chart requests (test client): {total / requests * 1e3:.3f} ms each"
    )
    stats.sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bars", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=2000, help="per ab run")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--port", type=int, default=8140)
    parser.add_argument("--profile", action="store_true", help="add a cProfile breakdown")
    args = parser.parse_args(argv)

    var_dir = Path(tempfile.mkdtemp(prefix="stockvis-bench-http-"))
    server: subprocess.Popen[bytes] | None = None
    try:
        env = _environment(var_dir)
        _prepare(args.bars)
        server_log = (var_dir / "server.log").open("wb")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "bench._http_app:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.port),
                "--workers",
                "1",
                "--lifespan",
                "off",
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            env={**os.environ, **env},
            # The server logs each 400 as production does; keep those lines out of the report.
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        _wait_for(args.port, server)
        base = f"http://127.0.0.1:{args.port}"
        status, body = _get(base + CHART_PATH)
        assert status == 200, (status, body[:200])
        Path(env["BENCH_BARE_BODY"]).write_bytes(body)
        assert _get(base + BARE_PATH) == (200, body)
        status, _ = _get(base + BAD_PATH)
        assert status == 400, status

        variants = {"bare": BARE_PATH, "chart cached": CHART_PATH, "400": BAD_PATH}
        for path in variants.values():  # warm-up: first-call costs are not what a server pays
            _drive(args.port, path, 200, args.concurrency)
        rates: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.rounds):
            for name, path in variants.items():
                rps, non_2xx = _drive(args.port, path, args.requests, args.concurrency)
                expected = args.requests if name == "400" else 0
                if non_2xx != expected:
                    raise RuntimeError(f"{name}: {non_2xx} non-2xx answers, expected {expected}")
                rates[name].append(rps)
        if args.profile:
            _profile(500, 30)
    except BaseException:
        log = var_dir / "server.log"
        if log.exists():
            print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)

    median = {name: statistics.median(values) for name, values in rates.items()}
    client = "ab -k" if shutil.which("ab") else "asyncio keep-alive client"
    print(
        f"HTTP stack: uvicorn, 1 worker, SQLite + file cache, {client} -c {args.concurrency}, "
        f"{len(body):,}-byte answers, median of {args.rounds} runs of {args.requests:,} requests"
    )
    for name, value in median.items():
        print(f"  {name:<14}{value:>9.0f} req/s   {value / median['bare']:5.2f}x bare")
    ratio = median["chart cached"] / median["bare"]
    print(f"cached chart is {ratio:.2f}x the bare view's rate (target >= {TARGET}x)")
    if ratio < TARGET:
        print("FAILED: the target was missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
