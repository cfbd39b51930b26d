"""Keep every successful page and download once rendered, compressed, with an ETag.

The data is read-only, so a URL's response does not change while the process
lives (except the access date in citations: the key carries the day). A hit is
answered here, the outermost layer, before routing: no template, no query, only
bytes, its security headers kept with it. Only the Host check comes first (the
``admits`` it is given): a refused request goes on inside to be told why. Browsers
revalidate with If-None-Match and get a 304; a CDN in front may keep pages for
the ``s-maxage`` and absorb a spike. What is kept is capped in entries and in
bytes, so any number of distinct URLs (query strings are free to invent) fits
in a fixed amount of memory.

Simultaneous misses on one address are rendered once: the first request renders, the others wait for its
answer. Without that, the first burst after a start (50 readers of a page that just made the news) rendered
the page 50 times at once and its p99 was over a second, against 10 ms once warm.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import brotli
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..lru import LruCache, MiB
from ..params import known_query
from .conditional import is_not_modified, not_modified_headers
from .encoding import choose_encoding

PAGE_CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400"
# Without a base URL a page's links name the address it was asked at; a proxy's cache key usually leaves the
# client's Host and scheme out, so it must not keep the page for other clients: browsers alone may.
PRIVATE_CACHE_CONTROL = "private, max-age=300"
CACHEABLE = (
    "text/html",
    "text/csv",
    "application/json",
    "application/atom+xml",
    "text/xml",
    "application/zip",
    "image/png",
    "image/svg+xml",
)
COMPRESSIBLE = ("text/html", "text/csv", "application/json", "application/atom+xml", "text/xml", "image/svg+xml")
MIN_COMPRESS_BYTES = 512
BROTLI_QUALITY = 9  # a good ratio at a few ms for a page; each body is compressed once
# Past this size quality 9 costs tens of ms (a 260 KB country page: 28 ms) for a few per cent of bytes; 5 takes 8.
LARGE_BODY = 64 * 1024
LARGE_BODY_BROTLI_QUALITY = 5
UNCACHED_PREFIXES = ("/healthz", "/readyz", "/assets/")  # health must be live; assets have their own route
DROPPED_HEADERS = {b"content-length", b"content-encoding", b"etag", b"vary"}
MAX_ENTRIES = 2048
# Each entry holds its body and up to two compressed forms; the byte cap, not the entry cap,
# is what bounds memory when bodies are large (a CSV or a zip of the whole dataset).
MAX_BYTES = 64 * MiB
MAX_BODY = 16 * MiB  # a larger response is passed through as it comes, never compressed or kept
READ_HEADERS = (b"host", b"accept-encoding", b"if-none-match")  # in the order RequestHeaders lists them
REMEMBERED_ACCEPT_ENCODING = 200  # characters; Chrome's "gzip, deflate, br, zstd" has 23

CacheKey = tuple[str, str, str, bytes, str]  # scheme, Host, path, query string, the day (citations carry it)
# What an entry holds besides its bodies and headers: the Entry, its dicts and lists, the key's tuple. Counted so
# that many small entries (empty 200s for invented addresses) cannot outgrow the byte cap.
ENTRY_OVERHEAD = 1024


Headers_ = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class Entry:
    headers: Headers_
    body: bytes
    encoded: dict[str, bytes]
    etag: bytes
    # Every answer's headers, worked out once: a hit only picks one (most requests are hits).
    answers: dict[str | None, Headers_]  # the 200's, by content coding (None: the body as it is)
    not_modified: Headers_  # the 304's

    @property
    def size(self) -> int:
        """The bytes this entry keeps alive, near enough: bodies and headers, not object overheads."""
        headers = sum(len(name) + len(value) for name, value in self.headers)
        answers = sum(len(name) + len(value) for answer in self.answers.values() for name, value in answer)
        bodies = len(self.body) + sum(len(body) for body in self.encoded.values())
        return bodies + headers + answers + len(self.etag) + ENTRY_OVERHEAD


def cache_key(scope: Scope, host: str, day: str, links_from_request: bool) -> CacheKey:
    """What an answer depends on: its address, the day (citations carry it), and the scheme and Host only when
    links are built from them; with a base URL they are left out, so a flood of hosts cannot multiply entries."""
    scheme, host = (scope.get("scheme", "http"), host) if links_from_request else ("", "")
    return (scheme, host, scope["path"], scope["query_string"], day)


def for_shared_caches(headers: Headers_, links_from_request: bool) -> Headers_:
    """The headers, with a Cache-Control that lets shared caches keep the answer made private when the answer's
    links name the request's address (how long a browser keeps it is unchanged); every kept answer has one."""
    if not links_from_request:
        return headers
    kept = [(name, value) for name, value in headers if name.lower() != b"cache-control"]
    given = Headers(raw=headers).get("cache-control", "")
    return [*kept, (b"cache-control", private_cache_control(given).encode())]


def private_cache_control(value: str) -> str:
    """``value`` for the browser alone: 'public' becomes 'private', and what only shared caches read goes."""
    directives = [part.strip() for part in value.split(",") if part.strip()]
    browser = [part for part in directives if part != "public" and not part.startswith(("s-maxage", "proxy-"))]
    if not any(part.startswith("max-age") for part in browser):
        return PRIVATE_CACHE_CONTROL
    return ", ".join(["private", *(part for part in browser if part != "private")])


def make_entry(headers: list[tuple[bytes, bytes]], body: bytes) -> Entry:
    media_type = Headers(raw=headers).get("content-type", "")
    encoded: dict[str, bytes] = {}
    if media_type.startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESS_BYTES:
        quality = BROTLI_QUALITY if len(body) <= LARGE_BODY else LARGE_BODY_BROTLI_QUALITY
        encoded = {"br": brotli.compress(body, quality=quality), "gzip": gzip.compress(body, 6, mtime=0)}
    kept = [(name, value) for name, value in headers if name.lower() not in DROPPED_HEADERS]
    if not any(name.lower() == b"cache-control" for name, _ in kept):
        kept.append((b"cache-control", PAGE_CACHE_CONTROL.encode()))
    etag = f'"{hashlib.blake2b(body, digest_size=10).hexdigest()}"'.encode()
    common = [*kept, (b"etag", etag), (b"vary", b"Accept-Encoding")]
    answers: dict[str | None, Headers_] = {None: [*common, (b"content-length", str(len(body)).encode())]}
    for coding, encoded_body in encoded.items():
        length = str(len(encoded_body)).encode()
        answers[coding] = [*common, (b"content-length", length), (b"content-encoding", coding.encode())]
    return Entry(kept, body, encoded, etag, answers, not_modified_headers(common))


def without_unknown_parameters(scope: Scope) -> Scope:
    """The request with only the query parameters its address reads, in one order: ``?utm_source=x`` or
    ``?junk=1``, ``?junk=2``... is the same key, so it cannot force a render, and the app never sees it, so
    no kept page can echo it."""
    query_string: bytes = scope.get("query_string", b"")
    known = known_query(scope["path"], query_string)
    return scope if known == query_string else {**scope, "query_string": known}


class RequestHeaders(NamedTuple):
    """The three request headers a hit reads, found in one pass over the raw list (Starlette's ``Headers`` builds
    a decoded copy of all of them, a noticeable share of a hit's time). A repeated field's values are joined with
    commas, as RFC 9110 §5.3 allows for list fields; a repeated Host is refused before this is read."""

    host: str
    accept_encoding: str
    if_none_match: str

    @classmethod
    def of(cls, scope: Scope) -> RequestHeaders:
        found = dict.fromkeys(READ_HEADERS, b"")
        for name, value in scope["headers"]:
            if name in found:
                found[name] = found[name] + b", " + value if found[name] else value
        return cls(*(value.decode("latin-1") for value in found.values()))


def encoding_for(accept_encoding: str, available: tuple[str, ...]) -> str | None:
    """``choose_encoding``, remembered: browsers send a handful of distinct Accept-Encoding values. A value
    longer than any browser's is worked out each time, so junk headers cannot fill the memory with themselves."""
    if len(accept_encoding) > REMEMBERED_ACCEPT_ENCODING:
        return choose_encoding(accept_encoding, available)
    return _remembered_encoding(accept_encoding, available)


@functools.lru_cache(maxsize=256)
def _remembered_encoding(accept_encoding: str, available: tuple[str, ...]) -> str | None:
    return choose_encoding(accept_encoding, available)


def passes_through(start: Message, max_body: int) -> bool:
    """An answer the cache lets through as it streams: encoded by its route (a large download, compressed once)
    or announcing a body larger than the cache keeps."""
    headers = Headers(raw=start.get("headers", []))
    length = headers.get("content-length", "")
    return "content-encoding" in headers or (length.isascii() and length.isdigit() and int(length) > max_body)


class ResponseCacheMiddleware:
    """Answers GET and HEAD from kept responses; ``entries`` is the cache, for its counters."""

    def __init__(
        self,
        app: ASGIApp,
        max_entries: int = MAX_ENTRIES,
        max_bytes: int = MAX_BYTES,
        max_body: int = MAX_BODY,
        today: Callable[[], date] = date.today,
        links_from_request: bool = True,
        admits: Callable[[Scope], bool] = lambda scope: True,
    ) -> None:
        self.app = app
        self.admits = admits  # whether the site answers the request's Host (app/hosts.py)
        self.links_from_request = links_from_request
        self.max_body = max_body
        self.today = today  # passed in so tests can move the day on
        self.entries: LruCache[CacheKey, Entry] = LruCache(max_entries, max_bytes, size=lambda entry: entry.size)
        # The answer being rendered for each address, for the requests that miss it meanwhile.
        self._rendering: dict[CacheKey, asyncio.Future[Entry | None]] = {}
        self._generation = 0  # moved on by clear(), so a render begun before it is not kept after it

    def clear(self) -> None:
        """Forget every kept answer, when the data behind them is replaced (app/reload.py)."""
        self._generation += 1
        self.entries.clear()
        self._rendering = {}  # later misses render afresh rather than wait for an answer of the old data

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope = without_unknown_parameters(scope)
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"].startswith(UNCACHED_PREFIXES)
            or not self.admits(scope)
        ):
            await self.app(scope, receive, send)
            return
        request = RequestHeaders.of(scope)
        head = scope["method"] == "HEAD"
        key = cache_key(scope, request.host, self.today().isoformat(), self.links_from_request)
        entry = self.entries.get(key) or await self._rendered_meanwhile(key)
        if entry is None:
            # A HEAD is rendered as the GET it asks about (as Starlette does), so it fills the
            # cache and is revalidated (304) the same way; only its body is left out.
            entry = await self._fill_once(key, {**scope, "method": "GET"}, receive, send, head)
            if entry is None:
                return  # not cacheable: already sent as it came
        await self._send(entry, request, head, send)

    async def _rendered_meanwhile(self, key: CacheKey) -> Entry | None:
        """The answer another request is rendering for this address, once it is ready; None if there is none
        (or it was not cacheable, or it is rendered on another event loop, as test clients without a portal do)."""
        pending = self._rendering.get(key)
        if pending is None or pending.get_loop() is not asyncio.get_running_loop():
            return None
        return await asyncio.shield(pending)

    async def _fill_once(self, key: CacheKey, scope: Scope, receive: Receive, send: Send, head: bool) -> Entry | None:
        """Render and keep the answer, telling the requests that wait for it; they render it themselves if it
        cannot be kept."""
        pending: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self._rendering.setdefault(key, pending)
        entry: Entry | None = None
        try:
            entry = await self._fill(key, scope, receive, send, head)
        finally:
            if self._rendering.get(key) is pending:
                del self._rendering[key]
            pending.set_result(entry)
        return entry

    async def _fill(self, key: CacheKey, scope: Scope, receive: Receive, send: Send, head: bool) -> Entry | None:
        messages: list[Message] = []
        generation = self._generation
        passing = False  # the answer goes out as it comes: its route encoded it, or it is too large to keep
        size = 0

        async def forward(message: Message) -> None:
            # A HEAD gets the GET's headers (its Content-Length included) and no body.
            await send({**message, "body": b""} if head and message["type"] == "http.response.body" else message)

        async def capture(message: Message) -> None:
            nonlocal passing, size
            if passing:
                await forward(message)
                return
            if message["type"] == "http.response.start":
                message = self._for_shared_caches(message)
                passing = passes_through(message, self.max_body)
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
                passing = size > self.max_body
            messages.append(message)
            if passing:  # what was held so far goes first; the rest streams without being held
                for held in messages:
                    await forward(held)
                messages.clear()

        await self.app(scope, receive, capture)
        if passing:
            return None
        # The first message is not always the start: Jinja templates send "http.response.debug" to test clients.
        start: Message = next((m for m in messages if m["type"] == "http.response.start"), {"status": 500})
        headers: Headers_ = list(start.get("headers", []))
        media_type = Headers(raw=headers).get("content-type", "")
        cache_control = Headers(raw=headers).get("cache-control", "")
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        cacheable = start.get("status") == 200 and media_type.startswith(CACHEABLE) and "no-store" not in cache_control
        if not cacheable:
            for message in messages:
                await forward(message)
            return None
        # brotli and zlib let go of the GIL while they work: off the event loop, hits keep being answered.
        entry = (
            await asyncio.to_thread(make_entry, headers, body) if len(body) > LARGE_BODY else make_entry(headers, body)
        )
        if generation == self._generation:
            self.entries.put(key, entry)
        return entry

    def _for_shared_caches(self, start: Message) -> Message:
        """The start of an answer, made private to shared caches when it is cacheable (by us or by them) and its
        links name the request's address."""
        headers: Headers_ = list(start.get("headers", []))
        described = Headers(raw=headers)
        cache_control, media_type = described.get("cache-control", ""), described.get("content-type", "")
        cacheable = start.get("status") == 200 and media_type.startswith(CACHEABLE) and "no-store" not in cache_control
        if "public" in cache_control or cacheable:
            return {**start, "headers": for_shared_caches(headers, self.links_from_request)}
        return start

    async def _send(self, entry: Entry, request: RequestHeaders, head: bool, send: Send) -> None:
        if request.if_none_match and is_not_modified(request.if_none_match, entry.etag.decode("ascii")):
            await send({"type": "http.response.start", "status": 304, "headers": list(entry.not_modified)})
            await send({"type": "http.response.body", "body": b""})
            return
        coding = encoding_for(request.accept_encoding, tuple(entry.encoded))
        body = entry.encoded[coding] if coding else entry.body
        # A copy: a server or middleware outside may add its own headers to the list it is given.
        await send({"type": "http.response.start", "status": 200, "headers": list(entry.answers[coding])})
        await send({"type": "http.response.body", "body": b"" if head else body})
