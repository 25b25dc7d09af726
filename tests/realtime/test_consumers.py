import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from config.asgi import application
from stockvis.realtime import broadcast

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://localhost")]


async def connect(path: str) -> tuple[bool, int | None, WebsocketCommunicator]:
    communicator = WebsocketCommunicator(application, path, headers=ORIGIN)
    connected, code = await communicator.connect(timeout=5)
    return connected, code, communicator


def test_a_symbol_stream_relays_quotes_broadcast_for_that_symbol_only() -> None:
    async def scenario() -> None:
        connected, _, aapl = await connect("/ws/stocks/aapl/")
        assert connected
        _, _, msft = await connect("/ws/stocks/MSFT/")
        await sync_to_async(broadcast.send_quote)(
            symbol="AAPL", price=101.5, change=1.5, at="2026-11-20T21:00:00Z", synthetic=True
        )
        message = await aapl.receive_json_from(timeout=5)
        assert message == {
            "kind": "quote",
            "symbol": "AAPL",
            "price": 101.5,
            "change": 1.5,
            "at": "2026-11-20T21:00:00Z",
            "synthetic": True,
        }
        assert await msft.receive_nothing(timeout=0.3)
        await aapl.disconnect()
        await msft.disconnect()

    asyncio.run(scenario())


def test_a_malformed_symbol_and_an_anonymous_portfolio_stream_are_refused() -> None:
    async def scenario() -> None:
        connected, code, _ = await connect("/ws/stocks/a%20b/")
        assert (connected, code) == (False, 4400)
        connected, code, _ = await connect("/ws/portfolio/")
        assert (connected, code) == (False, 4401)

    asyncio.run(scenario())


def test_a_websocket_from_a_foreign_origin_is_refused() -> None:
    async def scenario() -> None:
        communicator = WebsocketCommunicator(
            application, "/ws/stocks/AAPL/", headers=[(b"origin", b"http://evil.example")]
        )
        connected, _ = await communicator.connect(timeout=5)
        assert not connected

    asyncio.run(scenario())
