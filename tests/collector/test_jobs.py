"""Jobs whose process died are marked failed, and `stockvis jobs` says so."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import socket
import subprocess
import sys
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from stockvis.collector.jobs import (
    job_start,
    jobs_reap,
    pid_alive,
    process_start_ticks,
    process_started_at,
)
from stockvis.collector.models import JobRun, JobStatus

pytestmark = pytest.mark.django_db


def test_a_job_whose_process_was_killed_is_marked_failed_and_jobs_says_so() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    job = job_start(job_name="import_prices", provider="csv", parameters={"symbol": "SPY"})
    JobRun.objects.filter(pk=job.pk).update(pid=child.pid)  # the import ran in that process
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)

    out = io.StringIO()
    call_command("jobs", stdout=out)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILURE
    assert job.ended_at is not None
    assert job.error_summary["abandoned"] is True
    expected = f"its process {child.pid} on {socket.gethostname()} is gone (killed or crashed)"
    assert f"Job import_prices #{job.pk} marked failed: {expected}" in out.getvalue()
    assert "process gone" in out.getvalue()  # and the table row says why
    assert "running" not in out.getvalue()


def test_a_job_still_beating_is_left_running() -> None:
    job = job_start(job_name="collect", provider="synthetic", parameters={})
    assert job.host == socket.gethostname()
    assert job.pid == os.getpid()
    assert jobs_reap() == []
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING


def test_a_job_on_another_host_without_a_heartbeat_for_too_long_is_marked_failed(
    settings: Any,
) -> None:
    settings.JOB_STALE_AFTER = 600
    now = timezone.now()
    quiet = JobRun.objects.create(
        job_name="collect",
        status=JobStatus.RUNNING,
        host="worker-7",
        pid=4242,
        started_at=now - dt.timedelta(hours=2),
        heartbeat_at=now - dt.timedelta(minutes=11),
    )
    beating = JobRun.objects.create(
        job_name="backfill",
        status=JobStatus.RUNNING,
        host="worker-7",
        pid=4243,
        started_at=now - dt.timedelta(hours=2),
        heartbeat_at=now - dt.timedelta(minutes=9),
    )
    reaped = jobs_reap(
        now=now, alive=lambda pid, since, ticks: pytest.fail("another host's pid is not ours")
    )
    assert [j.pk for j in reaped] == [quiet.pk]
    quiet.refresh_from_db()
    beating.refresh_from_db()
    assert (quiet.status, beating.status) == (JobStatus.FAILURE, JobStatus.RUNNING)
    assert "no heartbeat since" in quiet.error_summary["message"]
    assert "JOB_STALE_AFTER is 600 s" in quiet.error_summary["message"]


def test_a_worker_starting_marks_failed_the_jobs_its_killed_predecessor_left_running() -> None:
    """Found by the soak test: a worker killed mid-collection left its job `running` until the
    daily health check; the worker restarted after it now says at once that the job died (its
    task, acknowledged late, comes back from the broker and runs again)."""
    from celery.signals import worker_ready, worker_shutdown

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = job_start(job_name="collect", provider="synthetic", parameters={"days": 400})
    JobRun.objects.filter(pk=dead.pk).update(pid=child.pid)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    alive = job_start(job_name="collect", provider="synthetic", parameters={})

    class Consumer:
        hostname = "celery@restarted"

    worker_ready.send(sender=Consumer())
    worker_shutdown.send(sender=None)
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == JobStatus.FAILURE
    assert "is gone (killed or crashed)" in dead.error_summary["message"]
    assert alive.status == JobStatus.RUNNING


def test_a_process_started_after_the_job_under_its_pid_is_not_the_job_s_process() -> None:
    """Found running deploy/compose.yaml: a worker container restarted after SIGKILL forks its
    pool children with the same small pids as before, so the job the killed child left
    `running` looked alive and stayed so until JOB_STALE_AFTER."""
    newcomer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        job = job_start(job_name="collect", provider="synthetic", parameters={"days": 400})
        # The job's process is gone; the newcomer holds its pid now.
        JobRun.objects.filter(pk=job.pk).update(pid=newcomer.pid)
        reaped = jobs_reap()
        assert [j.pk for j in reaped] == [job.pk]
        assert "is gone (killed or crashed)" in reaped[0].error_summary["message"]
        assert newcomer.poll() is None  # the newcomer itself is left alone
    finally:
        newcomer.kill()
        newcomer.wait(timeout=10)


def test_a_process_is_alive_for_a_job_it_started_and_not_for_one_older_than_itself() -> None:
    started = process_started_at(os.getpid())
    assert started is not None
    assert abs((timezone.now() - started).total_seconds()) < 24 * 3600
    assert pid_alive(os.getpid(), timezone.now())
    assert pid_alive(os.getpid(), started)
    assert not pid_alive(os.getpid(), started - dt.timedelta(seconds=5))


def test_a_job_recorded_before_its_process_start_was_stored_falls_back_to_the_start_times() -> None:
    newcomer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        job = job_start(job_name="collect", provider="synthetic", parameters={})
        # As recorded before pid_started existed: the job started ten seconds before the
        # process that now holds its pid.
        JobRun.objects.filter(pk=job.pk).update(
            pid=newcomer.pid,
            pid_started=None,
            started_at=timezone.now() - dt.timedelta(seconds=10),
        )
        assert [j.pk for j in jobs_reap()] == [job.pk]
    finally:
        newcomer.kill()
        newcomer.wait(timeout=10)


def test_the_job_s_own_process_is_alive_whatever_the_wall_clock_says() -> None:
    """The exact check ignores the clocks: a job whose recorded start is long before its own
    process began (a wall clock stepped forward meanwhile) is still its process's."""
    job = job_start(job_name="collect", provider="synthetic", parameters={})
    assert job.pid_started == process_start_ticks(os.getpid())
    JobRun.objects.filter(pk=job.pk).update(started_at=timezone.now() - dt.timedelta(days=3))
    assert jobs_reap() == []
    assert pid_alive(os.getpid(), timezone.now() - dt.timedelta(days=3), job.pid_started)
    assert not pid_alive(os.getpid(), None, (job.pid_started or 0) + 1)
