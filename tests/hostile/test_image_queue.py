"""Images render on the renderer's own thread from a small bounded queue: a full queue is refused at once with
503 and Retry-After, never by holding a request thread; a failed render restarts the browser, and only that."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from app.charts.images import QUEUE_SIZE, ImageFormat, ImageRenderer
from app.context import AppContext
from app.jsontypes import JSONObject

STOP_BOUND_SECONDS = 10  # the server's own shutdown allows 8 s (NKW_SHUTDOWN_TIMEOUT) before the browser is stopped


@pytest.fixture
def stalled(tiny_client: TestClient) -> Iterator[tuple[ImageRenderer, threading.Event]]:
    """The app's renderer with a browser that does not answer until the event is set."""
    renderer: ImageRenderer = tiny_client.app.state.context.images  # type: ignore[attr-defined]
    release = threading.Event()
    started = threading.Event()

    def slow_render(figure: JSONObject, fmt: ImageFormat) -> bytes:
        started.set()
        release.wait(30)
        return b"<svg/>" if fmt == "svg" else b"\x89PNG"

    renderer._render = slow_render  # type: ignore[method-assign]
    yield renderer, release
    release.set()


def fill_queue(context: AppContext, renderer: ImageRenderer) -> None:
    """One render under way and QUEUE_SIZE waiting, at addresses nobody else asks for."""
    view = context.views.default(next(iter(context.views.specs.values())))
    for n in range(QUEUE_SIZE + 1):
        renderer.submit(view, "png", "site", f"http://localhost/filler/{n}", context.latest.credit)
    for _ in range(100):
        if renderer.waiting == QUEUE_SIZE:
            return
        threading.Event().wait(0.05)
    raise AssertionError(f"{renderer.waiting} renders waiting, not {QUEUE_SIZE}")


def test_a_full_queue_answers_503_with_retry_after(
    tiny_client: TestClient, stalled: tuple[ImageRenderer, threading.Event]
) -> None:
    renderer, release = stalled
    fill_queue(tiny_client.app.state.context, renderer)  # type: ignore[attr-defined]
    busy = tiny_client.get("/charts/revenue.png")
    assert busy.status_code == 503
    assert int(busy.headers["retry-after"]) > 0
    assert "no-store" in busy.headers["cache-control"]
    assert "content-security-policy" in busy.headers
    assert tiny_client.get("/healthz").status_code == 200  # pages are not held up meanwhile
    release.set()
    for _ in range(100):
        if renderer.waiting == 0:
            break
        threading.Event().wait(0.05)
    later = tiny_client.get("/charts/revenue.svg")
    assert later.status_code == 200
    assert later.content == b"<svg/>"


def test_the_same_image_asked_while_queued_is_rendered_once(
    tiny_client: TestClient, stalled: tuple[ImageRenderer, threading.Event]
) -> None:
    renderer, release = stalled
    context: AppContext = tiny_client.app.state.context  # type: ignore[attr-defined]
    view = context.views.default(next(iter(context.views.specs.values())))
    first = renderer.submit(view, "png", "site", "http://localhost/same", context.latest.credit)
    again = [renderer.submit(view, "png", "site", "http://localhost/same", context.latest.credit) for _ in range(50)]
    assert all(future is first for future in again)
    release.set()
    assert first.result(10) == b"\x89PNG"


def test_a_failed_render_restarts_the_browser_and_the_next_render_works(
    tiny_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Debian's Chromium through kaleido: one render fails, the browser is stopped (within seconds, not held
    up by the failed render) and started afresh, and the next render is a real image."""
    import kaleido

    assert tiny_client.get("/charts/revenue.svg").status_code == 200  # the browser is up
    calls: list[str] = []
    real_render, real_stop, real_start = kaleido.calc_fig_sync, kaleido.stop_sync_server, kaleido.start_sync_server

    def failing_once(*args: object, **kwargs: object) -> object:
        if "failed" not in calls:
            calls.append("failed")
            raise RuntimeError("the browser went away")
        return real_render(*args, **kwargs)

    def timed_stop(*args: object, **kwargs: object) -> object:
        started = time.monotonic()
        try:
            return real_stop(*args, **kwargs)
        finally:
            calls.append(f"stopped in {time.monotonic() - started:.1f} s")

    def counted_start(*args: object, **kwargs: object) -> object:
        calls.append("started")
        return real_start(*args, **kwargs)

    monkeypatch.setattr(kaleido, "calc_fig_sync", failing_once)
    monkeypatch.setattr(kaleido, "stop_sync_server", timed_stop)
    monkeypatch.setattr(kaleido, "start_sync_server", counted_start)
    failed = tiny_client.get("/charts/revenue.svg?from=2015")
    assert failed.status_code == 503
    assert "the browser went away" in failed.text
    again = tiny_client.get("/charts/revenue.svg?from=2015")
    assert again.status_code == 200
    assert ElementTree.fromstring(again.content).tag == "{http://www.w3.org/2000/svg}svg"
    assert calls[0] == "failed"
    assert calls[1].startswith("stopped in ")
    assert float(calls[1].split()[2]) < STOP_BOUND_SECONDS, calls
    assert calls[2:] == ["started"]
