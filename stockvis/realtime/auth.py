"""Who is on a socket: the API's JWT (``?token=`` or the ``Sec-WebSocket-Protocol`` header) or the
session, and which origins may open one (a browser from a foreign site may not; a client that
sends no Origin at all, such as a script or a native app, may)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser

from stockvis.realtime.connection import ConnectionAbort

# The subprotocol a browser offers with the token: new WebSocket(url, ["bearer", token]).
BEARER_PROTOCOL = "bearer"
_MAX_TOKEN_LENGTH = 4096


def token_from_scope(scope: dict[str, Any]) -> str | None:
    """The JWT the client sent, from ``?token=`` or the second ``bearer`` subprotocol entry."""
    query = parse_qs(scope.get("query_string", b"").decode("latin1"))
    if query.get("token"):
        return query["token"][0]
    protocols = [p.strip() for p in scope.get("subprotocols", [])]
    if BEARER_PROTOCOL in protocols:
        index = protocols.index(BEARER_PROTOCOL)
        if index + 1 < len(protocols):
            return protocols[index + 1]
    return None


@database_sync_to_async
def _user_for_token(raw: str) -> Any:
    from rest_framework_simplejwt.authentication import JWTAuthentication
    from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken

    if len(raw) > _MAX_TOKEN_LENGTH:
        return None
    authentication = JWTAuthentication()
    try:
        return authentication.get_user(authentication.get_validated_token(raw.encode()))
    except (InvalidToken, AuthenticationFailed):
        return None


class JwtAuthMiddleware:
    """Puts the JWT's user in ``scope["user"]``; a token that does not validate leaves an
    anonymous user and ``scope["auth_error"]``, so the consumer can close with 4401. Without a
    token, the session user set by the stack below stays."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        raw = token_from_scope(scope)
        if raw is not None:
            user = await _user_for_token(raw)
            scope = dict(scope)
            if user is None or not user.is_active:
                scope["user"] = AnonymousUser()
                scope["auth_error"] = "invalid or expired token"
            else:
                scope["user"] = user
        return await self.inner(scope, receive, send)


class OriginCheck:
    """Refuses a browser on a foreign origin (403 at the handshake); lets a client without an
    Origin header through, since only browsers send one and only browsers need the check."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.checked = AllowedHostsOriginValidator(inner)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if any(name == b"origin" for name, _ in scope.get("headers", [])):
            return await self.checked(scope, receive, send)
        return await self.inner(scope, receive, send)


def websocket_stack(inner: Any) -> Any:
    """The connection's abort (before anything wraps ``send``), the origin check, then session
    auth, then the JWT (which wins when given)."""
    return ConnectionAbort(OriginCheck(AuthMiddlewareStack(JwtAuthMiddleware(inner))))
