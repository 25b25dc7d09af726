"""Routes under /api/v1/stocks/ (paths are the contract in DESIGN.md; keep them stable)."""

from django.urls import URLPattern, URLResolver, path

from stockvis.market import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/chart/<str:symbol>/", views.ChartView.as_view(), name="stocks-chart"),
    path("api/overview/<str:symbol>/", views.OverviewView.as_view(), name="stocks-overview"),
    path(
        "api/balance-sheet/<str:symbol>/",
        views.BalanceSheetView.as_view(),
        name="stocks-balance-sheet",
    ),
    path(
        "api/income-statement/<str:symbol>/",
        views.IncomeStatementView.as_view(),
        name="stocks-income-statement",
    ),
    path("api/cashflow/<str:symbol>/", views.CashFlowView.as_view(), name="stocks-cashflow"),
    path("api/search/symbols/", views.SymbolSearchView.as_view(), name="stocks-search-symbols"),
    path(
        "api/search/validate/<str:symbol>/",
        views.ValidateSymbolView.as_view(),
        name="stocks-search-validate",
    ),
    path("api/search/popular/", views.PopularView.as_view(), name="stocks-search-popular"),
]
