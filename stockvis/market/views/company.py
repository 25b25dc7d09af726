"""Company overview and financial statements: small payloads, typed columns, cached."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stockvis.market.search import record_view
from stockvis.market.selectors import company_profile, latest_quotes, statements_for
from stockvis.market.serializers import (
    STATEMENT_RESPONSES,
    OverviewResponseSerializer,
    StatementQuerySerializer,
    overview_payload,
    query_data,
    statements_payload,
)
from stockvis.market.views.common import (
    ERROR_RESPONSES,
    NOT_FOUND,
    OVERVIEW_TTL,
    STATEMENT_TTL,
    SYMBOL_PARAMETER,
    asset_or_404,
    cached,
    canonical_symbol,
)


class OverviewView(APIView):
    @extend_schema(
        operation_id="stocks_overview",
        summary="Company profile and latest price",
        description="The asset, its latest stored close with the change against the close "
        "before it, and the company profile (numbers as numbers, missing values as null). "
        "Assets without a profile (ETFs, indices, crypto, FX, or stocks not collected yet) "
        "answer with `profile: null`, not 404. Cached 600 s.",
        parameters=[SYMBOL_PARAMETER],
        responses={200: OverviewResponseSerializer, **NOT_FOUND, **ERROR_RESPONSES},
    )
    def get(self, request: Request, symbol: str) -> Response:
        symbol = canonical_symbol(symbol)

        def build() -> dict[str, Any]:
            asset = asset_or_404(symbol)
            quote = latest_quotes([asset]).get(asset.pk)
            return overview_payload(asset, quote, company_profile(asset))

        payload = cached("overview", symbol, {}, OVERVIEW_TTL, build)
        record_view(symbol)
        return Response(payload)


class StatementView(APIView):
    """Shared by the three statement endpoints; each subclass names its ``kind``."""

    kind = "balance_sheet"

    def get(self, request: Request, symbol: str) -> Response:
        symbol = canonical_symbol(symbol)
        query = StatementQuerySerializer(data=query_data(request.query_params))
        query.is_valid(raise_exception=True)
        period_type, limit = query.validated_data["period"], query.validated_data["limit"]

        def build() -> dict[str, Any]:
            asset = asset_or_404(symbol)
            reports = statements_for(asset, kind=self.kind, period_type=period_type, limit=limit)
            return statements_payload(asset, self.kind, period_type, reports)

        params = {"period": period_type, "limit": limit}
        return Response(cached(self.kind, symbol, params, STATEMENT_TTL, build))


def _statement_schema(kind: str, title: str) -> dict[str, Any]:
    return {
        "operation_id": f"stocks_{kind}",
        "summary": title,
        "description": f"The newest `limit` {title.lower()} reports, newest first; every line "
        "item is an integer or null. Assets without statements answer with an empty list. "
        "Cached 3600 s.",
        "parameters": [SYMBOL_PARAMETER, StatementQuerySerializer],
        "responses": {200: STATEMENT_RESPONSES[kind], **NOT_FOUND, **ERROR_RESPONSES},
    }


# One subclass per kind: the schema is attached to each class's own method.
class BalanceSheetView(StatementView):
    kind = "balance_sheet"

    @extend_schema(**_statement_schema("balance_sheet", "Balance sheets"))
    def get(self, request: Request, symbol: str) -> Response:
        return super().get(request, symbol)


class IncomeStatementView(StatementView):
    kind = "income_statement"

    @extend_schema(**_statement_schema("income_statement", "Income statements"))
    def get(self, request: Request, symbol: str) -> Response:
        return super().get(request, symbol)


class CashFlowView(StatementView):
    kind = "cash_flow"

    @extend_schema(**_statement_schema("cash_flow", "Cash flow statements"))
    def get(self, request: Request, symbol: str) -> Response:
        return super().get(request, symbol)
