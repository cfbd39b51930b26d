"""New data without a restart, and the last good data when what is on disk is not.

SIGHUP (as gunicorn and nginx) makes the process read ``data/`` again: validated and built in a worker
thread while the old context keeps answering, then swapped in as one reference (``app.state.context``,
read by ``deps.get_context`` alone). A rejected edit changes nothing that is served; it is logged with its
report and shown in /healthz. Each successful load keeps a copy of the files under
``cache_dir/last-good/``, so a restart with a bad edit on disk serves that copy instead of refusing to start.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from time import monotonic
from typing import Literal

from starlette.types import ASGIApp

from .context import AppContext, build_context
from .data import DataValidationError
from .data.stamp import fingerprint
from .editions import ArchiveError
from .http.response_cache import ResponseCacheMiddleware
from .settings import Settings
from .warmup import CountryWarmer

log = logging.getLogger(__name__)

REPORT_LINES = 10  # of a rejection's report, in /healthz (the log has all of it)
LAST_GOOD: Literal["last-good"] = "last-good"
SOURCE_MARK = ".fingerprint"  # in a last-good copy: the fingerprint of the files it was copied from


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Rejection:
    at: datetime
    data_dir: Path
    report: str

    def as_json(self) -> dict[str, object]:
        lines = self.report.splitlines()
        return {"at": self.at.isoformat(), "data_dir": str(self.data_dir), "report": lines[:REPORT_LINES]} | (
            {"report_lines_left_out": len(lines) - REPORT_LINES} if len(lines) > REPORT_LINES else {}
        )


@dataclass
class DataStatus:
    """What the process serves and how its data got there; /healthz reports it."""

    data_dir: Path  # the configured data directory, which a reload reads
    loaded_from: Literal["data", "last-good"]
    served_dir: Path
    fingerprint: str = ""  # of the files served (app/data/stamp.py): tells two edits of one version apart
    loaded_at: datetime = field(default_factory=now)
    last_reload: dict[str, object] | None = None  # at, outcome ('loaded' / 'rejected'), seconds
    last_rejection: Rejection | None = None
    # Set when the first release served has its country pages' charts built: /readyz says ready from then on.
    warmed: threading.Event = field(default_factory=threading.Event)

    @property
    def degraded(self) -> bool:
        """Serving an older copy than data/ asks for: started from last-good, or the last edit was rejected."""
        rejected = self.last_rejection is not None and self.last_rejection.at >= self.loaded_at
        return self.loaded_from == LAST_GOOD or rejected


def rejection_report(error: Exception) -> str:
    return error.report() if isinstance(error, DataValidationError) else f"{type(error).__name__}: {error}"


def last_good_dir(cache_dir: Path | None, data_dir: Path) -> Path | None:
    """Where the last good copy of ``data_dir`` is kept: one per data directory, so that two never mix."""
    if cache_dir is None:
        return None
    tag = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return cache_dir / LAST_GOOD / f"{data_dir.resolve().name}-{tag}"


def keep_last_good(data_dir: Path, cache_dir: Path | None, validated: str) -> None:
    """Copy ``data_dir`` as its last good copy, if its files are still the ones that validated (their
    ``validated`` fingerprint); a copy of the same files is left as it is.

    Written beside and renamed into place, so a process starting meanwhile never reads half a copy; an edit
    saved while the copy was made is not kept (it has not been validated).
    """
    target = last_good_dir(cache_dir, data_dir)
    if target is None:
        return
    try:
        if (target / SOURCE_MARK).read_text(encoding="ascii") == validated:
            return
    except OSError:
        pass
    fresh = target.with_name(f"{target.name}.new-{os.getpid()}-{threading.get_ident()}")
    stale = target.with_name(f"{target.name}.old-{os.getpid()}-{threading.get_ident()}")
    try:
        shutil.copytree(data_dir, fresh, ignore=shutil.ignore_patterns(".*"))
        if fingerprint(fresh) != validated:
            log.warning("%s changed while it was copied; its last good copy stays as it was", data_dir)
            return
        (fresh / SOURCE_MARK).write_text(validated, encoding="ascii")
        if target.exists():
            target.rename(stale)
        fresh.rename(target)
    except OSError as error:  # an unwritable cache, or another worker did the same at the same moment
        log.warning("Could not keep a last good copy of %s in %s: %s", data_dir, target, error)
    finally:
        for leftover in (fresh, stale):
            shutil.rmtree(leftover, ignore_errors=True)


def start_context(settings: Settings, clock: Callable[[], date] = date.today) -> tuple[AppContext, DataStatus]:
    """The context to start with: from ``settings.data_dir``, else from its last good copy.

    Raises DataValidationError or ArchiveError when the data is invalid and there is no last good copy.
    """
    files = fingerprint(settings.data_dir)  # before validating: an edit saved meanwhile is never taken as good
    try:
        context = build_context(settings, clock)
    except (DataValidationError, ArchiveError) as error:
        fallback = last_good_dir(settings.cache_dir, settings.data_dir)
        if fallback is None or not fallback.is_dir():
            raise
        report = rejection_report(error)
        log.error("%s was rejected; serving its last good copy, %s. Report:\n%s", settings.data_dir, fallback, report)
        context = build_context(settings.model_copy(update={"data_dir": fallback}), clock)
        status = DataStatus(settings.data_dir, LAST_GOOD, fallback, fingerprint(fallback))
        status.last_rejection = Rejection(status.loaded_at, settings.data_dir, report)
        return context, status
    keep_last_good(settings.data_dir, settings.cache_dir, files)
    return context, DataStatus(settings.data_dir, "data", settings.data_dir, files)


def find_layer(app: ASGIApp, kind: type[ResponseCacheMiddleware]) -> ResponseCacheMiddleware | None:
    """The middleware of ``kind`` in a built stack (Starlette builds it on the first request or lifespan)."""
    layer: object = getattr(app, "middleware_stack", None)
    while layer is not None:
        if isinstance(layer, kind):
            return layer
        layer = getattr(layer, "app", None)
    return None


class Reloader:
    """Reads the data again on request and swaps it in; one reload at a time, a request meanwhile runs another."""

    def __init__(self, app: ASGIApp, status: DataStatus) -> None:
        self.app = app
        self.status = status
        self.warmer: CountryWarmer | None = None
        self._task: asyncio.Task[None] | None = None
        self._again = False

    @property
    def context(self) -> AppContext:
        context: AppContext = self.app.state.context  # type: ignore[attr-defined]
        return context

    def start(self) -> None:
        self._warm(self.context)

    def stop(self) -> None:
        if self.warmer is not None:
            self.warmer.stop()

    def request(self) -> None:
        """Called on SIGHUP, on the event loop."""
        log.info("SIGHUP: reading %s again", self.status.data_dir)
        if self._task is not None and not self._task.done():
            self._again = True  # an edit made while a reload was reading the files is read by the next one
            return
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            self._again = False
            await self.reload()
            if not self._again:
                return

    async def reload(self) -> bool:
        """Validate and build the configured data in a worker thread; swap it in if it is good."""
        old = self.context
        settings = old.settings.model_copy(update={"data_dir": self.status.data_dir})
        started = monotonic()
        try:
            files = await asyncio.to_thread(fingerprint, settings.data_dir)
            context = await asyncio.to_thread(build_context, settings, old.clock)
            await asyncio.to_thread(keep_last_good, settings.data_dir, settings.cache_dir, files)
        except Exception as error:  # whatever the files hold, the server keeps serving what it has
            report = rejection_report(error)
            self.status.last_rejection = Rejection(now(), settings.data_dir, report)
            self._record("rejected", started)
            version = old.release.version
            log.error("Reload of %s rejected; still serving %s. Report:\n%s", settings.data_dir, version, report)
            return False
        await asyncio.to_thread(self.stop)  # the old release's warm-up, off the event loop (it waits for one view)
        self._swap(replace(context, images=old.images))
        self.status.loaded_from, self.status.served_dir, self.status.loaded_at = "data", settings.data_dir, now()
        self.status.fingerprint = files
        self._record("loaded", started)
        release = context.release
        log.info("Reloaded %s: version %s, %s", settings.data_dir, release.version, release.row_counts())
        return True

    def _swap(self, context: AppContext) -> None:
        self.app.state.context = context  # type: ignore[attr-defined]
        # The kept pages and images drew the old data; the image renderer (one browser) carries over.
        cache = find_layer(self.app, ResponseCacheMiddleware)
        if cache is not None:
            cache.clear()
        context.images.forget()
        self._warm(context)

    def _warm(self, context: AppContext) -> None:
        self.warmer = CountryWarmer(context.latest, self.status.warmed)
        self.warmer.start()

    def _record(self, outcome: str, started: float) -> None:
        seconds = round(monotonic() - started, 2)
        self.status.last_reload = {"at": now().isoformat(), "outcome": outcome, "seconds": seconds}


@contextmanager
def reload_on_sighup(reloader: Reloader) -> Iterator[None]:
    """SIGHUP reloads while the app runs; only where a signal can be caught (the main thread, not on Windows)."""
    hup = getattr(signal, "SIGHUP", None)
    if hup is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(hup, reloader.request)
    try:
        yield
    finally:
        loop.remove_signal_handler(hup)
