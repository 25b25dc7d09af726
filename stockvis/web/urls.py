"""Routes of the browser sign-in under /api/v1/users/web/."""

from django.urls import path

from stockvis.web import auth_views

urlpatterns = [
    path("refresh/", auth_views.WebRefreshView.as_view(), name="web-refresh"),
    path("logout/", auth_views.WebLogoutView.as_view(), name="web-logout"),
]
