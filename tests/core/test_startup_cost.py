"""Start-up stays light: every CLI command, `stockvis --help` included, sets Django up, so what the
apps import at start-up is paid on every command. The heavy numeric libraries load where used."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("pandas", "talib", "numpy", "exchange_calendars")


def test_django_setup_loads_none_of_the_heavy_numeric_libraries() -> None:
    probe = (
        "import sys, django; django.setup(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    out = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_stockvis_help_lists_the_commands_without_loading_pandas() -> None:
    probe = (
        "import sys; from stockvis.cli import main\n"
        "try:\n    main(['stockvis', '--help'])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('LOADED:' + str('pandas' in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "collect" in out.stdout
    assert "LOADED:False" in out.stderr
