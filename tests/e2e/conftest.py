"""Fixtures for the browser tests: one real `stockvis serve` on demo data for the whole session,
Debian's Chromium driven by Playwright (never a downloaded browser), a fresh page per test that
records console errors, and screenshots under var/screenshots/."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from tests.e2e.test_embedded_run import REPO, embedded_env, free_port

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def server_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of the test server, for commands that must reach its database."""
    var_dir = tmp_path_factory.mktemp("ui-var")
    # Two years of demo bars are enough for every page and start faster than the default.
    return {**embedded_env(var_dir / "var"), "THROTTLE_AUTH": "1000/min", "DEMO_YEARS": "2"}


def stockvis(env: dict[str, str], *args: str) -> str:
    """Runs a `stockvis` command against the test server's database and returns its output."""
    done = subprocess.run(
        [sys.executable, "-m", "stockvis.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def server_url(server_env: dict[str, str]) -> Iterator[str]:
    """The real server (web, worker, beat) on a free port with a temporary var/ and demo data."""
    var_dir = Path(server_env["VAR_DIR"]).parent
    port = free_port()
    log_path = var_dir / "serve.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "stockvis.cli", "serve", "--port", str(port)],
        cwd=REPO,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        # Generous: on a loaded shared machine the demo data alone can take minutes.
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, log_path.read_text()
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            assert time.monotonic() < deadline, "never became healthy:\n" + log_path.read_text()
            time.sleep(0.5)
        yield base
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session", autouse=True)
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@dataclass
class Console:
    """Console errors and uncaught exceptions a page produced."""

    errors: list[str] = field(default_factory=list)
    # Messages a test expects (a 404 it provoked on purpose), matched by substring.
    allowed: list[str] = field(default_factory=list)

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(a in e for a in self.allowed)]


@dataclass
class UI:
    page: Page
    base: str
    console: Console

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def shot(self, name: str) -> None:
        """Screenshots of the current page at desktop and phone width."""
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            self.page.set_viewport_size(size)
            self.page.wait_for_timeout(200)  # let the layout and the chart settle at the new size
            path = SCREENSHOTS / f"{name}-{label}.png"
            self.page.screenshot(path=str(path), full_page=True)
        self.page.set_viewport_size(DESKTOP)


@pytest.fixture
def ui(browser: Browser, server_url: str) -> Iterator[UI]:
    context = browser.new_context(viewport=DESKTOP, locale="en-US", timezone_id="Asia/Seoul")
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = Console()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            console.errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: console.errors.append(f"uncaught: {error}"))
    yield UI(page=page, base=server_url, console=console)
    context.close()
    assert console.unexpected() == [], console.unexpected()


def new_username() -> str:
    return f"e2e{uuid.uuid4().hex[:10]}"
