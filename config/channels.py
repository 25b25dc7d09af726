"""Names for the Redis channel layer."""

from __future__ import annotations

from urllib.parse import urlparse


def redis_channel_prefix(redis_url: str) -> str:
    """The channel layer's prefix for ``redis_url``: it names the database number.

    Redis keeps keys per database, but its pub/sub channels are one namespace for the whole
    server: two Stock-Vis installs on one Redis (``.../0`` and ``.../1``, or a test run beside a
    running app) would otherwise deliver each other's messages to sockets whose group names
    match, such as ``user.1``.
    """
    path = urlparse(redis_url).path.strip("/")
    database = path if path.isdigit() else "0"
    return f"asgi.db{database}."
