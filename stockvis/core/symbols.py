"""Canonical asset symbols: one spelling in the database, in URLs and in the API."""

from __future__ import annotations

import re

# Upper case, URL-safe, short. Covers tickers (AAPL, BRK.B), KRX codes (005930), pairs (BTC-KRW,
# USD-KRW), futures (GC=F) and index codes (KS11, US500).
_CANONICAL = re.compile(r"^[A-Z0-9][A-Z0-9.=\-]{0,23}$")


# What a symbol in a URL path may look like before normalising: the canonical characters in any
# case (the path cannot carry the "/" of a provider's pair, and padding is not a symbol).
SYMBOL_INPUT_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9.=\-]{0,23}$"
_INPUT = re.compile(SYMBOL_INPUT_PATTERN)


class InvalidSymbol(ValueError):
    """A symbol that cannot be made canonical."""


def normalize_symbol(raw: str) -> str:
    """Return the canonical spelling of ``raw`` or raise :class:`InvalidSymbol`.

    ``" btc/krw "`` becomes ``"BTC-KRW"``; a provider's pair separator ``/`` is folded into ``-``
    so every symbol can stand in a URL path.
    """
    if not isinstance(raw, str):
        raise InvalidSymbol("symbol must be a string")
    symbol = raw.strip().upper().replace("/", "-")
    if not _CANONICAL.match(symbol):
        raise InvalidSymbol(
            f"invalid symbol {raw!r}: use 1-24 characters of A-Z, 0-9, '.', '=' or '-'"
        )
    return symbol


def path_symbol(raw: str) -> str:
    """The canonical spelling of a symbol taken from a URL path, held to ``SYMBOL_INPUT_PATTERN``
    (what the API schema promises) before it is normalised."""
    if not isinstance(raw, str) or not _INPUT.match(raw):
        raise InvalidSymbol(
            f"invalid symbol {raw!r}: use 1-24 characters of A-Z, 0-9, '.', '=' or '-'"
        )
    return normalize_symbol(raw)


def is_valid_symbol(raw: str) -> bool:
    try:
        normalize_symbol(raw)
    except InvalidSymbol:
        return False
    return True
