"""Where a symbol's data came from: sources, last ingest, freshness and quality flags (the stock
page's Data tab)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stockvis.collector.selectors import provenance_of
from stockvis.market.views.common import (
    ERROR_RESPONSES,
    NOT_FOUND,
    SYMBOL_PARAMETER,
    asset_or_404,
    canonical_symbol,
)


class FreshnessSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["OK", "STALE", "UNKNOWN"])
    latest = serializers.DateField(allow_null=True, help_text="Newest daily bar, any source.")
    expected = serializers.DateField(
        allow_null=True, help_text="Newest bar a fresh asset has (the previous session)."
    )
    detail = serializers.CharField(allow_blank=True)


class SourceStoredSerializer(serializers.Serializer[Any]):
    # DRF's Field has a `source` attribute; the output key is what matters here.
    source = serializers.CharField()  # type: ignore[assignment]
    bars = serializers.IntegerField(help_text="Daily bars stored from this source.")
    first = serializers.DateField(allow_null=True)
    last = serializers.DateField(allow_null=True)
    last_ingested_at = serializers.DateTimeField(allow_null=True)


class QualityFlagSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    kind = serializers.CharField(help_text="gap, spike or ohlc.")
    detail = serializers.CharField()
    source = serializers.CharField(allow_blank=True)  # type: ignore[assignment]
    reviewed = serializers.BooleanField()


class QualityFlagsSerializer(serializers.Serializer[Any]):
    total = serializers.IntegerField()
    unreviewed = serializers.IntegerField()
    recent = QualityFlagSerializer(many=True, help_text="The newest ten, newest first.")


class ProvenanceSerializer(serializers.Serializer[Any]):
    symbol = serializers.CharField()
    synthetic = serializers.BooleanField(help_text="True when any bar is synthetic demo data.")
    freshness = FreshnessSerializer(allow_null=True)
    last_ingested_at = serializers.DateTimeField(allow_null=True)
    sources = SourceStoredSerializer(many=True)
    quality_flags = QualityFlagsSerializer()


class ProvenanceView(APIView):
    @extend_schema(
        summary="Where a symbol's data came from",
        description="Per source: daily bars stored, their first and last date and the last "
        "ingest; freshness against the exchange calendar; the data-quality flags (gaps, "
        "spikes, OHLC errors). Never cached.",
        parameters=[SYMBOL_PARAMETER],
        responses={200: ProvenanceSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )
    def get(self, request: Request, symbol: str) -> Response:
        asset = asset_or_404(canonical_symbol(symbol))
        found = provenance_of(asset=asset, now=timezone.now())
        ingests = [s.last_ingested_at for s in found.sources if s.last_ingested_at is not None]
        fresh = found.freshness
        return Response(
            {
                "symbol": asset.symbol,
                "synthetic": any(s.source == "synthetic" for s in found.sources),
                "freshness": None
                if fresh is None
                else {
                    "status": fresh.status,
                    "latest": fresh.latest,
                    "expected": fresh.expected,
                    "detail": fresh.detail,
                },
                "last_ingested_at": max(ingests) if ingests else None,
                "sources": [
                    {
                        "source": s.source,
                        "bars": s.bars,
                        "first": s.first,
                        "last": s.last,
                        "last_ingested_at": s.last_ingested_at,
                    }
                    for s in found.sources
                ],
                "quality_flags": {
                    "total": found.flags_total,
                    "unreviewed": found.flags_unreviewed,
                    "recent": [
                        {
                            "date": f.date,
                            "kind": f.kind,
                            "detail": f.detail,
                            "source": f.source,
                            "reviewed": f.reviewed,
                        }
                        for f in found.flags_recent
                    ],
                },
            }
        )
