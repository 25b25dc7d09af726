"""Alpha Vantage: US stocks and ETFs (prices, quotes, company overview, financial statements)."""

from stockvis.providers.alphavantage.client import DEFAULT_BASE_URL, AlphaVantageClient

__all__ = ["DEFAULT_BASE_URL", "AlphaVantageClient"]
