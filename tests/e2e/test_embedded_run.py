"""The embedded run (`make run` calls `stockvis serve`) starts from an empty var/, serves demo data
through the admin, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect as ws_connect

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def embedded_env(var_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"VAR_DIR": str(var_dir), "PYTHONUNBUFFERED": "1"})
    return env


def test_serve_starts_on_an_empty_var_dir_serves_demo_data_and_stops_on_ctrl_c(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = embedded_env(tmp_path / "var")
    log = (tmp_path / "serve.log").open("w")
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "stockvis.cli", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        ready = None
        while time.monotonic() - started < 90:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            with contextlib.suppress(httpx.TransportError):  # not listening yet
                # Readiness, not liveness: the worker consumes and beat ticks.
                if httpx.get(f"{base}/healthz/ready", timeout=2).status_code == 200:
                    ready = time.monotonic() - started
                    break
            time.sleep(0.5)
        assert ready is not None, "never became ready:\n" + (tmp_path / "serve.log").read_text()
        print(f"embedded run ready in {ready:.1f}s")
        assert ready < 120  # generous: CI machines are shared; `make bench` times start-up

        health = httpx.get(f"{base}/healthz/ready").json()
        assert health["services"]["broker"]["detail"] == "filesystem"
        assert health["processes"]["worker"]["ok"] is True
        assert health["processes"]["beat"]["age_s"] is not None

        # The feed runs too: crypto trades every day, so a socket gets live synthetic prices.
        with ws_connect(f"ws://127.0.0.1:{port}/ws/stocks/btc-krw/", open_timeout=10) as ws:
            snapshot = json.loads(ws.recv(timeout=10))
            assert (snapshot["type"], snapshot["market_open"]) == ("snapshot", True)
            update = json.loads(ws.recv(timeout=20))
            while update["type"] != "price_update":
                update = json.loads(ws.recv(timeout=20))
            assert (update["symbol"], update["synthetic"]) == ("BTC-KRW", True)

        subprocess.run(
            [
                sys.executable,
                "-m",
                "stockvis.cli",
                "createsuperuser",
                "--noinput",
                "--username",
                "admin",
                "--email",
                "a@example.org",
            ],
            cwd=REPO,
            env={**env, "DJANGO_SUPERUSER_PASSWORD": "a-long-test-password"},
            check=True,
            capture_output=True,
        )
        with httpx.Client(base_url=base, timeout=10) as browser:
            login = browser.get("/admin/login/")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
            assert token
            browser.post(
                "/admin/login/?next=/admin/",
                data={
                    "csrfmiddlewaretoken": token.group(1),
                    "username": "admin",
                    "password": "a-long-test-password",
                    "next": "/admin/",
                },
                headers={"Referer": f"{base}/admin/login/"},
            )
            page = browser.get("/admin/market/asset/", params={"q": "005930"})
            assert page.status_code == 200
            assert "Samsung Electronics" in page.text
            assert "삼성전자" in page.text
            static = browser.get("/static/admin/css/base.css")
            assert static.status_code == 200
    finally:
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
        log.close()
    assert code == 0, (tmp_path / "serve.log").read_text()
    output = (tmp_path / "serve.log").read_text()
    assert "Stopped." in output
    # Quiet: the one line `serve` prints, not Celery's banners or kombu's noise.
    for noise in ("-------------- celery@", "celery beat v", "No hostname was supplied"):
        assert noise not in output, noise
    # Every child went with it: nothing listens on the port any more.
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base}/healthz", timeout=1)
