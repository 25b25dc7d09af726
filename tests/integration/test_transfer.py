"""`stockvis transfer` moves a SQLite deployment (demo universe, two users with portfolios) to an
empty PostgreSQL database: every table's count agrees, logins work there, new rows get new ids."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pytest

from tests.shared_data import REPO_ROOT

pytestmark = pytest.mark.integration

SETUP_USERS = """
from stockvis.accounts.models import User
from stockvis.portfolios import services
from decimal import Decimal
for name in ("alice", "bob"):
    user = User.objects.create_user(name, password="a-long-test-password")
    portfolio = services.portfolio_create(owner=user, name=f"{name}'s")
    services.holding_create(portfolio=portfolio, symbol="AAPL", quantity=Decimal(3),
                            average_price=Decimal(150))
"""

CHECK_TARGET = """
from stockvis.accounts.models import User
from stockvis.portfolios.models import Portfolio
bob = User.objects.get(username="bob")
assert bob.check_password("a-long-test-password")
before = max(Portfolio.objects.values_list("id", flat=True))
new = Portfolio.objects.create(owner=bob, name="after the move", base_currency="USD")
assert new.id > before, (new.id, before)
print("ok", Portfolio.objects.count())
"""


def stockvis(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stockvis.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def empty_postgres() -> str:
    server = urlparse(os.environ["DATABASE_URL"])
    name = f"stockvis_transfer_{uuid.uuid4().hex[:8]}"
    admin = f"postgresql://{server.netloc}/postgres"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    yield f"postgres://{server.netloc}/{name}"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_sqlite_deployment_moves_to_postgresql_whole(tmp_path: Path, empty_postgres: str) -> None:
    sqlite = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CI"}
    } | {"VAR_DIR": str(tmp_path / "var"), "CELERY_TASK_ALWAYS_EAGER": "true"}
    for step in (["migrate", "-v", "0"], ["seed_demo", "--years", "1"]):
        done = stockvis(sqlite, *step)
        assert done.returncode == 0, done.stderr
    users = stockvis(sqlite, "shell", "-v", "0", "-c", SETUP_USERS)
    assert users.returncode == 0, users.stderr

    moved = stockvis(sqlite, "transfer", "--to", empty_postgres)
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert "every count agrees" in moved.stdout
    counts = {
        line.split()[0]: line.split()[1:]
        for line in moved.stdout.splitlines()
        if line.endswith(" ok")
    }
    assert counts["accounts_user"] == ["2", "2", "ok"]
    assert counts["portfolios_holding"][0] == counts["portfolios_holding"][1] != "0"
    assert int(counts["market_dailyprice"][0]) > 4000

    again = stockvis(sqlite, "transfer", "--to", empty_postgres)
    assert again.returncode != 0
    assert "already holds data" in again.stderr

    target = sqlite | {"DATABASE_URL": empty_postgres}
    checked = stockvis(target, "shell", "-v", "0", "-c", CHECK_TARGET)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.split()[0] == "ok"
