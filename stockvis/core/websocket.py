"""The answer to a WebSocket path that matches no route: a clean close, not a logged traceback."""

from __future__ import annotations

from channels.generic.websocket import WebsocketConsumer
from django.urls import re_path

UNKNOWN_PATH_CLOSE_CODE = 4404


class UnknownPathConsumer(WebsocketConsumer):
    def connect(self) -> None:
        self.close(code=UNKNOWN_PATH_CLOSE_CODE)


# Appended after every real route: Channels' router raises (and logs a traceback) otherwise.
unknown_path_route = re_path(r"", UnknownPathConsumer.as_asgi())
