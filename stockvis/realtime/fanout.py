"""Per-process fan-out of group messages to this process's WebSocket consumers.

A consumer that joins a channel-layer group with a channel of its own makes every group message
cross the layer once per socket: at 1,000 sockets over 50 symbols that is 1,000 layer messages a
second through one process's receive path, and on channels-redis all of them queue on one Redis
key whose capacity then overflows (``group_send`` drops to a full channel without a word). Here
each web process joins a group once, with one channel of its own and one receive loop, and hands
each message to its local sockets' inboxes, so a symbol's update crosses the layer once per web
process however many sockets watch it.

Sinks are the consumers (``stockvis.realtime.consumers``); ``deliver`` must not block: a sink
queues the event and sends it from its own task, so one slow socket never delays the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import weakref
from typing import Any, Protocol

from channels.layers import BaseChannelLayer, get_channel_layer

logger = logging.getLogger(__name__)

# Channel names start with this, so settings can give the hub's channel a larger capacity.
CHANNEL_PREFIX = "fanout"
# Full garbage collections: how often, and the quiet spell (no group message) each waits for.
FULL_COLLECTION_EVERY = 60.0
QUIET_SPELL = 0.05


class Sink(Protocol):
    def deliver(self, event: dict[str, Any]) -> None:
        """Take one event (shared, read-only) without awaiting anything."""


class FanoutHub:
    """One process's (one event loop's) membership of channel-layer groups."""

    def __init__(self, layer: BaseChannelLayer) -> None:
        self.layer = layer
        self.channel_name: str | None = None
        self.members: dict[str, set[Sink]] = {}
        # Joins and leaves of one group must reach the layer in order; they rarely await (only
        # the first join and the last leave of a group talk to the layer), so one lock is enough.
        self._lock = asyncio.Lock()
        self._receiver: asyncio.Task[None] | None = None
        self._renewer: asyncio.Task[None] | None = None
        self._collector: asyncio.Task[None] | None = None
        self.last_message_at = 0.0
        self._leaving: set[asyncio.Task[None]] = set()
        self.received = 0  # layer messages taken off the hub's channel (tests, benchmarks)

    async def join(self, group: str, sink: Sink) -> None:
        async with self._lock:
            sinks = self.members.get(group)
            if sinks is None:
                if self.channel_name is None:
                    self.channel_name = await self.layer.new_channel(CHANNEL_PREFIX)
                # The layer membership exists before the first sink is listed, so a caller
                # that sends a snapshot after joining cannot miss an update in between.
                await self.layer.group_add(group, self.channel_name)
                sinks = self.members[group] = set()
                self._start()
            sinks.add(sink)

    async def leave(self, group: str, sink: Sink) -> None:
        async with self._lock:
            sinks = self.members.get(group)
            if sinks is None or sink not in sinks:
                return
            sinks.discard(sink)
            if not sinks:
                del self.members[group]
                assert self.channel_name is not None
                await self.layer.group_discard(group, self.channel_name)

    def forget(self, sink: Sink) -> None:
        """Drop ``sink`` everywhere now (its task is ending) and leave emptied groups later."""
        emptied = []
        for group, sinks in list(self.members.items()):
            if sink in sinks:
                sinks.discard(sink)
                if not sinks:
                    emptied.append(group)
        if emptied:
            task = asyncio.get_running_loop().create_task(self._leave_if_empty(emptied))
            self._leaving.add(task)  # a reference, so the task is not collected mid-way
            task.add_done_callback(self._leaving.discard)

    async def _leave_if_empty(self, groups: list[str]) -> None:
        async with self._lock:
            for group in groups:
                if not self.members.get(group, True):
                    del self.members[group]
                    assert self.channel_name is not None
                    try:
                        await self.layer.group_discard(group, self.channel_name)
                    except Exception:  # the layer forgets it after its group expiry anyway
                        logger.warning("fan-out could not leave %s", group, exc_info=True)

    def sinks(self, group: str) -> int:
        return len(self.members.get(group, ()))

    # -- receiving -------------------------------------------------------------------------

    def _start(self) -> None:
        if self._receiver is not None and not self._receiver.done():
            return
        loop = asyncio.get_running_loop()
        self._receiver = loop.create_task(self._receive(), name="fanout-receive")
        self._renewer = loop.create_task(self._renew(), name="fanout-renew")
        self._collector = loop.create_task(self._collect_garbage(), name="fanout-gc")

    async def _receive(self) -> None:
        # No timeout around receive: the pub/sub layer forgets a channel whose receive is
        # cancelled.
        assert self.channel_name is not None
        while True:
            try:
                event = await self.layer.receive(self.channel_name)
            except asyncio.CancelledError:
                raise
            except Exception:  # a lost Redis connection must not end every socket's stream
                logger.warning("fan-out receive failed; retrying in 1 s", exc_info=True)
                await asyncio.sleep(1)
                continue
            self.received += 1
            self.dispatch(event)

    def dispatch(self, event: dict[str, Any]) -> None:
        self.last_message_at = asyncio.get_running_loop().time()
        sinks = self.members.get(event.get("group", ""))
        if not sinks:
            return
        for sink in tuple(sinks):
            sink.deliver(event)

    async def _renew(self) -> None:
        """Re-join every group well before the layer's group expiry (a day by default) ends a
        membership that outlived it: the hub's groups live as long as the process."""
        expiry = float(getattr(self.layer, "group_expiry", 86400))
        while True:
            await asyncio.sleep(max(1.0, min(3600.0, expiry / 4)))
            async with self._lock:
                for group in list(self.members):
                    assert self.channel_name is not None
                    with contextlib.suppress(Exception):
                        await self.layer.group_add(group, self.channel_name)

    async def _collect_garbage(self) -> None:
        """Full collections between bursts of messages, not in the middle of one.

        With a thousand sockets a full collection walks every one's objects and takes 100-500 ms
        (measured: README "Realtime"); Python starts one whenever enough objects have aged, often
        while a round of updates is going out, and every socket of that round waits. A process
        with a hub turns those automatic full collections off and runs one every
        FULL_COLLECTION_EVERY seconds once no group message has arrived for QUIET_SPELL (or
        after 5 s of waiting for one), so cycles still get collected."""
        thresholds = gc.get_threshold()
        gc.set_threshold(thresholds[0], thresholds[1], 1_000_000_000)  # full ones only from here
        loop = asyncio.get_running_loop()
        try:
            while True:
                await asyncio.sleep(FULL_COLLECTION_EVERY)
                waited_until = loop.time() + 5.0
                while (
                    loop.time() - self.last_message_at < QUIET_SPELL and loop.time() < waited_until
                ):
                    await asyncio.sleep(QUIET_SPELL / 5)
                gc.collect()
        finally:  # the loop is closing (tests run one per test): Python's own schedule again
            gc.set_threshold(*thresholds)


_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, FanoutHub] = weakref.WeakKeyDictionary()


def current_hub() -> FanoutHub:
    """This event loop's hub on the default channel layer (a new one if settings changed it)."""
    loop = asyncio.get_running_loop()
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("CHANNEL_LAYERS is not configured")
    hub = _hubs.get(loop)
    if hub is None or hub.layer is not layer:
        hub = _hubs[loop] = FanoutHub(layer)
    return hub
