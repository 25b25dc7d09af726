"""CSV price import: the parser for OHLCV files users upload or drop in a folder."""

from stockvis.providers.csvfile.parser import CsvImportError, ParsedPrices, parse_price_csv

__all__ = ["CsvImportError", "ParsedPrices", "parse_price_csv"]
