"""Chart bars: the hot path. Rows from the selector, encoded once, cached as bytes."""

from __future__ import annotations

import orjson
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from stockvis.market.search import record_view
from stockvis.market.selectors import chart_rows
from stockvis.market.serializers import (
    ChartQuerySerializer,
    ChartResponseSerializer,
    chart_payload,
    query_data,
)
from stockvis.market.views.common import (
    CHART_TTL,
    ERROR_RESPONSES,
    NOT_FOUND,
    SYMBOL_PARAMETER,
    asset_or_404,
    cached,
    canonical_symbol,
)


class ChartView(APIView):
    @extend_schema(
        operation_id="stocks_chart",
        summary="Price bars for a chart",
        description="Daily or weekly bars, oldest first, in the shape lightweight-charts takes "
        "(`time`, `open`, `high`, `low`, `close`, `volume`), with the asset and source. The "
        "source is the asset's preferred real one, else another real one, else synthetic demo "
        "data (real data is never hidden behind demo data); `source=` picks one (400 for a name "
        "that is no source; a source without bars answers no bars). Bars of the `synthetic` "
        "provider are demo data: `synthetic` is true and `notice` says so. "
        "Cached 60 s; an ingest of the symbol invalidates it at once.",
        parameters=[SYMBOL_PARAMETER, ChartQuerySerializer],
        responses={
            200: OpenApiResponse(ChartResponseSerializer, description="The bars and their meta."),
            **NOT_FOUND,
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request, symbol: str) -> HttpResponse:
        symbol = canonical_symbol(symbol)
        query = ChartQuerySerializer(data=query_data(request.query_params))
        query.is_valid(raise_exception=True)
        window = query.validated_data["window"]
        source = query.validated_data.get("source")

        def encode() -> bytes:
            asset = asset_or_404(symbol)
            payload = chart_payload(asset, window, chart_rows(asset, window, source=source))
            # The same encoding as stockvis.core.api.fast_json, kept as bytes so the cache holds
            # the finished body and a hit costs no encoding at all.
            return orjson.dumps(payload)

        params = {**window.as_params(), "source": source or ""}
        body = cached("chart", symbol, params, CHART_TTL, encode)
        record_view(symbol)
        return HttpResponse(body, content_type="application/json")
