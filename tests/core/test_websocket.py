"""A WebSocket to a path no route knows is closed with 4404, without a traceback in the log."""

from __future__ import annotations

import asyncio

import pytest
from channels.testing import WebsocketCommunicator

from config.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/ws/nope/", "/ws/stocks/BTC%2FKRW/", "/ws/", "/elsewhere"])
def test_an_unknown_websocket_path_closes_cleanly(
    path: str, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> tuple[bool, int | None]:
        communicator = WebsocketCommunicator(
            application, path, headers=[(b"origin", b"http://localhost")]
        )
        return await communicator.connect(timeout=5)

    assert asyncio.run(scenario()) == (False, 4404)
    assert "Traceback" not in caplog.text
    assert "No route found" not in caplog.text
