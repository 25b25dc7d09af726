"""`stockvis serve` keeps DEBUG pages on this machine unless told otherwise."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management.base import CommandError

from stockvis.core.management.commands.serve import refuse_debug_beyond_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "stocks.example.org"])
def test_debug_on_a_network_address_is_refused(host: str) -> None:
    with pytest.raises(CommandError, match="DEBUG on"):
        refuse_debug_beyond_loopback(host=host, debug=True, allowed=False)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_debug_on_loopback_is_fine(host: str) -> None:
    refuse_debug_beyond_loopback(host=host, debug=True, allowed=False)


def test_a_network_address_is_fine_without_debug_or_when_told_explicitly() -> None:
    refuse_debug_beyond_loopback(host="0.0.0.0", debug=False, allowed=False)
    refuse_debug_beyond_loopback(host="0.0.0.0", debug=True, allowed=True)


def test_the_serve_command_refuses_before_starting_anything(settings: Any) -> None:
    from django.core.management import call_command

    settings.DEBUG = True
    with pytest.raises(CommandError, match=r"refusing to listen on 0\.0\.0\.0"):
        call_command("serve", host="0.0.0.0", port=0)
