"""Settings from the environment: the example file boots as is, secrets are never fixed, and the
production settings pass Django's deployment checks."""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_path, env_str
from config.secret_key import secret_key_from_var_dir
from config.security import proxy_ssl_header

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / ".env.example"

BOOT_WITH_EXAMPLE = f"""
import json, os
from dotenv import load_dotenv
load_dotenv({str(EXAMPLE)!r})  # exactly what `cp .env.example .env` makes settings.py do
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="localhost")
print(json.dumps({{
    "status": response.status_code,
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
    "var_dir": str(settings.VAR_DIR),
    "secret_key_file": (settings.VAR_DIR / "secret_key").exists(),
}}))
"""


def clean_environment(**extra: str) -> dict[str, str]:
    keep = {"PATH", "HOME", "LANG", "TMPDIR", "VIRTUAL_ENV"}
    return {**{k: v for k, v in os.environ.items() if k in keep}, **extra}


def test_the_example_file_copied_as_env_serves_requests_from_any_directory(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BOOT_WITH_EXAMPLE],
        cwd=tmp_path,  # VAR_DIR=./var must not land here
        env=clean_environment(PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    booted = json.loads(result.stdout.strip().splitlines()[-1])
    assert booted["status"] in (200, 503)  # served (healthy or not), never DisallowedHost's 400
    assert booted["debug"] is True
    assert "localhost" in booted["hosts"]
    assert booted["var_dir"] == str(REPO / "var")
    assert booted["secret_key_file"] is True
    assert not (tmp_path / "var").exists()


def test_an_empty_value_means_unset_for_every_kind_of_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("SV_STR", "SV_BOOL", "SV_INT", "SV_LIST", "SV_PATH"):
        monkeypatch.setenv(name, "  ")
    assert env_str("SV_STR", "fallback") == "fallback"
    assert env_bool("SV_BOOL", True) is True
    assert env_int("SV_INT", 7) == 7
    assert env_list("SV_LIST", "a,b") == ["a", "b"]
    assert env_path("SV_PATH", Path("/srv/x"), base=Path("/project")) == Path("/srv/x")
    monkeypatch.setenv("SV_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SV_BOOL"):
        env_bool("SV_BOOL")


def test_a_relative_path_is_taken_relative_to_the_project(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SV_PATH", "./var/data")
    monkeypatch.chdir(tmp_path)
    assert env_path("SV_PATH", Path("unused"), base=REPO) == REPO / "var" / "data"


def test_without_a_secret_key_a_random_one_is_made_once_and_kept_private(
    tmp_path: Path,
) -> None:
    first_dir, second_dir = tmp_path / "one", tmp_path / "two"
    first_dir.mkdir()
    second_dir.mkdir()
    key = secret_key_from_var_dir(first_dir)
    assert len(key) >= 50
    assert stat.S_IMODE((first_dir / "secret_key").stat().st_mode) == 0o600
    assert secret_key_from_var_dir(first_dir) == key  # kept across restarts
    assert secret_key_from_var_dir(second_dir) != key  # never a fixed value
    assert [p.name for p in first_dir.iterdir()] == ["secret_key"]  # no draft left behind


def test_a_key_file_others_can_read_is_made_private(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text(secrets.token_urlsafe(64))
    (tmp_path / "secret_key").chmod(0o644)
    secret_key_from_var_dir(tmp_path)
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_no_signing_key_is_written_in_the_repository() -> None:
    from django.conf import settings

    tracked = subprocess.run(
        ["git", "grep", "-l", "--fixed-strings", settings.SECRET_KEY],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tracked.stdout == ""
    assert "insecure-development-key" not in (REPO / "config" / "settings.py").read_text()


def test_the_proxy_https_header_is_read_from_one_setting() -> None:
    assert proxy_ssl_header("X-Forwarded-Proto=https") == ("HTTP_X_FORWARDED_PROTO", "https")
    assert proxy_ssl_header("") is None
    with pytest.raises(ImproperlyConfigured, match="X-Forwarded-Proto=https"):
        proxy_ssl_header("https")


def test_production_settings_pass_the_deployment_checks(tmp_path: Path) -> None:
    env = clean_environment(
        STOCKVIS_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="stocks.example.org",
        VAR_DIR=str(tmp_path),
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto=https",
    )
    result = subprocess.run(
        [sys.executable, "-m", "stockvis.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
