"""The deployment files (compose, systemd, Dockerfile) name commands, queues and settings that exist.

No Docker engine or systemd runs in the tests, so these check what a typo or a rename would break:
every process command resolves to real code, every queue a task is routed to has a worker, every
variable the compose file sets is a documented setting, and the image carries the system library
the compiled wheels link against.
"""

from __future__ import annotations

import importlib
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def _compose_commands() -> dict[str, list[str]]:
    """The command of every service that runs the Stock-Vis image."""
    compose = _compose()
    image = compose["x-app"]["image"]
    return {
        name: service["command"]
        for name, service in compose["services"].items()
        if service.get("image") == image and "command" in service
    }


def _systemd_commands() -> dict[str, list[str]]:
    commands = {}
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        lines = re.findall(r"^(ExecStart\w*)=(.+)$", unit.read_text(), re.MULTILINE)
        assert lines, f"{unit.name} has no ExecStart"
        for key, line in lines:
            # %i is the instance (a queue for workers, a port for web); %%h is a literal %h.
            instance = "default" if "worker" in unit.name else "8000"
            argv = shlex.split(line.replace("%%", "%").replace("%i", instance))
            # Installed processes run from the project's virtualenv, never through `uv run`
            # (which would sync the development tools into a production install).
            assert argv[0].endswith("/.venv/bin/" + Path(argv[0]).name), f"{unit.name}: {line}"
            argv[0] = Path(argv[0]).name
            commands[f"{unit.name} {key}"] = argv
    return commands


def _scheduler_commands() -> list[list[str]]:
    """The `stockvis` lines of the crontab and the Windows Task Scheduler script."""
    commands = []
    for path, marker in [
        (DEPLOY / "cron" / "stockvis.crontab", ".venv/bin/"),
        (DEPLOY / "windows" / "daily_collect.bat", ".venv\\Scripts\\"),
    ]:
        for line in path.read_text().splitlines():
            if marker + "stockvis" in line:
                command = (
                    line.split(marker, 1)[1].split(">>")[0].replace("stockvis.exe", "stockvis")
                )
                commands.append(shlex.split(command))
    return commands


def _queues_of(argv: list[str]) -> set[str]:
    if argv[:4] != ["celery", "-A", "config", "worker"]:
        return set()
    return set(argv[argv.index("-Q") + 1].split(",")) if "-Q" in argv else {"default"}


def _routed_queues() -> set[str]:
    return {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()} | {
        settings.CELERY_TASK_DEFAULT_QUEUE
    }


def _assert_command_resolves(where: str, argv: list[str]) -> None:
    program = argv[0]
    if program == "stockvis":
        app = get_commands().get(argv[1])
        assert app is not None, f"{where}: `stockvis {argv[1]}` is not a command"
        parser = load_command_class(app, argv[1]).create_parser("stockvis", argv[1])
        parser.parse_args(argv[2:])  # an unknown option exits here, failing the test
    elif program == "celery":
        assert argv[1:3] == ["-A", "config"], f"{where}: the Celery app is config"
        assert argv[3] in {"worker", "beat"}, f"{where}: unexpected celery {argv[3]}"
        assert importlib.import_module("config.celery").app.main
    elif program == "uvicorn":
        module, _, attribute = argv[1].partition(":")
        assert hasattr(importlib.import_module(module), attribute), f"{where}: {argv[1]}"
    else:
        pytest.fail(f"{where}: unknown program {program}")


def test_every_process_the_compose_file_starts_is_real_code():
    commands = _compose_commands()
    assert {"migrate", "web", "beat", "feed"} <= set(commands)
    for name, argv in commands.items():
        _assert_command_resolves(f"compose service {name}", argv)


def test_every_systemd_unit_starts_real_code():
    commands = _systemd_commands()
    units = {name.split()[0] for name in commands}
    assert {"stockvis-web@.service", "stockvis-worker@.service", "stockvis-beat.service"} <= units
    for name, argv in commands.items():
        _assert_command_resolves(f"systemd {name}", argv)


def test_every_scheduled_line_runs_a_real_command_with_real_options():
    commands = _scheduler_commands()
    assert len(commands) == 6  # four crontab lines, two in the Windows script
    for argv in commands:
        _assert_command_resolves("crontab or Windows script", argv)


def test_every_queue_a_task_is_routed_to_has_a_compose_worker_and_no_worker_reads_a_dead_queue():
    served = set().union(*(_queues_of(argv) for argv in _compose_commands().values()))
    assert served == _routed_queues()


def test_exactly_one_beat_and_one_feed_in_compose():
    commands = _compose_commands().values()
    assert sum(argv[3:4] == ["beat"] for argv in commands) == 1
    assert sum(argv[:2] == ["stockvis", "feed"] for argv in commands) == 1


def test_every_variable_the_compose_file_sets_is_a_documented_setting():
    documented = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M)
    )
    environment = _compose()["x-app"]["environment"]
    assert set(environment) <= documented, set(environment) - documented


def test_the_image_copies_what_exists_and_carries_the_openmp_runtime_lightgbm_links():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    for line in re.findall(r"^COPY (.+)$", dockerfile, re.MULTILINE):
        for source in line.split()[:-1]:
            assert (ROOT / source).exists(), f"Dockerfile copies missing {source}"
    lightgbm = Path(str(importlib.import_module("lightgbm").__file__)).parent
    library = next(lightgbm.rglob("lib_lightgbm.so"))
    linked = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
    # The slim base image has no libgomp; without it `import lightgbm` fails in every worker.
    assert "libgomp" in linked
    assert re.search(r"apt-get install[^\n]*libgomp1", dockerfile)


def _seconds(duration: str) -> float:
    """A compose duration such as 30s, 1m30s or 1m."""
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(float(n) * units[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)(h|m|s)", duration))


def test_docker_waits_longer_than_uvicorn_s_own_graceful_shutdown_before_killing_web():
    web = _compose()["services"]["web"]
    command = web["command"]
    uvicorn_bound = float(command[command.index("--timeout-graceful-shutdown") + 1])
    # Docker's default is 10 s: it SIGKILLed web before uvicorn's 20 s bound was reached.
    assert _seconds(web.get("stop_grace_period", "10s")) > uvicorn_bound


def test_the_build_context_keeps_out_the_secrets_and_nothing_the_image_copies():
    ignored = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ".env" in ignored
    copied = [
        source
        for line in re.findall(r"^COPY (.+)$", (DEPLOY / "Dockerfile").read_text(), re.MULTILINE)
        for source in line.split()[:-1]
    ]
    for source in copied:
        assert not any(Path(source).match(pattern) for pattern in ignored), source


def test_one_service_builds_the_image_every_stock_vis_process_runs():
    """A build per service gave one tag seven image ids (compose labels each service's build), so
    the next `up` recreated containers under new host names; none of them may be pulled either."""
    compose = _compose()
    app_services = {
        name: service
        for name, service in compose["services"].items()
        if service.get("image") == compose["x-app"]["image"]
    }
    assert set(_compose_commands()) == set(app_services)
    assert [name for name, service in app_services.items() if "build" in service] == ["migrate"]
    assert all(service["pull_policy"] == "never" for service in app_services.values())


def test_docker_gives_the_workers_time_for_a_warm_shutdown():
    services = _compose()["services"]
    workers = [name for name, argv in _compose_commands().items() if _queues_of(argv)]
    assert len(workers) == 3
    for name in workers:
        # A SIGKILLed worker's prefetched tasks come back only after the visibility timeout.
        assert _seconds(services[name].get("stop_grace_period", "10s")) >= 60, name
