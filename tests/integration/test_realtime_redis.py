"""Realtime on Redis and across real processes: idle sockets stay, alerts from a worker reach a
socket (on Redis and on the embedded layer), and a standby feed takes over from a dead one."""

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.db import connection
from rest_framework_simplejwt.tokens import AccessToken

from config.asgi import application
from stockvis.accounts.services import user_register
from stockvis.market.models import Asset, DailyPrice
from stockvis.portfolios.models import Notification, PriceAlert

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
ORIGIN = [(b"origin", b"http://localhost")]
REPO = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a second process on this test's database."""
    env = dict(os.environ)
    database = connection.settings_dict
    env["DATABASE_URL"] = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env.update(extra)
    return env


def test_an_idle_socket_stays_open_for_two_minutes_on_redis(settings: Any) -> None:
    assert "channels_redis" in settings.CHANNEL_LAYERS["default"]["BACKEND"]
    Asset.objects.create(
        symbol="AAPL", name="Apple", category="stock", exchange="XNYS", currency="USD"
    )

    async def scenario() -> None:
        socket = WebsocketCommunicator(application, "/ws/stocks/AAPL/", headers=ORIGIN)
        assert (await socket.connect(timeout=10))[0]
        await socket.receive_json_from(timeout=10)
        # Before the fix, the layer's 5 s read timeout ended the consumer within ~5 s.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            await asyncio.sleep(5)
            assert not socket.future.done(), "the socket was dropped while idle"
        await socket.send_json_to({"type": "ping"})
        reply = await socket.receive_json_from(timeout=10)
        while reply["type"] == "heartbeat":
            reply = await socket.receive_json_from(timeout=10)
        assert reply["type"] == "pong"
        await socket.disconnect()

    asyncio.run(scenario())


def alice_with_alert() -> Any:
    alice = user_register(
        username="alice",
        password="a-long-and-unusual-passphrase",
        base_currency="USD",
        timezone="UTC",
    )
    aapl = Asset.objects.create(
        symbol="AAPL", name="Apple", category="stock", exchange="XNYS", currency="USD"
    )
    for day, close in ((dt.date(2026, 11, 25), 190.0), (dt.date(2026, 11, 27), 200.0)):
        DailyPrice.objects.create(
            asset=aapl,
            date=day,
            source="synthetic",
            open=close,
            high=close,
            low=close,
            close=close,
            volume=1,
        )
    PriceAlert.objects.create(owner=alice, asset=aapl, kind="price_above", threshold=195)
    return alice


async def notification_from(process_cmd: list[str], env: dict[str, str], alice: Any) -> Any:
    socket = WebsocketCommunicator(
        application, f"/ws/portfolio/?token={AccessToken.for_user(alice)}", headers=ORIGIN
    )
    assert (await socket.connect(timeout=10))[0]
    assert (await socket.receive_json_from(timeout=10))["type"] == "portfolio_update"
    process = await asyncio.create_subprocess_exec(*process_cmd, env=env, cwd=REPO)
    try:
        message = await socket.receive_json_from(timeout=90)
        while message["type"] == "heartbeat":  # a slow machine may start the worker late
            message = await socket.receive_json_from(timeout=90)
    finally:
        if process.returncode is None:
            process.terminate()
        await process.wait()
        await socket.disconnect()
    return message


def test_an_alert_fired_in_a_celery_worker_reaches_the_owners_socket_on_redis() -> None:
    alice = alice_with_alert()
    worker = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "-Q",
        "high",
        "--pool",
        "solo",
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "WARNING",
    ]

    async def scenario() -> Any:
        from stockvis.portfolios.tasks import evaluate_price_alerts

        evaluate_price_alerts.apply_async(kwargs={"symbols": ["AAPL"]})  # queued on "high"
        return await notification_from(worker, child_env(), alice)

    message = asyncio.run(scenario())
    assert message["type"] == "notification"
    assert message["data"]["symbol"] == "AAPL"
    assert Notification.objects.filter(owner=alice).count() == 1


EVALUATE_IN_ANOTHER_PROCESS = (
    "import django; django.setup();"
    "from stockvis.portfolios.tasks import evaluate_price_alerts;"
    "evaluate_price_alerts(symbols=['AAPL'])"
)


def test_an_alert_fired_in_another_process_reaches_the_socket_without_redis(
    settings: Any, tmp_path: Path
) -> None:
    # Both processes on the embedded layer (what `stockvis serve` runs without REDIS_URL).
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "stockvis.realtime.layers.LocalProcessChannelLayer",
            "CONFIG": {"path": str(tmp_path / "channels.sqlite3")},
        }
    }
    alice = alice_with_alert()
    env = child_env(REDIS_URL="", VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings")
    message = asyncio.run(
        notification_from([sys.executable, "-c", EVALUATE_IN_ANOTHER_PROCESS], env, alice)
    )
    assert (message["type"], message["data"]["condition"]) == ("notification", "price_above")


def log_says(log: Path, text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text(errors="replace"):
            return True
        time.sleep(0.2)
    return False


def test_a_standby_feed_takes_over_when_the_leader_dies(tmp_path: Path) -> None:
    env = child_env(FEED_LEADER_TTL="2", LOG_LEVEL="INFO")
    command = [sys.executable, "-m", "stockvis.cli", "feed"]
    logs = [tmp_path / "leader.log", tmp_path / "standby.log"]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with logs[0].open("wb") as out:
            processes.append(subprocess.Popen(command, env=env, cwd=REPO, stderr=out))
        assert log_says(logs[0], "feed: leading", 60)
        with logs[1].open("wb") as out:
            processes.append(subprocess.Popen(command, env=env, cwd=REPO, stderr=out))
        assert log_says(logs[1], "standing by", 60)
        assert not log_says(logs[1], "feed: leading", 5), "two feeds led at once"
        processes[0].send_signal(signal.SIGKILL)  # dies without releasing its lock
        assert log_says(logs[1], "feed: leading", 20)
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
