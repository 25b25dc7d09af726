"""The symbol status route, mounted by config/urls.py at /api/v1/users/portfolio/symbol/<symbol>/status/.

It sits under users/ because the portfolio UI polls it; what it reports is market data.
"""

from django.urls import URLPattern, URLResolver, path

from stockvis.market.views import SymbolStatusView

urlpatterns: list[URLPattern | URLResolver] = [
    path("", SymbolStatusView.as_view(), name="symbol-status"),
]
