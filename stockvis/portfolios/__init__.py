"""Portfolios: holdings, transactions, watchlists, alerts, snapshots and their valuation."""
