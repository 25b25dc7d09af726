"""Routes of the staff-only collection API, included under /api/v1/collector/."""

from __future__ import annotations

from django.urls import path
from rest_framework.routers import SimpleRouter

from stockvis.collector import staff_views as views

router = SimpleRouter()
router.register("jobs", views.JobRunViewSet, basename="job-run")
router.register("quality-flags", views.QualityFlagViewSet, basename="quality-flag")

urlpatterns = [
    path("freshness/", views.FreshnessView.as_view(), name="freshness"),
    *router.urls,
]
