"""The production server: uvicorn configured from ``Settings`` (``python -m app serve``).

Plain ``uvicorn`` trusts X-Forwarded-* from 127.0.0.1 and lets a client take as long as it likes to send
headers of any size (the httptools protocol has neither limit: 64 MB headers were accepted and 900 unfinished
requests were still held after 30 s). Here forwarded headers are believed only from ``NKW_TRUSTED_PROXIES``,
and ``BoundedHttpToolsProtocol`` adds the two limits. httptools rather than h11 (whose
``h11_max_incomplete_event_size`` bounds the size, answered with a 400, but not the time): on a cached page
h11 served about a quarter fewer requests a second (README, "Production").
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import uvicorn
from uvicorn.config import LOGGING_CONFIG
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .settings import Settings

APP_FACTORY = "app.main:create_app"
LINGER_SECONDS = 2.0


class ServerConfig(uvicorn.Config):
    """uvicorn's configuration and the two limits its protocols lack, which ``BoundedHttpToolsProtocol`` reads."""

    def __init__(self, app: str, *, max_header_bytes: int, header_timeout: float, **options: Any) -> None:
        super().__init__(app, **options)
        self.max_header_bytes = max_header_bytes
        self.header_timeout = header_timeout

    @classmethod
    def defaults(cls) -> ServerConfig:
        settings = Settings()
        return cls(APP_FACTORY, max_header_bytes=settings.max_header_bytes, header_timeout=settings.header_timeout)


def _refusal(status: bytes, reason: str) -> bytes:
    body = reason.encode("ascii")
    return (
        b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
        b"content-length: " + str(len(body)).encode("ascii") + b"\r\n\r\n" + body
    )


class CoalescingTransport:
    """A socket transport whose small writes in one turn of the event loop leave as one ``writelines``.

    uvicorn writes a response's status line and headers, then its body, each at once: two system calls
    and two TCP segments, the first carrying a few hundred bytes. Sending them together took a third
    of a cached page's cost away (py-spy: 43% of the server's time was in those two writes). A write
    that brings the waiting bytes past ``FLUSH_BYTES`` goes out at once, so a streamed download is not
    held in memory; the rest goes at the end of the loop's turn, before the client could notice.
    """

    FLUSH_BYTES = 256 * 1024

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._waiting: list[bytes] = []
        self._waiting_bytes = 0

    def write(self, data: bytes) -> None:
        if not data:
            return
        if not self._waiting:
            self._loop.call_soon(self.flush)
        self._waiting.append(data)
        self._waiting_bytes += len(data)
        if self._waiting_bytes >= self.FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self._waiting and not self._transport.is_closing():
            self._transport.writelines(self._waiting)
        self._waiting = []
        self._waiting_bytes = 0

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a cap on a request's header bytes and on the time to send them.

    The clock starts when the connection opens and at each request's first byte (an idle keep-alive
    connection is uvicorn's ``timeout_keep_alive``'s business); it stops when the headers are complete.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = self.config if isinstance(self.config, ServerConfig) else ServerConfig.defaults()
        self.max_header_bytes = limits.max_header_bytes
        self.header_timeout = limits.header_timeout
        self._header_bytes = 0
        self._awaiting_headers = False
        self._header_deadline: asyncio.TimerHandle | None = None
        self._refused = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(CoalescingTransport(transport, self.loop))  # type: ignore[arg-type]
        self._await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._headers_done()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # what a refused client still sends is read and dropped until it has read the refusal
        counted = self._awaiting_headers
        if counted and self._over_limit(len(data)):
            return
        super().data_received(data)
        # A request that began in this chunk and is still short of its headers: the whole chunk counts.
        if not counted and self._awaiting_headers:
            self._over_limit(len(data))

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._await_headers()

    def on_headers_complete(self) -> None:
        self._headers_done()
        super().on_headers_complete()

    def _await_headers(self) -> None:
        if self._awaiting_headers:
            return
        self._awaiting_headers = True
        self._header_bytes = 0
        self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _headers_done(self) -> None:
        self._awaiting_headers = False
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _over_limit(self, received: int) -> bool:
        self._header_bytes += received
        if self._header_bytes <= self.max_header_bytes:
            return False
        self._refuse(b"431 Request Header Fields Too Large", f"Headers over {self.max_header_bytes} bytes.")
        return True

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if self._header_bytes:
            self._refuse(b"408 Request Timeout", f"Headers not complete within {self.header_timeout:g} s.")
        elif not self.transport.is_closing():
            self.transport.close()  # nothing was asked: nothing to answer (as nginx does)

    def _refuse(self, status: bytes, reason: str) -> None:
        """Answer and close. Closing with the client's bytes unread would reset the connection and could lose
        the answer on its way; so the answer is followed by our end of the stream, and the connection lingers,
        reading and dropping, until the client closes it or ``LINGER_SECONDS`` pass (nginx's lingering close)."""
        self._headers_done()
        if self.transport.is_closing():
            return
        self._refused = True
        self.transport.write(_refusal(status, reason))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)


def log_config() -> dict[str, Any]:
    """uvicorn's logging, with the app's own loggers (reloads, rejected data) on the same handler."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["app"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def server_config(settings: Settings, app: str = APP_FACTORY) -> ServerConfig:
    """uvicorn's configuration for ``settings``; ``app`` is an import string of an app factory, so that
    several workers can each build their own."""
    return ServerConfig(
        app,
        max_header_bytes=settings.max_header_bytes,
        header_timeout=settings.header_timeout,
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=BoundedHttpToolsProtocol,
        proxy_headers=bool(settings.proxy_addresses),
        forwarded_allow_ips=settings.proxy_addresses or [],
        timeout_keep_alive=settings.keep_alive_timeout,
        timeout_graceful_shutdown=settings.shutdown_timeout,
        server_header=False,
        access_log=settings.access_log,
        log_config=log_config(),
        lifespan="on",
        # With several workers, SIGHUP to the parent starts each replacement and waits this long for it to be
        # ready before retiring the old one (uvicorn's 5 s aborted the restart on a busy machine; a start on
        # 50 MB of data takes about 30 s). It is also how long a worker may leave the supervisor's ping unanswered.
        timeout_worker_healthcheck=60,
    )


def serve(settings: Settings, app: str = APP_FACTORY) -> None:
    config = server_config(settings, app)
    server = uvicorn.Server(config)
    if config.workers > 1:
        from uvicorn.supervisors import Multiprocess

        sock = config.bind_socket()
        Multiprocess(config, sockets=[sock]).run()
        return
    server.run()
