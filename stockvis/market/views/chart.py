"""Chart bars: the hot path. Rows from the selector, encoded once, cached as bytes."""

from __future__ import annotations

import hashlib
from functools import lru_cache

import orjson
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from stockvis.market.corporate_actions import adjusted_chart_rows
from stockvis.market.params import ChartWindow
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


@lru_cache(maxsize=256)
def chart_query(items: tuple[tuple[str, str], ...]) -> tuple[ChartWindow, str | None, bool]:
    """The validated window, source and adjustment of a chart query string (its parameters, in
    the order given). A chart view is mostly a cache hit, and building the DRF serializer was a
    fifth of one; valid queries repeat, so each is validated once per process (a bounded LRU;
    an invalid one raises the serializer's 400 every time and is not kept)."""
    query = ChartQuerySerializer(data=dict(items))
    query.is_valid(raise_exception=True)
    data = query.validated_data
    return data["window"], data.get("source"), data["adjusted"]


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
        "`adjusted=true` back-adjusts them for the asset's known splits and dividends. "
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
        window, source, adjusted = chart_query(tuple(query_data(request.query_params).items()))
        if (
            window.period == "1d"
            and window.days is None
            and window.bar_type == "daily"
            and source is None
        ):
            # Today's intraday bars from the live feed, when it saw the symbol (not cached).
            from stockvis.realtime.chart import intraday_chart_payload

            intraday = intraday_chart_payload(asset_or_404(symbol))
            if intraday is not None:
                return HttpResponse(orjson.dumps(intraday), content_type="application/json")

        def encode() -> bytes:
            asset = asset_or_404(symbol)
            rows = chart_rows(asset, window, source=source)
            if adjusted:
                rows = adjusted_chart_rows(asset, rows, bar_type=window.bar_type)
            payload = {**chart_payload(asset, window, rows), "adjusted": adjusted}
            # The same encoding as stockvis.core.api.fast_json, kept as bytes so the cache holds
            # the finished body and a hit costs no encoding at all.
            return orjson.dumps(payload)

        params = {**window.as_params(), "adjusted": adjusted, "source": source or ""}
        body = cached("chart", symbol, params, CHART_TTL, encode)
        record_view(symbol)
        etag = body_etag(body)
        if _matches(etag, request.headers.get("If-None-Match", "")):
            response: HttpResponse = HttpResponseNotModified()
        else:
            response = HttpResponse(body, content_type="application/json")
        response["ETag"] = etag
        return response


@lru_cache(maxsize=16)
def body_etag(body: bytes) -> str:
    """A strong ETag of a chart body (a digest of its bytes, the same in every process).
    Remembered for the last few bodies: a kept body is the same object on every hit, so a repeat
    costs a lookup, not a digest (few, because each remembered body stays in memory)."""
    return f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


def _matches(etag: str, if_none_match: str) -> bool:
    """If-None-Match's weak comparison: ``*`` or any listed tag, ``W/`` or not."""
    if not if_none_match:
        return False
    tags = parse_etags(if_none_match)
    return "*" in tags or etag in (tag.removeprefix("W/") for tag in tags)
