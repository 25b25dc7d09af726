"""`stockvis serve`: the whole app in one command (what `make run` calls).

Migrates, loads or tops up the synthetic demo data, then runs the ASGI web server (HTTP and
WebSocket), a Celery worker and Celery beat as child processes until Ctrl-C. If any child dies, the
others are stopped too, so a half-running app never goes unnoticed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stockvis.core.errors import StartupError
from stockvis.core.preflight import preflight


class Command(BaseCommand):
    help = (
        "Start Stock-Vis: migrate, load the offline demo data (unless DEMO_DATA=false), then run "
        "the web server on --port (default $PORT or 8000), a Celery worker and Celery beat in the "
        "foreground until Ctrl-C."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--no-worker", action="store_true", help="Run the web server only.")
        parser.add_argument("--web-workers", type=int, default=1, help="uvicorn worker processes.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            preflight()
        except StartupError as exc:
            raise CommandError(str(exc)) from None
        started = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        if settings.DEMO_DATA:
            call_command("seed_demo", unless_removed=True)
        self.stdout.write(f"Prepared in {time.monotonic() - started:.1f}s; starting processes.")
        self._run_children(options)

    def _run_children(self, options: dict[str, Any]) -> None:
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
            ],
        }
        if not options["no_worker"]:
            commands["worker"] = [
                python,
                "-m",
                "celery",
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
            ]
            commands["beat"] = [
                python,
                "-m",
                "celery",
                "-A",
                "config",
                "beat",
                "--loglevel",
                settings.LOG_LEVEL,
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ]
        children = {
            name: subprocess.Popen(cmd, cwd=settings.BASE_DIR) for name, cmd in commands.items()
        }
        self.stdout.write(
            f"Stock-Vis is starting on http://{options['host']}:{options['port']}/ "
            f"({', '.join(children)}); press Ctrl-C to stop."
        )
        stopping = False

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        exit_code = 0
        try:
            while not stopping:
                for name, child in children.items():
                    code = child.poll()
                    if code is not None:
                        self.stderr.write(f"{name} exited with status {code}; stopping the others.")
                        exit_code = code or 1
                        stopping = True
                        break
                time.sleep(0.3)
        finally:
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
