"""Answer only for well-formed, known host names, so a forged Host header never reaches a link or a cache key.

Without a configured public base URL, links in embed code, oEmbed, citations and
og:image are built from the request's address, so any Host outside the allow-list
is refused with 400 before that can happen (Starlette's TrustedHostMiddleware rule:
a name, ``*.example.org`` or ``*``). The health checks are exempt from the
allow-list (load balancers probe them by IP address, and they build no link), not
from the shape check: a Host over 255 bytes or not a host[:port] is refused for
every path, before any other work.

The response cache asks ``HostPolicy.admits`` on every request, before it looks
for a kept answer, so each Host value it admits is remembered: a hit costs a set
lookup, not a parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from ipaddress import AddressValueError, IPv6Address

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

EXEMPT_PATHS = ("/healthz", "/readyz")
MAX_HOST_BYTES = 255  # a DNS name's limit (RFC 1035), which a port and brackets do not take it far past
# A DNS name (letters, digits, hyphens, underscores, dots), an IPv4 address or a bracketed IPv6 one; a port.
HOST_SHAPE = re.compile(
    rb"(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?|\[(?P<ipv6>[0-9A-Fa-f:.]+)\])(?::[0-9]{1,5})?"
)
NOT_ALLOWED = "Invalid host header"  # Starlette's words, kept: clients and tests of the 1.0 release read them
# Admitted Host values remembered. Bounded because an allowed name comes with any of 65,536 ports, and with
# '*' any name is allowed; past the bound a Host is checked afresh, which is correct, only slower.
MAX_REMEMBERED = 1024


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


def host_name(host: bytes) -> str | None:
    """The name a well-formed Host value names, lower-cased, brackets kept around an IPv6 address and the port
    left out; None when the brackets hold no IPv6 address."""
    match = HOST_SHAPE.fullmatch(host)
    if match is None:
        return None
    ipv6 = match["ipv6"]
    if ipv6 is not None:
        try:
            IPv6Address(ipv6.decode("ascii"))
        except AddressValueError:
            return None
    return match["name"].decode("ascii").lower()


class HostPolicy:
    """Which requests the site answers, by their Host header: ``refusal`` says why not, ``admits`` is the quick yes."""

    def __init__(self, allowed_hosts: Sequence[str]) -> None:
        patterns = [pattern.lower() for pattern in allowed_hosts]
        for pattern in patterns:
            if "*" in pattern[1:] or (pattern.startswith("*") and pattern != "*" and not pattern.startswith("*.")):
                raise ValueError(f"Allowed host {pattern!r}: a wildcard must be '*' or like '*.example.org'.")
        self.allow_any = "*" in patterns
        self.names = frozenset(pattern for pattern in patterns if not pattern.startswith("*"))
        self.suffixes = tuple(pattern[1:] for pattern in patterns if pattern.startswith("*."))
        self._admitted: set[bytes] = set()

    def allows(self, name: str) -> bool:
        return self.allow_any or name in self.names or name.endswith(self.suffixes)

    def refusal(self, scope: Scope) -> str | None:
        """Why the request is refused, or None when it is answered."""
        problem = host_problem(scope)
        if problem is not None or scope["path"] in EXEMPT_PATHS:
            return problem
        hosts = [value for name, value in scope.get("headers", []) if name == b"host"]
        if not hosts:
            return None if self.allow_any else NOT_ALLOWED
        name = host_name(hosts[0])
        if name is None or not self.allows(name):
            return NOT_ALLOWED
        if len(self._admitted) < MAX_REMEMBERED:
            self._admitted.add(hosts[0])
        return None

    def admits(self, scope: Scope) -> bool:
        """Whether the request is answered; on the path of every request, so a Host seen before is one lookup."""
        hosts = [value for name, value in scope["headers"] if name == b"host"]
        if len(hosts) == 1 and hosts[0] in self._admitted:
            return True
        return self.refusal(scope) is None


class AllowedHostsMiddleware:
    """Refuses with 400, naming the problem, every request ``policy`` does not answer."""

    def __init__(self, app: ASGIApp, policy: HostPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = self.policy.refusal(scope)
            if problem is not None:
                await PlainTextResponse(problem, status_code=400)(scope, receive, send)
                return
        await self.app(scope, receive, send)
