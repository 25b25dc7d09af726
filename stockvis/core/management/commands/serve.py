"""`stockvis serve`: the whole app in one command (what `make run` calls).

Migrates, loads or tops up the synthetic demo data, then runs the ASGI web server (HTTP and
WebSocket), the live quote feed, a Celery worker (all three queues) and Celery beat as child
processes until Ctrl-C. If any child dies, the
others are stopped too, so a half-running app never goes unnoticed.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stockvis.core.errors import StartupError
from stockvis.core.health import check_processes
from stockvis.core.logging import logger_level
from stockvis.core.preflight import preflight


class Command(BaseCommand):
    help = (
        "Start Stock-Vis: migrate, load the offline demo data (unless DEMO_DATA=false), then run "
        "the web server on --port (default $PORT or 8000), the quote feed, a Celery worker and beat in the "
        "foreground until Ctrl-C."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Run the web server only (no worker, beat or feed).",
        )
        parser.add_argument("--web-workers", type=int, default=1, help="uvicorn worker processes.")
        parser.add_argument(
            "--allow-debug-on-network",
            action="store_true",
            help="Listen beyond loopback although DEBUG is on (it shows tracebacks and settings "
            "to anyone who can reach the port). Same as DEBUG_ALLOW_NON_LOOPBACK=true.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_debug_beyond_loopback(
            host=options["host"],
            debug=settings.DEBUG,
            allowed=options["allow_debug_on_network"] or settings.DEBUG_ALLOW_NON_LOOPBACK,
        )
        try:
            preflight()
        except StartupError as exc:
            raise CommandError(str(exc)) from None
        started = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        if settings.DEMO_DATA:
            # seed_demo prints one summary; its per-asset lines are for a worker's log.
            with logger_level("stockvis.collector", logging.WARNING):
                call_command("seed_demo", unless_removed=True)
        self.stdout.write(f"Prepared in {time.monotonic() - started:.1f}s; starting processes.")
        self._run_children(options, started)

    def _readiness_probe(self, options: dict[str, Any], started: float) -> Callable[[], bool]:
        """A check, called from the supervision loop, that prints one line once the web server
        accepts connections and the worker and beat have sent their first heartbeats (what
        /healthz/ready reports), then returns True. It reads the heartbeats itself rather than
        polling the endpoint, so waiting adds no lines to the access log."""
        host = "127.0.0.1" if options["host"] in {"0.0.0.0", "::", ""} else options["host"]
        next_try = 0.0

        def announce() -> bool:
            nonlocal next_try
            if time.monotonic() < next_try:
                return False
            next_try = time.monotonic() + 0.5
            try:
                socket.create_connection((host, options["port"]), timeout=1).close()
            except OSError:
                return False
            if not all(process.ok for process in check_processes()):
                return False
            self.stdout.write(
                f"Stock-Vis is ready on http://{host}:{options['port']}/ "
                f"after {time.monotonic() - started:.1f}s."
            )
            return True

        return announce

    def _run_children(self, options: dict[str, Any], started: float) -> None:
        python = sys.executable
        commands = {
            "web": [
                python,
                "-m",
                "uvicorn",
                "config.asgi:application",
                "--host",
                options["host"],
                "--port",
                str(options["port"]),
                "--workers",
                str(options["web_workers"]),
                "--lifespan",
                "off",
                # Client frames are small JSON commands; refuse megabyte frames at the door.
                "--ws-max-size",
                "65536",
                # Each socket's compressor costs 15-35 us a message for ~200-byte quotes
                # (README "Realtime"); uncompressed they are cheap to send to thousands.
                "--ws-per-message-deflate",
                "false",
            ],
        }
        if settings.FEED_IN_SERVE and not options["no_worker"]:
            commands["feed"] = [python, "-m", "stockvis.cli", "feed"]
        if not options["no_worker"]:
            commands["worker"] = [
                python,
                "-m",
                "celery",
                "--quiet",  # no banner: serve prints its own one line
                "-A",
                "config",
                "worker",
                "--loglevel",
                settings.LOG_LEVEL,
                "--pool",
                "threads",
                "--concurrency",
                "2",
                "--without-gossip",
                "--without-mingle",
                "--queues",
                "high,default,low",
            ]
            commands["beat"] = [
                python,
                "-m",
                "celery",
                "--quiet",
                "-A",
                "config",
                "beat",
                "--loglevel",
                settings.LOG_LEVEL,
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ]
        environments = {"web": web_environment(options["web_workers"], settings.THROTTLE_STORE)}
        children = {
            name: subprocess.Popen(cmd, cwd=settings.BASE_DIR, env=environments.get(name))
            for name, cmd in commands.items()
        }
        self.stdout.write(
            f"Stock-Vis is starting on http://{options['host']}:{options['port']}/ "
            f"({', '.join(children)}); press Ctrl-C to stop."
        )
        stopping = False
        received: int | None = None

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping, received
            stopping = True
            received = signum

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        exit_code = 0
        announce = None if options["no_worker"] else self._readiness_probe(options, started)
        try:
            while not stopping:
                if announce is not None and announce():
                    announce = None
                for name, child in children.items():
                    code = child.poll()
                    if code is not None:
                        self.stderr.write(f"{name} exited with status {code}; stopping the others.")
                        exit_code = code or 1
                        stopping = True
                        break
                time.sleep(0.3)
        finally:
            if received == signal.SIGINT:
                # Ctrl-C in a terminal reaches the whole process group: the children are already
                # shutting down, and a second signal would make each say so twice. Give them a
                # moment before telling the rest (a SIGINT sent to this process alone).
                grace = time.monotonic() + 3
                while time.monotonic() < grace and any(c.poll() is None for c in children.values()):
                    time.sleep(0.1)
            for child in children.values():
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 15
            for child in children.values():
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    child.kill()
        if exit_code:
            raise SystemExit(exit_code)
        self.stdout.write("Stopped.")


def web_environment(web_workers: int, throttle_store: str) -> dict[str, str] | None:
    """The web processes' environment: several of them must count throttles in a store they
    share (one process's memory would give each client N times its rate)."""
    if web_workers > 1 and throttle_store == "local":
        return {**os.environ, "THROTTLE_STORE": "shared"}
    return None


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def refuse_debug_beyond_loopback(*, host: str, debug: bool, allowed: bool) -> None:
    """DEBUG pages show settings and tracebacks: serve them only to this machine unless told."""
    if debug and not allowed and not is_loopback(host):
        raise CommandError(
            f"refusing to listen on {host} with DEBUG on: anyone who reaches the port would see "
            "tracebacks and settings. Use --host 127.0.0.1, set DEBUG=false (and SECRET_KEY, "
            "ALLOWED_HOSTS), or pass --allow-debug-on-network / DEBUG_ALLOW_NON_LOOPBACK=true."
        )
