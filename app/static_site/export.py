"""Write the crawl of the app to a folder, each file beside its gzip and brotli copies."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from fastapi.testclient import TestClient
from starlette.types import ASGIApp

from ..context import AppContext
from .crawl import Answer, Broken, Crawl, crawl
from .files import UnexportableError, compressed_twins, file_for, is_compressible

BROKEN_SHOWN = 20  # a broken template breaks hundreds of links; the first few say which
# Requests in flight: the app renders pages while the browser draws images (one at a time), and no more
# threads than that, since page rendering holds the GIL.
FETCHES_AT_ONCE = 4


class ExportError(RuntimeError):
    """The site cannot be exported as it is: a broken link of ours, or an address with no file name."""


@dataclass(frozen=True)
class Export:
    folder: Path
    pages: int  # addresses crawled and written (pages, twins, downloads, assets)
    files: int  # files written, the .gz and .br copies included
    bytes: int  # their total size
    dynamic: int  # links with a query string (filtered views), left to the app
    redirects: int  # old addresses that answer a redirect, which a static server does not know


def seed_paths(context: AppContext) -> list[str]:
    """Where the crawl starts: the home page of the latest release and of each release pinned (/v/{version}/),
    and what no page links to: each chart's embed, the changelog's feed, the files tools look for."""
    urls = context.urls
    seeds = [urls.home(), urls.citation("cff"), urls.embed_js(), urls.changes(), urls.changes_feed()]
    seeds += [urls.embed(context.views.default(spec)) for spec in context.views.specs.values()]
    for version in context.editions.versions:
        edition = context.editions.get(version)
        if edition is not None:
            pinned = urls.release(version)
            views = edition.views
            seeds += [pinned.home(), *(pinned.embed(views.default(spec)) for spec in views.specs.values())]
    return seeds


def export_site(app: ASGIApp, base_url: str, seeds: Iterable[str], folder: Path) -> Export:
    """Crawl ``app`` (in-process, as ``base_url``) from ``seeds`` and write every page and file into ``folder``."""
    if folder.exists() and any(folder.iterdir()):
        raise ExportError(f"'{folder}' is not empty: export into a new or empty folder")
    # brotli at quality 11 takes longer than the crawl itself: it runs on every core while the crawl goes on.
    # Spawned, not forked: the crawl runs threads (the test client's event loop, kaleido's browser).
    with (
        ProcessPoolExecutor(os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn")) as pool,
        ThreadPoolExecutor(FETCHES_AT_ONCE) as fetchers,
        TestClient(app, base_url=base_url) as client,
    ):
        compressing: dict[str, Future[dict[str, bytes]]] = {}

        def compress(path: str, answer: Answer) -> None:
            try:
                file = file_for(path, is_html=answer.media_type == "text/html")
            except UnexportableError:
                return  # planned_files reports it
            if is_compressible(file):
                compressing[path] = pool.submit(compressed_twins, answer.body)

        def fetch(path: str) -> Answer:
            # identity: the bytes as the app builds them; the export compresses them itself.
            response = client.get(path, headers={"Accept-Encoding": "identity"}, follow_redirects=False)
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Answer(response.status_code, media_type, response.content, response.headers.get("location", ""))

        result = crawl(fetch, seeds, base_url, compress, fetchers.map)
        if result.broken:
            for future in compressing.values():
                future.cancel()
            raise ExportError(broken_report(result.broken))
        return write(result, {path: future.result() for path, future in compressing.items()}, folder)


def broken_report(broken: list[Broken]) -> str:
    shown = "\n".join(f"  {link}" for link in broken[:BROKEN_SHOWN])
    more = f"\n  and {len(broken) - BROKEN_SHOWN} more" if len(broken) > BROKEN_SHOWN else ""
    links = f"{len(broken)} broken link{'s' if len(broken) != 1 else ''}"
    return f"{links} in the site; nothing was written:\n{shown}{more}"


def planned_files(result: Crawl) -> dict[PurePosixPath, str]:
    """Each crawled address's file; two addresses that would share one file are an error, not a silent loss."""
    planned: dict[PurePosixPath, str] = {}
    for path, answer in result.files.items():
        try:
            file = file_for(path, is_html=answer.media_type == "text/html")
        except UnexportableError as error:
            raise ExportError(str(error)) from error
        if file in planned:
            raise ExportError(f"{planned[file]} and {path} would both be written to {file}")
        planned[file] = path
    return planned


def write(result: Crawl, compressed: dict[str, dict[str, bytes]], folder: Path) -> Export:
    """Every crawled file, beside the compressed copies of those that have them (``compressed``, by path)."""
    files = 0
    size = 0
    for file, path in planned_files(result).items():
        target = folder.joinpath(*file.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        copies = {"": result.files[path].body} | compressed.get(path, {})
        for suffix, body in copies.items():
            target.with_name(target.name + suffix).write_bytes(body)
            files += 1
            size += len(body)
    return Export(folder, len(result.files), files, size, len(result.dynamic), len(result.redirects))
