"""Answer only for well-formed, known host names, so a forged Host header never reaches a link or a cache key.

Without a configured public base URL, links in embed code, oEmbed, citations and
og:image are built from the request's address; Starlette's TrustedHostMiddleware
refuses any other host with 400 before that can happen. The health check is
exempt from the allow-list (load balancers probe it by IP address, and it builds
no link), not from the shape check: a Host over 255 bytes or not a host[:port]
is refused for every path, before any other work (the cache keys on it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

EXEMPT_PATHS = ("/healthz", "/readyz")
MAX_HOST_BYTES = 255  # a DNS name's limit (RFC 1035), which a port and brackets do not take it far past
# A DNS name (letters, digits, hyphens, underscores, dots), an IPv4 address or a bracketed IPv6 one; a port.
HOST_SHAPE = re.compile(rb"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")


def host_problem(scope: Scope) -> str | None:
    """What is wrong with the request's Host header, or None; a request without one is left to the allow-list."""
    hosts = [value for name, value in scope.get("headers", []) if name == b"host"]
    if len(hosts) > 1:
        return "The request names more than one Host header; send exactly one."
    if not hosts:
        return None
    host = hosts[0]
    if len(host) > MAX_HOST_BYTES:
        return f"The Host header is {len(host)} bytes long; at most {MAX_HOST_BYTES} are allowed."
    if not HOST_SHAPE.fullmatch(host):
        shown = host[:40].decode("latin-1") + ("..." if len(host) > 40 else "")
        return f"The Host header '{shown}' is not a host name or address with an optional :port."
    return None


class AllowedHostsMiddleware:
    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        self.app = app
        self.checked = TrustedHostMiddleware(app, allowed_hosts=allowed_hosts, www_redirect=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = host_problem(scope)
        if problem is not None:
            await PlainTextResponse(problem, status_code=400)(scope, receive, send)
            return
        if scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        await self.checked(scope, receive, send)
