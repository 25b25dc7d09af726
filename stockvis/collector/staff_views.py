"""Staff-only, read-only API over collection records (the web UI's data health page)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from stockvis.collector import selectors
from stockvis.collector import serializers as s
from stockvis.collector.models import DataQualityFlag, FlagKind, JobRun, JobStatus
from stockvis.core.pagination import OwnedListPagination


def _choice(request: Request, name: str, allowed: list[str]) -> str | None:
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    if value not in allowed:
        raise ValidationError({name: [f"one of {', '.join(allowed)}"]})
    return value


@extend_schema(
    parameters=[
        OpenApiParameter("job_name", str, description="Only runs of this job."),
        OpenApiParameter("status", str, enum=JobStatus.values),
    ]
)
class JobRunViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Any]):
    """Collection job runs, newest first; one run carries its per-asset results."""

    permission_classes = (IsAdminUser,)
    pagination_class = OwnedListPagination
    lookup_value_regex = r"\d+"

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "retrieve":
            return s.JobRunDetailSerializer
        return s.JobRunSerializer

    def get_queryset(self) -> QuerySet[JobRun]:
        rows = JobRun.objects.order_by("-started_at", "-id")
        if self.action != "list":
            return rows
        job_name = self.request.query_params.get("job_name")
        if job_name:
            rows = rows.filter(job_name=job_name)
        wanted = _choice(self.request, "status", list(JobStatus.values))
        if wanted is not None:
            rows = rows.filter(status=wanted)
        return rows


@extend_schema(
    parameters=[
        OpenApiParameter("kind", str, enum=FlagKind.values),
        OpenApiParameter("symbol", str, description="Only this asset's flags."),
        OpenApiParameter("reviewed", bool),
    ]
)
class QualityFlagViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[Any]):
    """Data-quality flags (date gaps, spikes, OHLC), newest date first."""

    permission_classes = (IsAdminUser,)
    pagination_class = OwnedListPagination
    serializer_class = s.QualityFlagRowSerializer

    def get_queryset(self) -> QuerySet[DataQualityFlag]:
        rows = DataQualityFlag.objects.select_related("asset").order_by("-date", "-id")
        kind = _choice(self.request, "kind", list(FlagKind.values))
        if kind is not None:
            rows = rows.filter(kind=kind)
        symbol = self.request.query_params.get("symbol")
        if symbol:
            rows = rows.filter(asset__symbol=symbol.upper())
        reviewed = _choice(self.request, "reviewed", ["true", "false"])
        if reviewed is not None:
            rows = rows.filter(reviewed=reviewed == "true")
        return rows


class FreshnessView(APIView):
    """The health check table, computed now: each active asset's newest bar against the session
    its exchange calendar expects (what `stockvis healthcheck` prints, without recording a run)."""

    permission_classes = (IsAdminUser,)

    @extend_schema(responses=s.FreshnessRowSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = selectors.freshness_of_assets(now=timezone.now())
        return Response(s.FreshnessRowSerializer(rows, many=True).data)
