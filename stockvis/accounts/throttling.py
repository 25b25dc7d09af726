"""Throttles on every way to log in: per client address (behind NUM_PROXIES trusted proxies) and
per username, so neither a forged X-Forwarded-For nor many addresses make guessing faster."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase

from stockvis.core.throttling import SimpleRateThrottle


class LoginFormThrottle(SimpleRateThrottle):
    """Counts login form submissions per client address under the ``auth`` rate.

    The address comes from DRF's ``get_ident``: ``X-Forwarded-For`` is read only when the
    ``NUM_PROXIES`` setting says how many proxies in front of us append to it.
    """

    scope = "auth"

    # Django's HttpRequest has what the counting reads (META, user), so no DRF Request is needed.
    def allow_request(self, request: Any, view: Any) -> bool:
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": "login-form", "ident": self.get_ident(request)}


def _submitted_username(request: Any) -> str:
    data = getattr(request, "data", None)
    if data is None:  # a Django form post, not a DRF request
        data = request.POST
    try:
        value = data.get("username", "")
    except AttributeError:  # a JSON body that is a list or a scalar
        return ""
    # Usernames are unique whatever their case, so "Alice" and "alice" share one budget.
    return str(value).strip().lower()[:150] if value else ""


class UsernameLoginThrottle(SimpleRateThrottle):
    """Counts login attempts per submitted username under the ``auth_username`` rate, however many
    addresses they come from (admin form, session form and JWT login share the count)."""

    scope = "auth_username"

    def allow_request(self, request: Any, view: Any) -> bool:
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        username = _submitted_username(request)
        if not username:
            return None
        return self.cache_format % {"scope": self.scope, "ident": username}


def throttle_login_posts(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Answer 429 to a login form POST once the client or the username has used up its rate."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST":
            for throttle in (LoginFormThrottle(), UsernameLoginThrottle()):
                if not throttle.allow_request(request, None):
                    wait = throttle.wait() or 60
                    response = HttpResponse(
                        "Too many login attempts; try again later.",
                        status=429,
                        content_type="text/plain",
                    )
                    response["Retry-After"] = str(round(wait))
                    return response
        return view(request, *args, **kwargs)

    return wrapped
