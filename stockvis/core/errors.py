"""Errors shared across the project."""


class StartupError(RuntimeError):
    """Start-up cannot continue (a service is unreachable, a setting is wrong)."""
