"""The Redis channel layer's prefix names the database, so installs on one Redis stay apart."""

from __future__ import annotations

import pytest

from config.channels import redis_channel_prefix


@pytest.mark.parametrize(
    ("url", "prefix"),
    [
        ("redis://127.0.0.1:6379/0", "asgi.db0."),
        ("redis://127.0.0.1:6379/11", "asgi.db11."),
        ("redis://:secret@redis:6379", "asgi.db0."),
        ("rediss://cache.internal:6380/3?ssl_cert_reqs=none", "asgi.db3."),
    ],
)
def test_the_prefix_names_the_database_number(url: str, prefix: str) -> None:
    assert redis_channel_prefix(url) == prefix
