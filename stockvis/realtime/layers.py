"""A channel layer for the embedded run: local delivery in memory, group messages shared by a
small SQLite outbox that every local process writes and every web process tails.

Without Redis, each process (web, Celery worker, feed) would have its own in-memory layer and a
group message sent by the worker or the feed would never reach a socket. Here ``group_send``
delivers to this process's own consumers at once and appends the message to the outbox; a relay
task in each process that has consumers reads the rows other processes wrote and delivers them
locally. Only group messages cross processes, which is all Stock-Vis sends (quotes to a symbol's
group, events to a user's group); several web processes work too, each tailing the outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from channels.layers import InMemoryChannelLayer

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL,
    grp TEXT NOT NULL,
    message TEXT NOT NULL,
    created REAL NOT NULL
)
"""


class Outbox:
    """The shared append-only table (WAL, so readers never wait for the writer)."""

    def __init__(self, path: str | Path, *, retention: float = 60.0) -> None:
        self.path = Path(path)
        self.retention = retention
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._appended = 0

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=10, check_same_thread=False, isolation_level=None
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
            self._conn = conn
        return self._conn

    def append(self, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Append (origin, group, message) rows in one transaction; prune old rows now and then."""
        now = time.time()
        encoded = [(origin, group, json.dumps(message), now) for origin, group, message in rows]
        with self._lock:
            conn = self._connection()
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT INTO outbox (origin, grp, message, created) VALUES (?, ?, ?, ?)",
                    encoded,
                )
                self._appended += len(rows)
                if self._appended >= 500:
                    self._appended = 0
                    conn.execute("DELETE FROM outbox WHERE created < ?", (now - self.retention,))

    def last_id(self) -> int:
        with self._lock:
            row = self._connection().execute("SELECT MAX(id) FROM outbox").fetchone()
        return int(row[0] or 0)

    def read_after(self, last_id: int) -> list[tuple[int, str, str, str]]:
        """Rows after ``last_id``: (id, origin, group, encoded message).

        Every row, this process's own included, so the reader moves past exactly what it read:
        skipping its own rows with a second query could also skip rows another process wrote
        between the two queries (a whole feed round was lost that way under load)."""
        with self._lock:
            return (
                self._connection()
                .execute(
                    "SELECT id, origin, grp, message FROM outbox WHERE id > ? ORDER BY id",
                    (last_id,),
                )
                .fetchall()
            )

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class LocalProcessChannelLayer(InMemoryChannelLayer):
    """In-memory delivery plus the outbox relay (configured in settings when REDIS_URL is unset)."""

    def __init__(
        self,
        path: str,
        poll_interval: float = 0.01,
        retention: float = 60.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        # The base class keeps channel_capacity as given, then expects (regex, capacity) pairs.
        capacities: Any = getattr(self, "channel_capacity", None)
        if isinstance(capacities, dict):
            self.channel_capacity = self.compile_capacities(capacities)
        self.outbox = Outbox(path, retention=retention)
        self.poll_interval = poll_interval
        self.origin = uuid.uuid4().hex
        self._relay: asyncio.Task[None] | None = None
        self._relay_loop: asyncio.AbstractEventLoop | None = None

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        await self.group_send_many([(group, message)])

    async def group_send_many(self, items: list[tuple[str, dict[str, Any]]]) -> None:
        """Several group messages with one outbox write (the feed sends a round at once)."""
        for group, _message in items:
            self.require_valid_group_name(group)
        rows = [(self.origin, group, message) for group, message in items]
        await asyncio.to_thread(self.outbox.append, rows)
        for group, message in items:
            self._deliver_local(group, message)

    def _deliver_local(self, group: str, message: dict[str, Any]) -> None:
        """Fan a group message out to this process's channels.

        The base class copies the message and starts a task for every channel; a price update
        goes to every socket on its symbol each second, so here each channel's queue gets the
        same (read-only) message directly. A full queue drops it, as the base class does.
        """
        channels = self.groups.get(group)
        if not channels:
            return
        expires = time.time() + self.expiry
        for channel in list(channels):
            queue = self.channels.get(channel)
            if queue is None:
                queue = self.channels.setdefault(
                    channel, asyncio.Queue(maxsize=self.get_capacity(channel))
                )
            if not queue.full():
                queue.put_nowait((expires, message))

    async def group_add(self, group: str, channel: str) -> None:
        await super().group_add(group, channel)
        self._ensure_relay()

    def _ensure_relay(self) -> None:
        loop = asyncio.get_running_loop()
        if self._relay is not None and not self._relay.done() and self._relay_loop is loop:
            return
        self._relay_loop = loop
        self._relay = loop.create_task(self._relay_forever())

    async def _relay_forever(self) -> None:
        last_id = await asyncio.to_thread(self.outbox.last_id)
        cleaned_at = time.monotonic()
        while True:
            if time.monotonic() - cleaned_at > 1.0:
                # The base class sweeps expired messages and memberships on every send; once a
                # second is enough and keeps a fan-out from walking every channel each time.
                self._clean_expired()
                cleaned_at = time.monotonic()
            try:
                rows = await asyncio.to_thread(self.outbox.read_after, last_id)
                for row_id, origin, group, encoded in rows:
                    last_id = row_id
                    # Our own rows were delivered locally when they were sent.
                    if origin != self.origin and group in self.groups:
                        self._deliver_local(group, json.loads(encoded))
            except asyncio.CancelledError:
                raise
            except Exception:  # a locked or damaged outbox must not kill the relay
                logger.warning("channel layer relay failed; retrying", exc_info=True)
                await asyncio.sleep(1)
            await asyncio.sleep(self.poll_interval)

    async def flush(self) -> None:
        await super().flush()
        if self._relay is not None:
            self._relay.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await self._relay
            self._relay = None
