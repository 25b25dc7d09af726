"""URL routing: the API under /api/v1/, schema and docs, admin, health."""

from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from stockvis.accounts.throttling import throttle_login_posts
from stockvis.analysis.views import IndicatorView
from stockvis.collector.views import ProvenanceView
from stockvis.core.views import healthz, readiness, unless_api_docs_off
from stockvis.ml.views import PortfolioRiskView
from stockvis.web.spa import spa_index

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/ready", readiness, name="healthz-ready"),
    # The admin's login form shares the "auth" throttle with every other way to log in.
    path("admin/login/", throttle_login_posts(admin.site.login)),
    path("admin/", admin.site.urls),
    # API_DOCS=false answers both with a 404. The split view serves Swagger UI's start-up code
    # as a script file, so the page works under the Content-Security-Policy (no inline script).
    path("api/schema/", unless_api_docs_off(SpectacularAPIView.as_view()), name="schema"),
    path(
        "api/docs/",
        unless_api_docs_off(SpectacularSwaggerSplitView.as_view(url_name="schema")),
        name="docs",
    ),
    path("api/v1/stocks/api/indicators/<str:symbol>/", IndicatorView.as_view(), name="indicators"),
    path("api/v1/stocks/api/provenance/<str:symbol>/", ProvenanceView.as_view(), name="provenance"),
    path("api/v1/stocks/", include("stockvis.market.urls")),
    path(
        "api/v1/users/portfolio/symbol/<str:symbol>/status/", include("stockvis.market.status_urls")
    ),
    path(
        "api/v1/users/portfolios/<str:portfolio_id>/risk/",
        PortfolioRiskView.as_view(),
        name="portfolio-risk",
    ),
    path("api/v1/users/web/", include("stockvis.web.urls")),
    path("api/v1/users/", include("stockvis.accounts.urls")),
    path("api/v1/analysis/", include("stockvis.analysis.urls")),
    path("api/v1/analysis/", include("stockvis.ml.urls")),
    path("api/v1/collector/", include("stockvis.collector.urls")),
    # Every other path is a client route of the web UI (/stocks/AAPL, /portfolios/2): the browser's
    # router draws it. The API, admin, WebSocket, static and health paths never fall through here.
    re_path(r"^(?!(?:api|admin|ws|static|healthz)(?:/|$)).*$", spa_index, name="spa"),
]
