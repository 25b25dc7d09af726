"""Cutting a WebSocket's TCP connection at once, which ASGI has no message for.

A client that stopped reading cannot take a close frame, and ending its consumer does not free
its connection either: uvicorn then closes the transport, and a close waits for the write buffer
to drain, which a peer that reads nothing never lets happen. The connection and its unsent frames
stayed until the client went away, and a SIGTERM waited for it ("Waiting for connections to
close") until --timeout-graceful-shutdown. An abort discards the buffer and ends the connection.
"""

from __future__ import annotations

from typing import Any

ABORT_KEY = "stockvis.abort"


class ConnectionAbort:
    """Outermost WebSocket middleware: puts the connection's abort in ``scope[ABORT_KEY]``.

    uvicorn's ``send`` is a method of its protocol object, which holds the transport;
    under a server where that is not so (Channels' test communicator, another server) the scope
    gets nothing and ``abort_connection`` does nothing."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        transport = getattr(getattr(send, "__self__", None), "transport", None)
        # Duck-typed: uvloop's transports (uvicorn's default loop) are not asyncio.Transport.
        abort = getattr(transport, "abort", None)
        if callable(abort):
            scope = {**scope, ABORT_KEY: abort}
        return await self.inner(scope, receive, send)


def abort_connection(scope: dict[str, Any]) -> None:
    abort = scope.get(ABORT_KEY)
    if abort is not None:
        abort()
