"""Helpers of the security settings: the proxy's HTTPS header and the default content policy."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

# The web UI is a Vite build (module scripts from /static/, no inline script) drawing charts on
# canvas; it talks to the API and to /ws/ on its own host. `{host}` is filled in per request,
# since older browsers do not count ws:// and wss:// as 'self'.
DEFAULT_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self' ws://{host} wss://{host}; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def proxy_ssl_header(raw: str) -> tuple[str, str] | None:
    """``"X-Forwarded-Proto=https"`` as Django's ``("HTTP_X_FORWARDED_PROTO", "https")``."""
    if not raw:
        return None
    header, sep, value = raw.partition("=")
    if not sep or not header.strip() or not value.strip():
        raise ImproperlyConfigured(
            f"SECURE_PROXY_SSL_HEADER must look like X-Forwarded-Proto=https, not {raw!r}"
        )
    return "HTTP_" + header.strip().upper().replace("-", "_"), value.strip()
