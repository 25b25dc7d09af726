"""FinanceDataReader: KRX stocks, Korean and US indices, crypto, FX and commodity prices."""

from stockvis.providers.fdr.client import FdrClient, PriceFetch, provider_symbol

__all__ = ["FdrClient", "PriceFetch", "provider_symbol"]
