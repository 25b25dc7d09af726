"""ASGI entry point: Django for HTTP, Channels for WebSockets (/ws/...)."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Django must be set up before anything imports models (the consumers do).
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from stockvis.core import taskdump  # noqa: E402
from stockvis.core.websocket import unknown_path_route  # noqa: E402
from stockvis.realtime.auth import websocket_stack  # noqa: E402
from stockvis.realtime.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": websocket_stack(URLRouter([*websocket_urlpatterns, unknown_path_route])),
    }
)

# Everything loaded so far lives as long as the process; a full collection walked all of it and
# stopped every socket's updates for 230-490 ms at 1,000 sockets (README "Realtime"). Frozen
# objects are never scanned again.
gc.freeze()

# kill -USR1 <pid> writes every asyncio task's stack to the log: what a process that does not
# stop on SIGTERM is waiting for.
taskdump.install()
