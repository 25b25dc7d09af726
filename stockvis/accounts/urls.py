"""Routes under /api/v1/users/: accounts here, portfolios and the rest from their app."""

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from stockvis.accounts import views
from stockvis.accounts.throttling import throttle_login_posts

urlpatterns: list[URLPattern | URLResolver] = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("login/", views.LoginView.as_view(), name="token-obtain"),
    path("token/refresh/", views.RefreshView.as_view(), name="token-refresh"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("me/", views.ProfileView.as_view(), name="profile"),
    path("me/password/", views.PasswordChangeView.as_view(), name="password-change"),
    # Session login for the browsable API (the admin has its own at /admin/login/), under the
    # same "auth" throttle as the JWT login.
    path(
        "session/login/",
        throttle_login_posts(
            auth_views.LoginView.as_view(template_name="rest_framework/login.html")
        ),
    ),
    path("session/", include("rest_framework.urls")),
    path("", include("stockvis.portfolios.urls")),
]
