"""Decoded ledgers kept in the process, one per portfolio, with the ``ledger_version`` they are.

A valuation, a history and the live portfolio socket all replay the whole ledger, and turning
2,000 stored rows into exact Decimal entries took more time than the valuation itself. The rows
only change when the portfolio's transactions do, and every such write gives the portfolio a new
random ``ledger_version`` in the same database transaction (``models.ledger_changed``), so a
ledger held with the version read from the database is the ledger as committed; with any other
version it is decoded again and replaces the one held. A write that is rolled back leaves at most
a ledger with a version nothing will ever read again, replaced on the next read.

Entries are immutable (frozen dataclasses) and handed out as new lists, so no caller can change
what the next one reads. The cache is per process: web, worker and feed processes each keep their
own, and each reads the version from the shared database.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

from stockvis.portfolios import ledger

# About half a kilobyte per entry (the Decimals, the date, the slots): 50,000 entries, a few
# dozen large ledgers or thousands of small ones, stay within about 25 MB per process.
MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class CachedLedger:
    version: object
    entries: tuple[ledger.Transaction, ...]
    # The symbol of every asset as the entries name it: a renamed asset makes the entry stale.
    symbols: dict[int, str]


class LedgerCache:
    """A least-recently-used map of decoded ledgers, bounded by their total number of entries."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[Hashable, CachedLedger] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> CachedLedger | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: CachedLedger) -> None:
        if len(value.entries) > self.max_entries:
            return  # larger than the whole cache: decoded on every read instead
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old.entries)
            self._items[key] = value
            self._size += len(value.entries)
            while self._size > self.max_entries:
                _, evicted = self._items.popitem(last=False)
                self._size -= len(evicted.entries)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._items)

    @property
    def size(self) -> int:
        """Entries held, over all ledgers."""
        return self._size


LEDGERS = LedgerCache()
