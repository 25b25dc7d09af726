"""What ends a socket's task and its connection, so that a web process stops on SIGTERM: a real
uvicorn (in this process, on a Unix socket) around the app where the connection itself matters."""

import asyncio
import datetime as dt
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from websockets.asyncio.client import unix_connect

from config.asgi import application
from stockvis.realtime import broadcast
from stockvis.realtime.fanout import current_hub
from tests.realtime.conftest import add_closes, make_asset

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://localhost")]


@pytest.fixture(autouse=True)
def aapl() -> None:
    add_closes(make_asset("AAPL"), [(dt.date(2026, 11, 25), 190.0), (dt.date(2026, 11, 27), 200.0)])


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting {timeout} s for {what}"
        await asyncio.sleep(0.02)


@asynccontextmanager
async def serving(path: Path) -> AsyncIterator[tuple[uvicorn.Server, asyncio.Task[None]]]:
    """uvicorn serving the app on ``path``, and its task, which ends when the server has stopped
    (``should_exit``, which uvicorn sets on SIGTERM)."""
    config = uvicorn.Config(
        application, uds=str(path), lifespan="off", ws_per_message_deflate=False, log_config=None
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        await until(lambda: server.started, timeout=10, what="uvicorn to start")
        yield server, task
    finally:
        server.should_exit = server.force_exit = True
        await asyncio.wait_for(task, timeout=10)


def test_a_client_that_stopped_reading_is_cut_off_and_a_sigterm_does_not_wait_for_it(
    settings: Any, tmp_path: Path
) -> None:
    # Before: the consumer ended, uvicorn closed the transport, and a close waits for the write
    # buffer to drain, which a peer that reads nothing never allows: the connection stayed, and
    # SIGTERM waited for it ("Waiting for connections to close") as long as the client lived.
    settings.WS_SEND_TIMEOUT = 0.2

    async def scenario() -> None:
        async with serving(tmp_path / "web.sock") as (server, stopped):
            client = await unix_connect(
                str(tmp_path / "web.sock"), "ws://localhost/ws/stocks/AAPL/"
            )
            try:
                assert json.loads(await client.recv())["type"] == "snapshot"
                client.transport.pause_reading()  # reads nothing more: the buffers fill up
                # Larger than the socket's buffers, so the server's transport has to hold them.
                padded = {"type": "price_update", "symbol": "AAPL", "padding": "x" * 1_000_000}
                for _ in range(3):
                    await broadcast.send_many([(broadcast.symbol_group("AAPL"), padded)])
                await until(
                    lambda: not server.server_state.connections,
                    timeout=5,
                    what="the server to drop the connection of the client that stopped reading",
                )
                server.should_exit = True  # what SIGTERM sets
                await asyncio.wait_for(asyncio.shield(stopped), timeout=3)
            finally:
                client.transport.abort()

    asyncio.run(scenario())


def test_a_closed_socket_ends_its_task_while_the_channel_layer_hangs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A socket's task that awaits the channel layer on its way out outlives its connection for as
    # long as the layer takes (Redis stalled, or a receive that swallowed its cancellation, as the
    # per-socket layer channels did before the fan-out hub), and uvicorn waits for that task.
    async def scenario() -> None:
        layer: Any = get_channel_layer()
        hub = current_hub()
        socket = WebsocketCommunicator(application, "/ws/stocks/AAPL/", headers=ORIGIN)
        assert (await socket.connect(timeout=5))[0]
        assert (await socket.receive_json_from(timeout=5))["type"] == "snapshot"

        async def hangs(group: str, channel: str) -> None:
            await asyncio.Event().wait()

        monkeypatch.setattr(layer, "group_discard", hangs)
        # The client goes (WebsocketCommunicator.disconnect would cancel a task still running).
        await socket.send_input({"type": "websocket.disconnect", "code": 1000})
        await until(socket.future.done, timeout=2, what="the socket's task to end")
        assert hub.sinks(broadcast.symbol_group("AAPL")) == 0

    asyncio.run(scenario())
