"""A wrong setting stops start-up with one clear line, not a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_stockvis(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "STOCKVIS_ENV", "SECRET_KEY"}
    }
    environment.update({"VAR_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-m", "stockvis.cli", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "args", "expected"),
    [
        ({"DATABASE_URL": "not-a-url"}, ("check",), "DATABASE_URL"),
        ({"DATABASE_URL": "mysqlx://nobody@nowhere/db"}, ("check",), "DATABASE_URL"),
        (
            {"STOCKVIS_ENV": "production", "ALLOWED_HOSTS": "example.org"},
            ("check",),
            "SECRET_KEY is not set",
        ),
        (
            {"STOCKVIS_ENV": "production", "SECRET_KEY": "x" * 50},
            ("check",),
            "ALLOWED_HOSTS is not set",
        ),
        (
            {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
            ("serve", "--port", "0"),
            "cannot connect to the database",
        ),
        (
            {"REDIS_URL": "redis://127.0.0.1:1/0"},
            ("serve", "--port", "0"),
            "cannot reach Redis at REDIS_URL",
        ),
    ],
)
def test_bad_configuration_is_one_clear_line(
    tmp_path: Path, env: dict[str, str], args: tuple[str, ...], expected: str
) -> None:
    result = run_stockvis(tmp_path, *args, **env)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
