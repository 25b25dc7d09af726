"""A lean WebSocket client for the load generator of bench/websocket.py (RFC 6455, text frames).

The ``websockets`` library gives each connection a task, a queue and an async iterator; with
1,000 connections in one process its per-message cost made the load generator, not the server,
decide the tail latency. Here each connection is an ``asyncio.Protocol`` whose callback parses
frames as bytes arrive and hands every complete text message to ``on_text``: the same work (every
frame parsed, every message decoded as JSON by the caller) without a task switch per message.
It speaks what the benchmark needs and no more: no extensions (the server is run without
permessage-deflate), fragmented messages reassembled, pings answered, a close frame ends it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
from collections.abc import Callable

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CONTINUATION, CLOSE, PING, PONG = 1, 2, 0, 8, 9, 10


def _masked_frame(opcode: int, payload: bytes) -> bytes:
    """A client frame (clients must mask what they send)."""
    mask = os.urandom(4)
    length = len(payload)
    if length < 126:
        header = bytes([0x80 | opcode, 0x80 | length])
    elif length < 65536:
        header = bytes([0x80 | opcode, 0x80 | 126]) + length.to_bytes(2, "big")
    else:
        header = bytes([0x80 | opcode, 0x80 | 127]) + length.to_bytes(8, "big")
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return header + mask + body


class WebSocketClient(asyncio.Protocol):
    """One client connection; ``opened`` resolves after the handshake, ``closed`` at the end."""

    def __init__(self, host: str, path: str, on_text: Callable[[bytes], None]) -> None:
        self.host = host
        self.path = path
        self.on_text = on_text
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.fragments: list[bytes] = []
        self.handshaken = False
        loop = asyncio.get_running_loop()
        self.opened: asyncio.Future[None] = loop.create_future()
        self.closed: asyncio.Future[None] = loop.create_future()
        self.key = base64.b64encode(os.urandom(16))
        self.error: str | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(
            b"GET " + self.path.encode() + b" HTTP/1.1\r\n"
            b"Host: " + self.host.encode() + b"\r\n"
            b"Upgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: " + self.key + b"\r\n"
            b"Sec-WebSocket-Version: 13\r\n\r\n"
        )

    def _handshake(self) -> bool:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        del self.buffer[: end + 4]
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in head[1:])
        }
        accept = base64.b64encode(hashlib.sha1(self.key + _GUID).digest()).decode()
        if head[0].split(" ")[1:2] != ["101"] or headers.get("sec-websocket-accept") != accept:
            self._fail(f"handshake refused: {head[0]!r}")
            return False
        self.handshaken = True
        if not self.opened.done():
            self.opened.set_result(None)
        return True

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if not self.handshaken and not self._handshake():
            return
        buffer = self.buffer
        while len(buffer) >= 2:
            first, second = buffer[0], buffer[1]
            if second & 0x80:
                self._fail("the server masked a frame")
                return
            length, offset = second & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, offset = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, offset = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < offset + length:
                return
            payload = bytes(buffer[offset : offset + length])
            del buffer[: offset + length]
            self._frame(first & 0x80, first & 0x0F, payload)

    def _frame(self, fin: int, opcode: int, payload: bytes) -> None:
        if opcode in (TEXT, BINARY, CONTINUATION):
            if not fin:
                self.fragments.append(payload)
                return
            if self.fragments:
                payload = b"".join([*self.fragments, payload])
                self.fragments.clear()
            self.on_text(payload)
        elif opcode == PING:
            self.send_frame(PONG, payload)
        elif opcode == CLOSE:
            self.close(payload[:2])

    def send_frame(self, opcode: int, payload: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(_masked_frame(opcode, payload))

    def close(self, code: bytes = (1000).to_bytes(2, "big")) -> None:
        self.send_frame(CLOSE, code)
        if self.transport is not None:
            self.transport.close()

    def _fail(self, reason: str) -> None:
        self.error = reason
        if not self.opened.done():
            self.opened.set_exception(ConnectionError(reason))
        if self.transport is not None:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(exc or ConnectionError("closed during the handshake"))
        if not self.closed.done():
            self.closed.set_result(None)
