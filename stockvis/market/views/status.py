"""Data-collection status of one symbol (polled by the UI while a new symbol is collected)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stockvis.collector.selectors import collection_problem_of
from stockvis.market.selectors import symbol_data_status
from stockvis.market.serializers import SymbolStatusSerializer, synthetic_notice
from stockvis.market.views.common import ERROR_RESPONSES, SYMBOL_PARAMETER, canonical_symbol


class SymbolStatusView(APIView):
    @extend_schema(
        operation_id="users_portfolio_symbol_status",
        summary="What has been collected for a symbol",
        description="Row counts of everything stored for the symbol. An unknown (well-formed) "
        "symbol answers 200 with `stock_exists: false` and zero counts, so the UI can poll "
        "while collection registers it. `is_complete`: daily and weekly bars, plus a profile "
        "and statements for stocks. `resolved`: a provider has described the asset (a symbol "
        "a user added offline stays unresolved until one does); `problem`: why its latest "
        "collection failed, or why it is unresolved. Bar counts are those of `source`, the source charts and "
        "figures are served from (real data before synthetic demo data); "
        "`bars_by_source` counts the bars of every stored source. Never cached.",
        parameters=[SYMBOL_PARAMETER],
        responses={200: SymbolStatusSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request, symbol: str) -> Response:
        status = symbol_data_status(canonical_symbol(symbol))
        resolved = status.asset is not None and bool(status.asset.preferred_source)
        problem = collection_problem_of(symbol=status.symbol) if status.asset else None
        if problem is not None:
            why: str | None = f"{problem.job_name} #{problem.job_id} failed: {problem.reason}"
        elif status.asset is not None and not resolved:
            why = "no provider has described it yet: its collection is queued or running"
        else:
            why = None
        return Response(
            {
                "symbol": status.symbol,
                "stock_exists": status.stock_exists,
                "resolved": resolved,
                "problem": why,
                "has_overview": status.has_overview,
                "has_prices": status.has_prices,
                "has_financial": status.has_financial,
                "is_complete": status.is_complete,
                "source": status.source,
                "synthetic": status.synthetic,
                "notice": synthetic_notice(status.synthetic),
                "bars_by_source": {
                    "daily": status.daily_by_source,
                    "weekly": status.weekly_by_source,
                },
                "details": {
                    "daily_prices": status.daily_prices,
                    "weekly_prices": status.weekly_prices,
                    "balance_sheets": status.balance_sheets,
                    "income_statements": status.income_statements,
                    "cash_flows": status.cash_flows,
                },
            }
        )
