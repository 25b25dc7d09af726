"""The `stockvis` console script: Django's manage.py with one-line errors for bad configuration."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from stockvis.core.errors import StartupError

    try:
        execute_from_command_line(argv if argv is not None else sys.argv)
    except (ImproperlyConfigured, StartupError) as exc:
        # A configuration mistake deserves one clear line, not a traceback.
        sys.stderr.write(f"stockvis: configuration error: {exc}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
