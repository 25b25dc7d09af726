import asyncio
import io
import os
import signal
import sys

import pytest

from stockvis.core import taskdump


def test_the_dump_names_each_task_and_what_it_is_waiting_for() -> None:
    async def waits_for_ever(event: asyncio.Event) -> None:
        await event.wait()

    async def scenario() -> str:
        event = asyncio.Event()
        task = asyncio.create_task(waits_for_ever(event), name="stuck-socket")
        await asyncio.sleep(0)
        out = io.StringIO()
        taskdump.dump_tasks(asyncio.get_running_loop(), out)
        task.cancel()
        return out.getvalue()

    dump = asyncio.run(scenario())
    assert "name='stuck-socket'" in dump
    assert "in waits_for_ever" in dump
    assert "awaits <coroutine object Event.wait" in dump
    assert "--- thread MainThread" in dump


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="no SIGUSR1 on this platform")
def test_sigusr1_writes_the_dump_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    previous = signal.getsignal(signal.SIGUSR1)
    taskdump.install()
    try:

        async def scenario() -> None:
            os.kill(os.getpid(), signal.SIGUSR1)
            await asyncio.sleep(0.05)

        asyncio.run(scenario())
        sys.stderr.flush()
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert "asyncio tasks on <_UnixSelectorEventLoop" in capfd.readouterr().err
