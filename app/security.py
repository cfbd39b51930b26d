"""Security headers on every response.

No page loads anything from another host, so the policy can be ``'self'`` only:
charts must work offline and inside newsroom CMSes.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .urls import split_pinned

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # plotly.js writes its own style rules and style attributes at run time; styles
        # cannot run code, and script-src stays free of 'unsafe-inline' and 'unsafe-eval'.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
# Embeds and what they load may sit in any site's iframe; every other page only in ours.
EMBEDDABLE_PREFIXES = ("/embed/", "/embed.js", "/assets/")
# Features the site never uses, denied to its pages and to anything they frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
)
# Sent only when the base URL is https: a browser that saw it refuses plain http to the host for a year,
# which would break a site served over http.
HSTS = (b"strict-transport-security", b"max-age=31536000")
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
]
EMBED_HEADERS = [(b"content-security-policy", f"{CONTENT_SECURITY_POLICY}; frame-ancestors *".encode()), *COMMON]
PAGE_HEADERS = [
    (b"content-security-policy", f"{CONTENT_SECURITY_POLICY}; frame-ancestors 'self'".encode()),
    (b"x-frame-options", b"SAMEORIGIN"),
    *COMMON,
]


def headers_for(path: str) -> list[tuple[bytes, bytes]]:
    """The headers for ``path``; an embed pinned to a release (/v/{version}/embed/...) is an embed too."""
    _version, unpinned = split_pinned(path)
    return EMBED_HEADERS if unpinned.startswith(EMBEDDABLE_PREFIXES) else PAGE_HEADERS


class SecurityHeadersMiddleware:
    """Pure ASGI middleware (not BaseHTTPMiddleware) so responses are not buffered."""

    def __init__(self, app: ASGIApp, hsts: bool = False) -> None:
        self.app = app
        self.hsts = [HSTS] if hsts else []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        extra = headers_for(scope["path"]) + self.hsts

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)
