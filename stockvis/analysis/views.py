"""The indicator and screener endpoints: validate, call one service, encode once with orjson."""

from __future__ import annotations

import math
from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.views import APIView

from stockvis.analysis.serializers import (
    IndicatorQuerySerializer,
    IndicatorResponseSerializer,
    ScreenerQuerySerializer,
    ScreenerResponseSerializer,
    indicator_payload,
    screener_row,
)
from stockvis.analysis.services import SYNTHETIC_NOTICE, indicator_report, screener_run
from stockvis.core.api import ErrorSerializer, fast_json
from stockvis.core.symbols import InvalidSymbol, path_symbol
from stockvis.market.cache import symbol_cache_key
from stockvis.market.models import Asset

INDICATOR_TTL = 60  # seconds, as the chart; an ingest of the symbol makes it stale at once
# Storing costs about as much as computing for the largest bodies (the file cache compresses
# every value: about 30 ms for 20 years of bars), so only the usual windows are cached.
CACHE_MAX_BYTES = 512 * 1024

BAD_REQUEST = OpenApiResponse(
    ErrorSerializer,
    description="A parameter is out of range; `fields` names it and what is allowed.",
)


def _query(request: Request) -> dict[str, Any]:
    # A plain dict: DRF reads a missing boolean in a QueryDict as False, not as "not given".
    return request.query_params.dict()


def _asset(symbol: str) -> Asset:
    try:
        canonical = path_symbol(symbol)
    except InvalidSymbol as exc:
        raise ValidationError({"symbol": [str(exc)]}) from None
    try:
        return Asset.objects.by_symbol(canonical)
    except Asset.DoesNotExist:
        raise NotFound(f"unknown symbol {canonical}") from None


class IndicatorView(APIView):
    @extend_schema(
        operation_id="stock_indicators",
        summary="Technical indicators and trading signals of a symbol",
        description=(
            "RSI, MACD, Bollinger Bands, SMA, EMA, Stochastic, OBV and ATR (TA-Lib) over the "
            "symbol's stored bars, aligned to `dates`; null while an indicator warms up. The "
            "history before the window is used as warm-up, so the first shown values are filled "
            "whenever enough history is stored. Also each indicator's signal (with a one-sentence "
            "reason), the weighted composite signal and the crossovers inside the window. Signals "
            "read closed bars only: a bar whose session has not ended is shown but not read. "
            "Synthetic demo data is marked `meta.synthetic` with a notice. Cached for 60 s; an "
            "ingest of the symbol refreshes it at once."
        ),
        parameters=[
            IndicatorQuerySerializer,
            OpenApiParameter(
                "symbol",
                str,
                OpenApiParameter.PATH,
                description="Symbol, any case (aapl, btc-krw).",
            ),
        ],
        responses={
            200: IndicatorResponseSerializer,
            400: BAD_REQUEST,
            404: OpenApiResponse(ErrorSerializer, description="Unknown symbol."),
        },
        tags=["analysis"],
    )
    def get(self, request: Request, symbol: str) -> HttpResponse:
        query = IndicatorQuerySerializer(data=_query(request))
        query.is_valid(raise_exception=True)
        asset = _asset(symbol)
        params = query.validated_data["params"]
        key = symbol_cache_key("indicators", asset.symbol, params)
        body = cache.get(key)
        if body is None:
            report = indicator_report(
                asset=asset,
                window=query.validated_data["window"],
                spec=query.validated_data["spec"],
                now=timezone.now(),
                adjusted=params["adjusted"],
            )
            body = fast_json(indicator_payload(report, params)).content
            if len(body) <= CACHE_MAX_BYTES:
                cache.set(key, body, INDICATOR_TTL)
        return HttpResponse(body, content_type="application/json")


class ScreenerView(APIView):
    @extend_schema(
        operation_id="analysis_screener",
        summary="Screen every asset on its latest indicators and signals",
        description=(
            "Filters the whole universe on each asset's latest snapshot (last closed daily bar): "
            "indicator values, individual signal directions and the composite label. Snapshots "
            "are refreshed when bars are ingested, never per request, so this is a count and "
            "one page read along an index. An asset that has never been snapshotted is "
            "computed on first sight (at most 50 per request; `meta.missing_snapshots` counts "
            "the rest)."
        ),
        parameters=[ScreenerQuerySerializer],
        responses={200: ScreenerResponseSerializer, 400: BAD_REQUEST},
        tags=["analysis"],
    )
    def get(self, request: Request) -> HttpResponse:
        query = ScreenerQuerySerializer(data=_query(request))
        query.is_valid(raise_exception=True)
        options = query.validated_data
        result = screener_run(
            filters=options["filters"],
            sort=options["sort"],
            page=options["page"],
            page_size=options["page_size"],
            now=timezone.now(),
        )
        rows = [screener_row(row) for row in result.page.rows]
        synthetic = any(row["synthetic"] for row in rows)
        return fast_json(
            {
                "count": result.page.total,
                "page": options["page"],
                "page_size": options["page_size"],
                "pages": math.ceil(result.page.total / options["page_size"]),
                "sort": options["sort"],
                "results": rows,
                "meta": {
                    "synthetic": synthetic,
                    "notice": SYNTHETIC_NOTICE if synthetic else None,
                    "computed_now": result.computed_now,
                    "missing_snapshots": result.missing,
                },
            }
        )
