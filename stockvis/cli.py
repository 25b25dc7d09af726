"""The `stockvis` console script: Django's manage.py with one-line errors for bad configuration."""

from __future__ import annotations

import os
import sys

# Commands that run for long and whose log is their output; every other command prints its own
# summary, so its log stays at warnings unless LOG_LEVEL says otherwise.
_LOGGING_COMMANDS = {"serve", "feed", "runserver"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    args = argv if argv is not None else sys.argv
    if len(args) > 1 and args[1] not in _LOGGING_COMMANDS:
        os.environ.setdefault("LOG_LEVEL", "WARNING")
        # Tasks this command queues are run by workers elsewhere: check that some read them.
        os.environ["STOCKVIS_ONE_SHOT"] = "1"
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    from stockvis.core.errors import StartupError

    try:
        execute_from_command_line(args)
    except (ImproperlyConfigured, StartupError) as exc:
        # A configuration mistake deserves one clear line, not a traceback.
        sys.stderr.write(f"stockvis: configuration error: {exc}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
