"""Answer only for known host names, so a forged Host header never reaches a link or a cache key.

Without a configured public base URL, links in embed code, oEmbed, citations and
og:image are built from the request's address; Starlette's TrustedHostMiddleware
refuses any other host with 400 before that can happen. The health check is
exempt: load balancers probe it by IP address, and it builds no link.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

EXEMPT_PATHS = ("/healthz", "/readyz")


class AllowedHostsMiddleware:
    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        self.app = app
        self.checked = TrustedHostMiddleware(app, allowed_hosts=allowed_hosts, www_redirect=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        await self.checked(scope, receive, send)
