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
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import orjson

from bench.wsclient import WebSocketClient

TARGET_P99_MS = 100.0
ROUNDS = os.environ.get("BENCH_ROUNDS") == "1"  # print each round's latencies (diagnosis)
REPO = Path(__file__).resolve().parents[1]

PUBLISHER = """
import datetime as dt, os, sys, time
import django
django.setup()
from stockvis.realtime.broadcast import send_quotes
from stockvis.realtime.messages import LiveQuote
symbols, seconds = sys.argv[1].split(","), int(sys.argv[2])
# A feed connects to the layer once when it starts; that is not a message's latency.
send_quotes([LiveQuote("WARMUP", 1.0, 1.0, -1.0, dt.datetime.now(dt.UTC), "bench", True)])
start = time.monotonic()
for seq in range(seconds):
    now = dt.datetime.now(dt.UTC)
    send_quotes([LiveQuote(s, 100.0 + seq / 100, 100.0, float(seq), now, "bench", True)
                 for s in symbols])
    time.sleep(max(0.0, start + seq + 1 - time.monotonic()))
print(seconds, flush=True)
"""


# uvicorn re-raises SIGTERM once it has shut down, so `python -m cProfile` never writes its file:
# the server runs under this wrapper when profiling, which writes it from the re-raised signal.
PROFILED_SERVER = """
import cProfile, os, signal, sys
import uvicorn
profile = cProfile.Profile()
def write_and_exit(*_):
    profile.disable()
    profile.dump_stats(sys.argv[1])
    os._exit(0)
signal.signal(signal.SIGTERM, write_and_exit)
profile.enable()
uvicorn.main(sys.argv[2:])
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


class _Tally:
    """What the clients received: every frame is decoded and checked as it arrives."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.by_round: dict[int, list[float]] = defaultdict(list)
        self.seen: dict[int, set[int]] = {}
        self.snapshots: set[int] = set()
        self.wrong = 0  # a price_update for another symbol, or one without its fields

    def receiver(self, client: int, symbol: str) -> Callable[[bytes], None]:
        seen = self.seen[client] = set()

        def on_text(payload: bytes) -> None:
            message = orjson.loads(payload)  # a full parse, just a faster parser
            kind = message.get("type")
            if kind == "price_update":
                try:
                    sent = dt.datetime.fromisoformat(message["timestamp"].replace("Z", "+00:00"))
                    number = int(message["volume"])
                except (KeyError, TypeError, ValueError):
                    self.wrong += 1
                    return
                if message.get("symbol") != symbol:
                    self.wrong += 1
                    return
                latency = time.time() - sent.timestamp()
                self.latencies.append(latency)
                self.by_round[number].append(latency)
                seen.add(number)
            elif kind == "snapshot":
                self.snapshots.add(client)

        return on_text


async def _open(port: int, path: str, on_text: Callable[[bytes], None]) -> WebSocketClient:
    loop = asyncio.get_running_loop()
    _, client = await loop.create_connection(
        lambda: WebSocketClient(f"127.0.0.1:{port}", path, on_text), "127.0.0.1", port
    )
    await asyncio.wait_for(client.opened, 60)
    return client


async def _load(
    port: int, env: dict[str, str], clients: int, symbols: list[str], seconds: int
) -> tuple[_Tally, int, int]:
    tally = _Tally()
    opening = []
    for i in range(clients):
        symbol = symbols[i % len(symbols)]
        path = f"/ws/stocks/{symbol}/"
        opening.append(asyncio.create_task(_open(port, path, tally.receiver(i, symbol))))
        if i % 50 == 49:
            await asyncio.sleep(0.05)  # connect in waves, like browsers coming back
    opened = await asyncio.gather(*opening, return_exceptions=True)
    connections = [c for c in opened if isinstance(c, WebSocketClient)]
    # Publishing starts once every socket has had its snapshot (or a minute has passed), so the
    # figures are delivery, not the connection storm.
    deadline = time.monotonic() + 60
    while len(tally.snapshots) < len(connections) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(1)
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
    dropped = sum(1 for c in connections if c.closed.done())  # closed by the server
    for connection in connections:
        connection.close()
    failed = clients - len(connections) + dropped + (len(connections) - len(tally.snapshots))
    sent_rounds = int(out.decode().strip() or 0)
    if ROUNDS:
        for seq in sorted(tally.by_round):
            ms = sorted(x * 1000 for x in tally.by_round[seq])
            print(
                f"  round {seq:3d}: {len(ms):5d} messages  p50 {statistics.median(ms):6.1f} ms  "
                f"p99 {ms[int(len(ms) * 0.99)]:6.1f} ms  max {ms[-1]:6.1f} ms"
            )
    return tally, clients * sent_rounds, failed


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a live process (Linux), for the report."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _print_profile(path: Path, title: str) -> None:
    import pstats

    print(f"-- {title}: the 25 functions with the most time of their own ({path})")
    pstats.Stats(str(path)).sort_stats("tottime").print_stats(25)


def _run_layer(
    layer: str,
    clients: int,
    n_symbols: int,
    seconds: int,
    redis_url: str,
    profile: Path | None = None,
) -> bool:
    symbols = [f"S{i:03d}-USD" for i in range(n_symbols)]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        env = _env(workdir, layer, redis_url)
        _prepare(env, symbols)
        port = _free_port()
        runner = ["-m", "uvicorn"]
        if profile is not None:
            profile.mkdir(parents=True, exist_ok=True)
            runner = ["-c", PROFILED_SERVER, str(profile / f"server-{layer}.prof")]
        server = subprocess.Popen(
            [
                sys.executable,
                *runner,
                "config.asgi:application",
                "--port",
                str(port),
                "--lifespan",
                "off",
                "--log-level",
                "warning",
                # As `stockvis serve` and the deploy files run it (README "Realtime").
                "--ws-per-message-deflate",
                "false",
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
            own_cpu = time.process_time()
            if profile is None:
                tally, expected, failed = asyncio.run(_load(port, env, clients, symbols, seconds))
            else:
                import cProfile

                with cProfile.Profile() as clients_profile:
                    tally, expected, failed = asyncio.run(
                        _load(port, env, clients, symbols, seconds)
                    )
                clients_profile.dump_stats(profile / f"clients-{layer}.prof")
            own_cpu = time.process_time() - own_cpu
            server_cpu = _cpu_seconds(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10 if profile is None else 120)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    if profile is not None:
        _print_profile(profile / f"server-{layer}.prof", f"server ({layer})")
        _print_profile(profile / f"clients-{layer}.prof", f"load generator ({layer})")
    if not tally.latencies:
        print(f"{layer:13s} no messages received")
        return False
    received = sum(len(v) for v in tally.seen.values())
    ms = sorted(x * 1000 for x in tally.latencies)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    lost = expected - received
    ok = p99 < TARGET_P99_MS and lost == 0 and failed == 0 and tally.wrong == 0
    print(
        f"{layer:13s} clients {clients:5d}  symbols {n_symbols:3d}  {seconds:3d} s  "
        f"messages {received:7d}/{expected:7d}  lost {lost:5d}  "
        f"p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  max {ms[-1]:7.1f} ms  "
        f"{'ok' if ok else 'MISSED'} (p99 < {TARGET_P99_MS:.0f} ms, nothing lost)"
    )
    server_cpu_text = "?" if server_cpu is None else f"{server_cpu:.1f}"
    print(
        f"{'':13s} failed sockets {failed}  wrong messages {tally.wrong}  "
        f"CPU s: server {server_cpu_text}, load generator {own_cpu:.1f}  "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
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
    parser.add_argument(
        "--profile",
        type=Path,
        help="write cProfile files of the server and the load generator to this directory and "
        "print their top functions (profiling slows both: not for the figures)",
    )
    args = parser.parse_args(argv)
    layers = ["embedded", "redis", "redis-pubsub"] if args.layer == "all" else [args.layer]
    if not args.redis_url:
        layers = [layer for layer in layers if layer == "embedded"]
        print("no --redis-url or REDIS_URL: measuring the embedded layer only")
    results = [
        _run_layer(layer, args.clients, args.symbols, args.seconds, args.redis_url, args.profile)
        for layer in layers
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
