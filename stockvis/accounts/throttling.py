"""The "auth" throttle for Django's own login forms (admin and the browsable API's session login),
so a password can be guessed no faster there than through the JWT login."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from rest_framework.throttling import SimpleRateThrottle


class LoginFormThrottle(SimpleRateThrottle):
    """Counts login form submissions per client address under the ``auth`` rate."""

    scope = "auth"

    # Django's HttpRequest has what the counting reads (META, user), so no DRF Request is needed.
    def allow_request(self, request: Any, view: Any) -> bool:
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": "login-form", "ident": self.get_ident(request)}


def throttle_login_posts(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Answer 429 to a login form POST once the client has used up the ``auth`` rate."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST":
            throttle = LoginFormThrottle()
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
