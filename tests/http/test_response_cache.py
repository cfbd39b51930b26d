"""The response cache as a client sees it: revalidation, negotiation, the day in the key, bounded memory."""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from app.http import response_cache
from app.http.response_cache import ResponseCacheMiddleware
from app.lru import MiB
from app.settings import Settings

from ..clients import app_client as make_client
from ..html import attr, parse
from ..loops import run_async
from ..tiny_data import write_tiny_data


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The real app on the tiny dataset, writing only under a temporary directory."""
    root = tmp_path_factory.mktemp("response_cache")
    settings = Settings(data_dir=write_tiny_data(root / "data"), cache_dir=root / "cache")
    with make_client(settings) as client:
        yield client


@pytest.mark.parametrize("if_none_match", ['W/"{etag}"', '"a", "{etag}"', '"a",W/"{etag}" , "b"', "*"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_weak_list_and_star_validators_answer_304(app_client: TestClient, method: str, if_none_match: str) -> None:
    first = app_client.get("/about")
    etag = first.headers["etag"]
    again = app_client.request(method, "/about", headers={"If-None-Match": if_none_match.format(etag=etag.strip('"'))})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["vary"] == "Accept-Encoding"
    assert again.headers["cache-control"] == first.headers["cache-control"]
    assert "content-type" not in again.headers
    assert "content-encoding" not in again.headers


def test_validators_that_do_not_match_get_the_page(app_client: TestClient) -> None:
    first = app_client.get("/about")
    again = app_client.get("/about", headers={"If-None-Match": f'"a", "b", "{first.headers["etag"]}x"'})
    assert again.status_code == 200
    assert again.text == first.text


def test_a_refused_brotli_is_not_sent_under_a_wildcard(app_client: TestClient) -> None:
    plain = app_client.get("/about", headers={"Accept-Encoding": "identity"})
    response = app_client.get("/about", headers={"Accept-Encoding": "br;q=0, *"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.text == plain.text  # the client decodes gzip


def test_assets_answer_304_to_a_weak_validator(app_client: TestClient) -> None:
    css = next(attr(link, "href") for link in parse(app_client.get("/").text).select("link[rel=stylesheet]"))
    etag = app_client.get(css).headers["etag"]
    for method in ("GET", "HEAD"):
        response = app_client.request(method, css, headers={"If-None-Match": f'"a", W/{etag}'})
        assert response.status_code == 304
        assert response.content == b""
        assert response.headers["etag"] == etag


# A minimal ASGI app behind the middleware, driven by plain ASGI calls: no routing and no
# templates, so 10,000 requests take seconds and the memory measured is the cache's.


ROWS = "".join(f"<tr><td>{row}</td><td>{row * 7919 % 1000}</td></tr>" for row in range(150))
TABLE = f"<table>{ROWS}</table>"  # about 5 KB


@dataclass
class Pages:
    """A few KB of HTML per path and query; 404 under /missing. ``stamp`` goes into every page."""

    stamp: str = "accessed on day one"
    renders: int = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.renders += 1
        if scope["path"].startswith("/missing"):
            await send({"type": "http.response.start", "status": 404, "headers": [(b"content-type", b"text/html")]})
            await send({"type": "http.response.body", "body": b"<p>No such page.</p>"})
            return
        url = f"{scope['path']}?{scope['query_string'].decode()}"
        body = f"<!doctype html><title>{url}</title><p>{self.stamp}</p>{TABLE}".encode()
        headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


@dataclass
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


async def call(app: ResponseCacheMiddleware, method: str, url: str, **headers: str) -> Answer:
    path, _, query = url.partition("?")
    raw_headers = [(b"host", b"localhost")] + [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    scope: Scope = {"type": "http", "method": method, "path": path, "query_string": query.encode()}
    scope["headers"] = raw_headers
    answer = Answer(status=0)

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")

    await app(scope, receive, send)
    return answer


def test_a_new_day_renders_the_page_again() -> None:
    today = [date(2026, 1, 1)]
    pages = Pages()
    cache = ResponseCacheMiddleware(pages, today=lambda: today[0])
    first = run_async(call(cache, "GET", "/chart"))
    pages.stamp = "accessed on day two"
    same_day = run_async(call(cache, "GET", "/chart"))
    today[0] = date(2026, 1, 2)
    next_day = run_async(call(cache, "GET", "/chart"))
    assert b"day one" in first.body
    assert same_day.body == first.body
    assert b"day two" in next_day.body
    assert next_day.headers["etag"] != first.headers["etag"]
    assert pages.renders == 2


def test_head_before_any_get_is_kept_and_revalidated() -> None:
    pages = Pages()
    get = run_async(call(ResponseCacheMiddleware(pages), "GET", "/chart"))
    cache = ResponseCacheMiddleware(pages)  # a fresh cache: the HEAD is its first request
    head = run_async(call(cache, "HEAD", "/chart", if_none_match=f"W/{get.headers['etag']}"))
    assert (head.status, head.body) == (304, b"")
    head = run_async(call(cache, "HEAD", "/chart"))
    assert (head.status, head.body) == (200, b"")
    assert head.headers["content-length"] == str(len(get.body))
    assert head.headers["etag"] == get.headers["etag"]


def test_head_of_an_uncacheable_answer_has_no_body() -> None:
    cache = ResponseCacheMiddleware(Pages())
    head = run_async(call(cache, "HEAD", "/missing"))
    assert (head.status, head.body) == (404, b"")
    assert len(cache.entries) == 0


def test_a_page_over_the_byte_cap_is_served_but_not_kept() -> None:
    pages = Pages()
    cache = ResponseCacheMiddleware(pages, max_bytes=1000)
    answers = [run_async(call(cache, "GET", "/chart")) for _ in range(2)]
    assert [answer.status for answer in answers] == [200, 200]
    assert answers[0].body == answers[1].body
    assert (len(cache.entries), cache.entries.total_bytes, pages.renders) == (0, 0, 2)


MEMORY_SLACK = 256 * 1024  # what the interpreter may allocate besides the cache between the two readings


@pytest.mark.parametrize(
    ("max_entries", "max_bytes"),
    [(2048, 1 * MiB), (200, 64 * MiB)],
    ids=["bytes cap binds", "entry cap binds"],
)
def test_10000_distinct_urls_stay_within_the_caps(
    monkeypatch: pytest.MonkeyPatch, max_entries: int, max_bytes: int
) -> None:
    # Brotli at quality 9 spends about a millisecond on each small page, whatever its size;
    # the quality changes the bytes kept, not whether the caps hold them, so the test runs at 1.
    monkeypatch.setattr(response_cache, "BROTLI_QUALITY", 1)
    pages = Pages()
    cache = ResponseCacheMiddleware(pages, max_entries=max_entries, max_bytes=max_bytes)

    async def requests(start: int, stop: int) -> None:
        for n in range(start, stop):
            answer = await call(cache, "GET", f"/charts/chart?countries={n}", accept_encoding="gzip, br")
            assert answer.status == 200
            assert answer.headers["content-encoding"] == "br"

    def traced_after(start: int, stop: int) -> int:
        run_async(requests(start, stop))
        assert len(cache.entries) <= max_entries
        assert cache.entries.total_bytes <= max_bytes
        gc.collect()
        return tracemalloc.get_traced_memory()[0]

    tracemalloc.start()
    try:
        after_1000 = traced_after(0, 1000)
        after_10000 = traced_after(1000, 10_000)
    finally:
        tracemalloc.stop()
    assert after_10000 - after_1000 < MEMORY_SLACK
    # The cache was full and working, not empty: the last page is answered without a render.
    assert len(cache.entries) == max_entries or cache.entries.total_bytes > max_bytes - 10_000
    renders = pages.renders
    run_async(call(cache, "GET", "/charts/chart?countries=9999"))
    assert pages.renders == renders


@dataclass
class SlowPages(Pages):
    """Pages that take a while to render, as a real page does: the burst's other requests arrive meanwhile."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await asyncio.sleep(0.05)
        await super().__call__(scope, receive, send)


def test_a_burst_of_misses_on_one_address_renders_it_once() -> None:
    """The first 50 readers after a start wait for one rendering rather than render 50 times at once."""
    pages = SlowPages()
    cache = ResponseCacheMiddleware(pages)

    async def burst() -> list[Answer]:
        methods = ["HEAD" if index % 5 == 0 else "GET" for index in range(50)]
        return list(await asyncio.gather(*(call(cache, method, "/sources?page=1") for method in methods)))

    answers = run_async(burst())
    assert pages.renders == 1
    assert {answer.status for answer in answers} == {200}
    bodies = {answer.body for answer in answers if answer.body}
    assert len(bodies) == 1
    assert b"/sources?page=1" in bodies.pop()
    assert sum(answer.body == b"" for answer in answers) == 10  # the HEADs


def test_a_burst_of_misses_on_an_answer_that_is_not_kept_renders_each() -> None:
    pages = SlowPages()
    cache = ResponseCacheMiddleware(pages)

    async def burst() -> list[Answer]:
        return list(await asyncio.gather(*(call(cache, "GET", "/missing/page") for _ in range(10))))

    answers = run_async(burst())
    assert [answer.status for answer in answers] == [404] * 10
    assert {answer.body for answer in answers} == {b"<p>No such page.</p>"}
    assert pages.renders == 10
