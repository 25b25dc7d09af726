"""Routes of portfolios, holdings, transactions, watchlists, alerts and notifications.

Included by ``stockvis.accounts.urls`` under /api/v1/users/. Holdings live at ``portfolio/``
(the path the web UI has always used); ``portfolio/symbol/<symbol>/status/`` belongs to the market
app and is routed in ``config/urls.py``.
"""

from __future__ import annotations

from rest_framework.routers import SimpleRouter

from stockvis.portfolios import views

router = SimpleRouter()
router.register("portfolios", views.PortfolioViewSet, basename="portfolio")
router.register("portfolio", views.HoldingViewSet, basename="holding")
router.register("transactions", views.TransactionViewSet, basename="transaction")
router.register("watchlists", views.WatchlistViewSet, basename="watchlist")
router.register("alerts", views.PriceAlertViewSet, basename="alert")
router.register("notifications", views.NotificationViewSet, basename="notification")

urlpatterns = router.urls
