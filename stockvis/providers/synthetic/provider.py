"""Synthetic prices, quotes, profiles and statements for the demo universe, made offline.

Deterministic: a symbol's bar for a date is the same whatever range is asked for, because the
random path for a symbol always starts at ``EPOCH`` from a seed derived from the symbol alone.
Calendar-aware: bars exist only on the sessions of the asset's exchange. Nothing here is real;
every caller stores it with source ``synthetic`` so the API and pages can say so.
"""

from __future__ import annotations

import datetime as dt
import zlib
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd

from stockvis.core.calendars import sessions_between
from stockvis.providers.aggregate import weekly_from_daily
from stockvis.providers.base import (
    AssetInfo,
    AssetRef,
    Category,
    CompanyOverview,
    DataKind,
    PeriodType,
    ProviderError,
    Quote,
    StatementKind,
    StatementReport,
    SymbolMatch,
    empty_price_frame,
    price_frame,
)
from stockvis.providers.synthetic.universe import DEMO_BY_SYMBOL, DEMO_UNIVERSE, DemoAsset

SYNTHETIC_LABEL = "Synthetic demo data (generated offline, not real market prices)"
EPOCH = dt.date(2012, 1, 1)
# Each asset's price sits near its configured level on this date; the walk wanders from there.
ANCHOR = dt.date(2025, 1, 2)
_MEAN_REVERSION = 0.004  # pulls the log price gently back to its trend so levels stay plausible
_DRIFT_PER_DAY = 0.00025


def _seed(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode())


@lru_cache(maxsize=64)
def _log_path(symbol: str, days: int) -> tuple[np.ndarray, np.ndarray]:
    """Log closes and the per-day shocks for ``days`` calendar days from EPOCH."""
    demo = DEMO_BY_SYMBOL[symbol]
    rng = np.random.Generator(np.random.PCG64(_seed("prices", symbol)))
    shocks = rng.standard_normal((days, 5))
    walk = np.empty(days)
    level = 0.0
    sigma = demo.volatility
    for i in range(days):
        trend = _DRIFT_PER_DAY * i
        level += sigma * shocks[i, 0] - _MEAN_REVERSION * (level - trend)
        walk[i] = level
    anchor = (ANCHOR - EPOCH).days
    log_close = np.log(demo.level) + walk - walk[anchor]
    return log_close, shocks


def _tick(demo: DemoAsset) -> int:
    """Decimals a price is quoted in: whole won for Korean shares and crypto, cents elsewhere."""
    if demo.currency == "KRW" and demo.category in (Category.STOCK, Category.ETF, Category.CRYPTO):
        return 0
    return 2


class SyntheticProvider:
    name = "synthetic"
    label = SYNTHETIC_LABEL
    synthetic = True
    #: Weekly bars are daily ones aggregated: the collector rebuilds them from stored dailies.
    weekly_aggregated = True

    def _demo(self, symbol: str) -> DemoAsset:
        try:
            return DEMO_BY_SYMBOL[symbol]
        except KeyError:
            raise ProviderError(
                f"{symbol} is not in the synthetic demo universe",
                permanent=True,
                provider=self.name,
            ) from None

    def supports(self, asset: AssetRef, kind: DataKind) -> bool:
        if asset.symbol not in DEMO_BY_SYMBOL or kind == DataKind.ACTIONS:
            return False
        if kind in (DataKind.OVERVIEW, DataKind.STATEMENTS):
            return asset.category == Category.STOCK
        return True

    def describe_asset(self, symbol: str) -> AssetInfo:
        demo = self._demo(symbol)
        return AssetInfo(
            symbol=demo.symbol,
            name=demo.name,
            category=demo.category,
            exchange=demo.exchange,
            currency=demo.currency,
            provider_symbol=demo.symbol,
            listing_date=EPOCH,
            name_local=demo.name_local,
        )

    def daily_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        demo = self._demo(asset.symbol)
        start = max(start, EPOCH + dt.timedelta(days=1))
        if end < start:
            return empty_price_frame()
        days = (max(end, ANCHOR) - EPOCH).days + 1
        log_close, shocks = _log_path(demo.symbol, days)
        # One session before start, so the first bar's open follows a real previous close.
        sessions = sessions_between(demo.exchange, start - dt.timedelta(days=10), end)
        idx = np.array([(d - EPOCH).days for d in sessions], dtype=np.int64)
        close = np.exp(log_close[idx])
        prev_close = np.concatenate(([close[0]], close[:-1]))
        s = demo.volatility
        open_ = prev_close * np.exp(0.3 * s * shocks[idx, 1])
        high = np.maximum(open_, close) * np.exp(np.abs(0.5 * s * shocks[idx, 2]))
        low = np.minimum(open_, close) * np.exp(-np.abs(0.5 * s * shocks[idx, 3]))
        volume = np.round(demo.volume * np.exp(0.35 * shocks[idx, 4]))
        decimals = _tick(demo)
        frame = price_frame(
            sessions,
            np.round(open_, decimals),
            np.round(high, decimals),
            np.round(low, decimals),
            np.round(close, decimals),
            volume,
        )
        return frame[frame["date"] >= pd.Timestamp(start)].reset_index(drop=True)

    def weekly_prices(self, asset: AssetRef, start: dt.date, end: dt.date) -> pd.DataFrame:
        return weekly_from_daily(self.daily_prices(asset, start, end))

    def quote(self, asset: AssetRef, today: dt.date) -> Quote:
        bars = self.daily_prices(asset, today - dt.timedelta(days=14), today)
        if bars.empty:
            raise ProviderError(
                f"no synthetic session for {asset.symbol} near {today}", provider=self.name
            )
        last = bars.iloc[-1]
        prev = float(bars.iloc[-2]["close"]) if len(bars) > 1 else None
        change = float(last["close"]) - prev if prev else None
        return Quote(
            symbol=asset.symbol,
            price=float(last["close"]),
            previous_close=prev,
            change=change,
            change_percent=(change / prev * 100) if prev and change is not None else None,
            volume=float(last["volume"]),
            latest_trading_day=last["date"].date(),
        )

    def company_overview(self, asset: AssetRef) -> CompanyOverview:
        demo = self._demo(asset.symbol)
        if demo.category != Category.STOCK:
            raise ProviderError(
                f"{asset.symbol} has no company profile", permanent=True, provider=self.name
            )
        rng = np.random.Generator(np.random.PCG64(_seed("overview", demo.symbol)))
        shares = int(rng.uniform(0.8, 8.0) * (1e9 if demo.currency == "USD" else 1e9 / 20))
        eps = Decimal(str(round(demo.level / rng.uniform(12, 35), 2)))
        fields: dict[str, object] = {
            "name": demo.name,
            "asset_type": "Common Stock",
            "description": f"{demo.name}: synthetic demo profile generated offline by Stock-Vis. "
            "Not real company data.",
            "exchange": "KRX" if demo.exchange == "XKRX" else "NYSE",
            "currency": demo.currency,
            "country": "South Korea" if demo.market == "KR" else "USA",
            "sector": demo.sector,
            "industry": demo.sector,
            "fiscal_year_end": "December",
            "market_capitalization": int(shares * demo.level),
            "shares_outstanding": shares,
            "eps": eps,
            "pe_ratio": (Decimal(str(demo.level)) / eps).quantize(Decimal("0.01")),
            "dividend_yield": Decimal(str(round(rng.uniform(0, 0.03), 4))),
            "beta": Decimal(str(round(rng.uniform(0.6, 1.8), 3))),
            "profit_margin": Decimal(str(round(rng.uniform(0.05, 0.3), 3))),
        }
        return CompanyOverview(symbol=demo.symbol, fields=fields)

    def statements(
        self, asset: AssetRef, kind: StatementKind, *, today: dt.date | None = None
    ) -> list[StatementReport]:
        demo = self._demo(asset.symbol)
        if demo.category != Category.STOCK:
            raise ProviderError(
                f"{asset.symbol} has no financial statements", permanent=True, provider=self.name
            )
        today = today or dt.date.today()
        reports: list[StatementReport] = []
        last_year = today.year - 1
        for year in range(last_year - 4, last_year + 1):
            reports.append(self._report(demo, kind, PeriodType.ANNUAL, dt.date(year, 12, 31)))
        quarter_ends = [
            dt.date(y, m, d)
            for y in range(today.year - 3, today.year + 1)
            for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))
        ]
        recent = [q for q in quarter_ends if q <= today - dt.timedelta(days=45)][-12:]
        reports.extend(self._report(demo, kind, PeriodType.QUARTERLY, q) for q in recent)
        reports.sort(key=lambda r: (r.period_type, r.fiscal_date_ending), reverse=True)
        return reports

    def _report(
        self, demo: DemoAsset, kind: StatementKind, period: PeriodType, ending: dt.date
    ) -> StatementReport:
        # The period's income figures come from one generator shared by all three statements, so
        # the cash flow's net income is the income statement's; each statement's own figures come
        # from a second generator seeded with its kind.
        rng = np.random.Generator(
            np.random.PCG64(_seed("statement", demo.symbol, period, ending.isoformat()))
        )
        scale = 1.0 if period == PeriodType.ANNUAL else 0.25
        unit = 1e6 if demo.currency == "USD" else 1e9
        growth = 1.0 + 0.06 * (ending.year - 2020)
        revenue = int(rng.uniform(20_000, 120_000) * unit * growth * scale)
        cost = int(revenue * rng.uniform(0.35, 0.7))
        gross = revenue - cost
        opex = int(gross * rng.uniform(0.4, 0.8))
        operating = gross - opex
        tax = int(max(operating, 0) * 0.2)
        net_income = operating - tax
        depreciation = int(revenue * 0.05)
        rng = np.random.Generator(
            np.random.PCG64(_seed("statement", demo.symbol, period, ending.isoformat(), kind))
        )
        values: dict[str, int | None]
        if kind == StatementKind.BALANCE_SHEET:
            total_assets = int(revenue / scale * rng.uniform(1.1, 2.2))
            current_assets = int(total_assets * rng.uniform(0.3, 0.5))
            total_liabilities = int(total_assets * rng.uniform(0.3, 0.65))
            current_liabilities = int(total_liabilities * rng.uniform(0.35, 0.6))
            cash = int(current_assets * rng.uniform(0.2, 0.5))
            values = {
                "total_assets": total_assets,
                "total_current_assets": current_assets,
                "total_non_current_assets": total_assets - current_assets,
                "cash_and_cash_equivalents_at_carrying_value": cash,
                "cash_and_short_term_investments": cash,
                "inventory": int(current_assets * rng.uniform(0.05, 0.2)),
                "total_liabilities": total_liabilities,
                "total_current_liabilities": current_liabilities,
                "total_non_current_liabilities": total_liabilities - current_liabilities,
                "long_term_debt": int(
                    (total_liabilities - current_liabilities) * rng.uniform(0.3, 0.7)
                ),
                # Always balances: assets = liabilities + equity.
                "total_shareholder_equity": total_assets - total_liabilities,
                "retained_earnings": int(
                    (total_assets - total_liabilities) * rng.uniform(0.5, 0.9)
                ),
                "common_stock_shares_outstanding": int(rng.uniform(0.8, 8.0) * 1e9),
            }
        elif kind == StatementKind.INCOME_STATEMENT:
            values = {
                "total_revenue": revenue,
                "cost_of_revenue": cost,
                "gross_profit": gross,
                "operating_expenses": opex,
                "operating_income": operating,
                "income_before_tax": operating,
                "income_tax_expense": tax,
                "net_income": net_income,
                "ebit": operating,
                "ebitda": operating + depreciation,
                "depreciation_and_amortization": depreciation,
            }
        else:
            # Operating cash flow starts from net income, adds back depreciation and moves with
            # working capital.
            operating_cf = net_income + depreciation + int(revenue * rng.uniform(-0.05, 0.05))
            capex = int(revenue * rng.uniform(0.03, 0.12))
            investing = -capex - int(revenue * rng.uniform(0, 0.05))
            financing = -int(revenue * rng.uniform(0, 0.1))
            values = {
                "operating_cashflow": operating_cf,
                "capital_expenditures": capex,
                "cashflow_from_investment": investing,
                "cashflow_from_financing": financing,
                "change_in_cash_and_cash_equivalents": operating_cf + investing + financing,
                "net_income": net_income,
                "depreciation_depletion_and_amortization": depreciation,
                "dividend_payout": int(revenue * rng.uniform(0, 0.04)),
            }
        return StatementReport(
            kind=kind,
            period_type=period,
            fiscal_date_ending=ending,
            reported_currency=demo.currency,
            values=values,
        )

    def search(self, keywords: str) -> list[SymbolMatch]:
        needle = keywords.strip().lower()
        return [
            SymbolMatch(d.symbol, d.name, d.category.value, d.market, d.currency)
            for d in DEMO_UNIVERSE
            if needle
            and (needle in d.symbol.lower() or needle in d.name.lower() or needle in d.name_local)
        ]
