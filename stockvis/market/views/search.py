"""Symbol search over the asset master and the provider, symbol validation, popular assets."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stockvis.core.symbols import InvalidSymbol, normalize_symbol
from stockvis.market.search import (
    ProviderSearch,
    canonical_or_none,
    popular_assets,
    provider_symbol_search,
)
from stockvis.market.selectors import MatchRank, asset_by_symbol, assets_matching
from stockvis.market.serializers import (
    AssetSummarySerializer,
    PopularQuerySerializer,
    PopularResponseSerializer,
    ProviderMatchSerializer,
    SearchQuerySerializer,
    SearchResponseSerializer,
    ValidateResponseSerializer,
    query_data,
)
from stockvis.market.views.common import ERROR_RESPONSES

_MATCH_NAMES = {
    MatchRank.EXACT_SYMBOL: "exact",
    MatchRank.SYMBOL_PREFIX: "prefix",
    MatchRank.NAME: "name",
}
# Provider keywords shorter than this match half the market; ask only for real words.
_PROVIDER_MIN_KEYWORDS = 2


def _provider_state(search: ProviderSearch) -> dict[str, Any]:
    return {"name": search.name, "status": search.status, "message": search.message}


class SymbolSearchView(APIView):
    @extend_schema(
        operation_id="stocks_search_symbols",
        summary="Search symbols",
        description="Assets in the local master whose symbol equals or starts with `keywords`, "
        "or whose English or Korean name contains it, ranked exact symbol > symbol prefix > "
        "name. When fewer than `limit` are found and a real provider with a symbol search is "
        "configured, its matches follow with `collected: false` (cached a day; a provider "
        "failure leaves the local results and says why in `provider`).",
        parameters=[SearchQuerySerializer],
        responses={200: SearchResponseSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        query = SearchQuerySerializer(data=query_data(request.query_params))
        query.is_valid(raise_exception=True)
        keywords: str = query.validated_data["keywords"].strip()
        limit: int = query.validated_data["limit"]
        local = assets_matching(keywords, limit=limit)
        results: list[dict[str, Any]] = [
            {
                **AssetSummarySerializer(match.asset).data,
                "region": None,
                "asset_type": None,
                "match": _MATCH_NAMES[match.rank],
                "collected": True,
                "source": "local",
            }
            for match in local
        ]
        remote = ProviderSearch(None, "skipped")
        wants_more = len(results) < limit and len(keywords) >= _PROVIDER_MIN_KEYWORDS
        if query.validated_data["include_provider"] and wants_more:
            remote = provider_symbol_search(keywords)
        seen = {r["symbol"] for r in results}
        for found in remote.matches:
            symbol = canonical_or_none(found.symbol)
            if symbol is None or symbol in seen or len(results) >= limit:
                continue
            seen.add(symbol)
            results.append(
                {
                    "symbol": symbol,
                    "name": found.name or symbol,
                    "name_local": "",
                    "category": None,
                    "market": None,
                    "exchange": None,
                    "currency": found.currency or None,
                    "region": found.region or None,
                    "asset_type": found.asset_type or None,
                    "match": "provider",
                    "collected": False,
                    "source": remote.name or "provider",
                }
            )
        return Response(
            {
                "keywords": keywords,
                "count": len(results),
                "provider": _provider_state(remote),
                "results": results,
            }
        )


class ValidateSymbolView(APIView):
    @extend_schema(
        operation_id="stocks_search_validate",
        summary="Is this a symbol we know or can collect?",
        description="Says whether the spelling can be a symbol, whether the local asset master "
        "has it, and (when it does not and a real provider is configured) whether the "
        "provider's symbol search finds it exactly. Always 200 except when throttled.",
        parameters=[
            OpenApiParameter(
                "symbol",
                str,
                OpenApiParameter.PATH,
                description="Any spelling; the answer says whether it can be a symbol.",
                pattern=r"^[^/]+$",
            )
        ],
        responses={200: ValidateResponseSerializer, 429: ERROR_RESPONSES[429]},
    )
    def get(self, request: Request, symbol: str) -> Response:
        try:
            canonical = normalize_symbol(symbol)
        except InvalidSymbol as exc:
            return Response(
                {
                    "symbol": symbol,
                    "valid": False,
                    "message": str(exc),
                    "known": False,
                    "asset": None,
                    "found_at_provider": None,
                    "provider_match": None,
                    "provider": _provider_state(ProviderSearch(None, "skipped")),
                }
            )
        asset = asset_by_symbol(canonical)
        remote = ProviderSearch(None, "skipped")
        match = None
        if asset is None:
            remote = provider_symbol_search(canonical)
            match = next(
                (m for m in remote.matches if canonical_or_none(m.symbol) == canonical), None
            )
        return Response(
            {
                "symbol": canonical,
                "valid": True,
                "message": None,
                "known": asset is not None,
                "asset": AssetSummarySerializer(asset).data if asset else None,
                "found_at_provider": (match is not None) if remote.status == "ok" else None,
                "provider_match": ProviderMatchSerializer(match).data if match else None,
                "provider": _provider_state(remote),
            }
        )


class PopularView(APIView):
    @extend_schema(
        operation_id="stocks_search_popular",
        summary="Popular assets",
        description="Local assets ranked by portfolios holding them, then by chart and overview "
        "views this week, then a default list of well-known symbols (what a fresh install "
        "shows). Only assets in the local master are listed.",
        parameters=[PopularQuerySerializer],
        responses={200: PopularResponseSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        query = PopularQuerySerializer(data=query_data(request.query_params))
        query.is_valid(raise_exception=True)
        popular = popular_assets(limit=query.validated_data["limit"])
        results = [
            {**AssetSummarySerializer(p.asset).data, "holders": p.holders, "views": p.views}
            for p in popular.assets
        ]
        return Response({"basis": popular.basis, "count": len(results), "results": results})
