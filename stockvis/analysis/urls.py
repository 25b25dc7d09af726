"""Routes under /api/v1/analysis/. The indicator endpoint lives under /api/v1/stocks/ (see
config/urls.py), where the API contract puts it."""

from django.urls import URLPattern, URLResolver, path

from stockvis.analysis.views import ScreenerView

urlpatterns: list[URLPattern | URLResolver] = [
    path("screener/", ScreenerView.as_view(), name="screener"),
]
