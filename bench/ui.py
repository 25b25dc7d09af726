"""Benchmark of the web UI's stock page: JavaScript fetched on a first load and time to a drawn chart."""

# Run with `uv run python -m bench.ui` (needs Chromium at /usr/bin/chromium or $CHROMIUM; never
# downloads a browser). It starts `stockvis serve` on a free port with a throwaway VAR_DIR and five
# years of synthetic daily bars, then drives Chromium through Playwright:
#   JavaScript      every script the stock page fetches on a first load (empty cache), gzipped
#                   here at level 9 the way whitenoise precompresses them; target <= 300 KB
#   chart drawn     from navigation start (performance.timeOrigin) to the chart holding five
#                   years of daily bars and two animation frames painted after it, median of
#                   --loads fresh browser contexts (cold HTTP cache, warm server); target <= 1.0 s
# The live feed is off so its ticks do not compete with the measured loads. Exits non-zero when a
# target is missed.

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

TARGET_JS_KB = 300.0
TARGET_CHART_S = 1.0
SYMBOL = "AAPL"
FIVE_YEARS_BARS = 1200  # five years of sessions is about 1,260; fewer means the data is not there
REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# Resolves after the chart holds `bars` bars and two frames have been painted since.
DRAWN = """
async (bars) => {
  const chart = document.querySelector('.price-chart');
  if (!chart || Number(chart.dataset.bars) < bars || !chart.querySelector('canvas')) return null;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now();
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _server(var_dir: Path):
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"VAR_DIR": str(var_dir), "DEMO_YEARS": "5", "FEED_IN_SERVE": "false"})
    log = (var_dir.parent / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "stockvis.cli", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    "the server exited:\n" + (var_dir.parent / "serve.log").read_text()
                )
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("the server never became healthy")
            time.sleep(0.5)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _load(browser, url: str) -> tuple[float, int, int]:
    """One first load: (seconds to a drawn chart, gzipped script bytes, raw script bytes)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    scripts: list = []
    page.on(
        "response", lambda r: scripts.append(r) if r.request.resource_type == "script" else None
    )
    page.goto(url)
    handle = page.wait_for_function(DRAWN, arg=FIVE_YEARS_BARS, timeout=60_000, polling="raf")
    drawn_ms = float(handle.json_value())
    bodies = [r.body() for r in scripts]
    context.close()
    raw = sum(len(b) for b in bodies)
    zipped = sum(len(gzip.compress(b, compresslevel=9)) for b in bodies)
    return drawn_ms / 1000, zipped, raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loads", type=int, default=10)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(
            f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)",
            file=sys.stderr,
        )
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="stockvis-bench-ui-") as tmp:
        var_dir = Path(tmp) / "var"
        with _server(var_dir) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            url = f"{base}/stocks/{SYMBOL}?period=5y"
            _load(browser, url)  # warms the server's caches and the OS file cache, not measured
            results = [_load(browser, url) for _ in range(args.loads)]
            browser.close()
    seconds = statistics.median(r[0] for r in results)
    js_kb = results[0][1] / 1024
    raw_kb = results[0][2] / 1024
    print(f"stock page /stocks/{SYMBOL}?period=5y, five years of daily bars, {args.loads} loads")
    print(f"  {'JavaScript (gzip -9)':<30}{js_kb:>9.1f} KB   target <= {TARGET_JS_KB:.0f} KB")
    print(f"  {'JavaScript (uncompressed)':<30}{raw_kb:>9.1f} KB")
    print(
        f"  {'navigation to drawn chart':<30}{seconds:>9.3f} s    target <= {TARGET_CHART_S:.1f} s"
        f"  (min {min(r[0] for r in results):.3f}, max {max(r[0] for r in results):.3f})"
    )
    ok = js_kb <= TARGET_JS_KB and seconds <= TARGET_CHART_S
    if not ok:
        print("FAILED: a target was missed", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
