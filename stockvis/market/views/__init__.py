"""The market-data REST API: thin views over the market selectors."""

from stockvis.market.views.chart import ChartView
from stockvis.market.views.company import (
    BalanceSheetView,
    CashFlowView,
    IncomeStatementView,
    OverviewView,
)
from stockvis.market.views.search import PopularView, SymbolSearchView, ValidateSymbolView
from stockvis.market.views.status import SymbolStatusView

__all__ = (
    "BalanceSheetView",
    "CashFlowView",
    "ChartView",
    "IncomeStatementView",
    "OverviewView",
    "PopularView",
    "SymbolSearchView",
    "SymbolStatusView",
    "ValidateSymbolView",
)
