"""SIGUSR1 writes what a web process is waiting for: every asyncio task's stack and every thread's.

A process that does not stop on SIGTERM usually waits in a coroutine, and a thread dump
(faulthandler, py-spy) shows only an idle event loop. Send ``kill -USR1 <pid>``; the dump goes to
stderr (the service's log). Each task is printed with the chain of awaitables it is suspended in,
which names the future it is waiting for.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
import traceback
from types import FrameType
from typing import Any, TextIO


def _awaiting(task: asyncio.Task[Any]) -> list[str]:
    chain: list[str] = []
    awaited = getattr(task.get_coro(), "cr_await", None)
    while awaited is not None and len(chain) < 50:
        chain.append(repr(awaited))
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    return chain


def dump_tasks(loop: asyncio.AbstractEventLoop | None, out: TextIO) -> None:
    tasks = asyncio.all_tasks(loop) if loop is not None else set()
    out.write(f"\n--- task dump: {len(tasks)} asyncio tasks on {loop!r}\n")
    for task in tasks:
        out.write(f"{task!r}\n")
        task.print_stack(limit=40, file=out)
        for awaited in _awaiting(task):
            out.write(f"    awaits {awaited}\n")
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    for ident, frame in sys._current_frames().items():
        out.write(f"--- thread {names.get(ident, ident)}\n")
        traceback.print_stack(frame, limit=40, file=out)
    out.write("--- end of task dump\n")
    out.flush()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    # A signal handler runs in the main thread between two bytecodes: in a web process that is
    # the thread running the event loop, so this is its loop.
    try:
        loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
    except RuntimeError:  # not serving yet, or no longer
        loop = None
    dump_tasks(loop, sys.stderr)


def install() -> None:
    """Dump on SIGUSR1 (POSIX only; only the main thread may set a handler)."""
    usr1 = getattr(signal, "SIGUSR1", None)
    if usr1 is not None and threading.current_thread() is threading.main_thread():
        signal.signal(usr1, _on_signal)
