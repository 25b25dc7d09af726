import pytest

from stockvis.core.symbols import InvalidSymbol, is_valid_symbol, normalize_symbol


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("aapl", "AAPL"),
        (" 005930 ", "005930"),
        ("btc/krw", "BTC-KRW"),
        ("gc=f", "GC=F"),
        ("brk.b", "BRK.B"),
    ],
)
def test_symbols_are_normalised_to_one_url_safe_spelling(raw: str, canonical: str) -> None:
    assert normalize_symbol(raw) == canonical


@pytest.mark.parametrize("raw", ["", "   ", "A B", "../etc", "AAPL;DROP", "X" * 25, "-AAPL", "ÄPL"])
def test_unusable_symbols_are_rejected_with_a_clear_error(raw: str) -> None:
    with pytest.raises(InvalidSymbol, match="invalid symbol"):
        normalize_symbol(raw)
    assert not is_valid_symbol(raw)
