"""CLI commands print their own summaries, so their log stays at warnings; the long-running ones
(serve, feed) keep the configured level, and an explicit LOG_LEVEL always wins."""

from __future__ import annotations

import os

import pytest

from stockvis import cli


@pytest.fixture
def seen_level(monkeypatch: pytest.MonkeyPatch) -> dict[str, str | None]:
    seen: dict[str, str | None] = {}
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.delenv("STOCKVIS_ONE_SHOT", raising=False)  # main() sets it; undone after
    monkeypatch.setattr(
        "django.core.management.execute_from_command_line",
        lambda argv: seen.update(level=os.environ.get("LOG_LEVEL")),
    )
    return seen


def test_a_one_shot_command_logs_only_warnings(seen_level: dict[str, str | None]) -> None:
    cli.main(["stockvis", "collect", "--assets", "AAPL"])
    assert seen_level["level"] == "WARNING"


def test_serve_keeps_the_configured_level(seen_level: dict[str, str | None]) -> None:
    cli.main(["stockvis", "serve"])
    assert seen_level["level"] is None


def test_an_explicit_log_level_wins(
    seen_level: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    cli.main(["stockvis", "collect"])
    assert seen_level["level"] == "DEBUG"
