"""Market data: assets, prices, company profiles and financial statements."""
