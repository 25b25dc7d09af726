"""Benchmark of WebSocket delivery: N clients over M symbols, one update per symbol a second.

Run with `uv run python -m bench.websocket [--layer embedded|redis|redis-pubsub|all]
[--clients 1000] [--symbols 50] [--seconds 60] [--redis-url redis://127.0.0.1:6379/0]`.

Three processes, as in a deployment: the real ASGI server (uvicorn, one worker, the project's
consumers and channel layer), a publisher that sends a ``price_update`` for every symbol once a
second through ``stockvis.realtime.broadcast`` (what the feed calls), and this load generator
holding every client socket. The publisher stamps each message's ``timestamp`` as it sends and
numbers it in ``volume``; a client's latency is its receipt time minus that stamp (one machine,
one clock), and a message is lost when a client never receives a number that was sent for its
symbol. Target: p99 under 100 ms and nothing lost, load generator included.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

TARGET_P99_MS = 100.0
REPO = Path(__file__).resolve().parents[1]

PUBLISHER = """
import datetime as dt, os, sys, time
import django
django.setup()
from stockvis.realtime.broadcast import send_quotes
from stockvis.realtime.messages import LiveQuote
symbols, seconds = sys.argv[1].split(","), int(sys.argv[2])
start = time.monotonic()
for seq in range(seconds):
    now = dt.datetime.now(dt.UTC)
    send_quotes([LiveQuote(s, 100.0 + seq / 100, 100.0, float(seq), now, "bench", True)
                 for s in symbols])
    time.sleep(max(0.0, start + seq + 1 - time.monotonic()))
print(seconds, flush=True)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _env(workdir: Path, layer: str, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        VAR_DIR=str(workdir),
        DEBUG="false",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="config.settings",
        REDIS_URL="" if layer == "embedded" else redis_url,
        CHANNEL_LAYER="redis-pubsub" if layer == "redis-pubsub" else "redis",
    )
    return env


def _prepare(env: dict[str, str], symbols: list[str]) -> None:
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from stockvis.market.models import Asset;"
        f"Asset.objects.bulk_create([Asset(symbol=s, name=s, category='crypto', "
        f"exchange='24/7', currency='USD', market='GLOBAL') for s in {symbols!r}])"
    )
    subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, check=True)


async def _client(
    url: str, symbol: str, latencies: list[float], seen: dict[str, set[int]], key: str
) -> None:
    import websockets

    async with websockets.connect(url, max_queue=None, open_timeout=60) as ws:
        async for raw in ws:
            message = json.loads(raw)
            if message.get("type") != "price_update":
                continue
            sent = dt.datetime.fromisoformat(message["timestamp"].replace("Z", "+00:00"))
            latencies.append(time.time() - sent.timestamp())
            seen[key].add(int(message["volume"]))


async def _load(port: int, env: dict[str, str], clients: int, symbols: list[str], seconds: int):
    latencies: list[float] = []
    seen: dict[str, set[int]] = defaultdict(set)
    tasks = []
    for i in range(clients):
        symbol = symbols[i % len(symbols)]
        url = f"ws://127.0.0.1:{port}/ws/stocks/{symbol}/"
        tasks.append(asyncio.create_task(_client(url, symbol, latencies, seen, f"{i}:{symbol}")))
        if i % 50 == 49:
            await asyncio.sleep(0.05)  # connect in waves, like browsers coming back
    await asyncio.sleep(3)
    connected_errors = [t for t in tasks if t.done()]
    publisher = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        PUBLISHER,
        ",".join(symbols),
        str(seconds),
        env=env,
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await publisher.communicate()
    await asyncio.sleep(2)  # the last round in flight
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    sent_rounds = int(out.decode().strip() or 0)
    expected = clients * sent_rounds
    received = sum(len(v) for v in seen.values())
    return latencies, expected, received, len(connected_errors)


def _run_layer(layer: str, clients: int, n_symbols: int, seconds: int, redis_url: str) -> bool:
    symbols = [f"S{i:03d}-USD" for i in range(n_symbols)]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        env = _env(workdir, layer, redis_url)
        _prepare(env, symbols)
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "config.asgi:application",
                "--port",
                str(port),
                "--lifespan",
                "off",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=REPO,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.3)
            latencies, expected, received, failed = asyncio.run(
                _load(port, env, clients, symbols, seconds)
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    if not latencies:
        print(f"{layer:13s} no messages received")
        return False
    ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    lost = expected - received
    ok = p99 < TARGET_P99_MS and lost == 0 and failed == 0
    print(
        f"{layer:13s} clients {clients:5d}  symbols {n_symbols:3d}  {seconds:3d} s  "
        f"messages {received:7d}/{expected:7d}  lost {lost:5d}  "
        f"p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  max {ms[-1]:7.1f} ms  "
        f"{'ok' if ok else 'MISSED'} (p99 < {TARGET_P99_MS:.0f} ms, nothing lost)"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--layer", default="all", choices=["embedded", "redis", "redis-pubsub", "all"]
    )
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--symbols", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or "")
    args = parser.parse_args(argv)
    layers = ["embedded", "redis", "redis-pubsub"] if args.layer == "all" else [args.layer]
    if not args.redis_url:
        layers = [layer for layer in layers if layer == "embedded"]
        print("no --redis-url or REDIS_URL: measuring the embedded layer only")
    results = [
        _run_layer(layer, args.clients, args.symbols, args.seconds, args.redis_url)
        for layer in layers
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
