"""The bibliography, and each source with the claims it supports."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import params
from ..deps import PageDep, ReleaseDep, UrlsDep
from ..domain import Release
from ..templating import Page

router = APIRouter(prefix="/sources")
SOURCES_PER_PAGE = 100
MAX_PAGES = 10_000  # a million sources; a bound on the page number's length before it is read


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def source_list(
    page: PageDep,
    release: ReleaseDep,
    urls: UrlsDep,
    number: Annotated[str | None, Query(alias="page")] = None,
) -> Response:
    """Every source, newest first, with how many claims and events it supports; a hundred a page.

    The old address of a later page, ``/sources?page=2``, moves to its own path (a static host ignores queries).
    """
    if number:
        return RedirectResponse(urls.sources(page_number("page", number)), status_code=301)
    return source_list_page_of(page, release, 1)


@router.api_route("/page/{number}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def source_list_page(page: PageDep, release: ReleaseDep, urls: UrlsDep, number: str) -> Response:
    """A later page of the bibliography; page 1 is the bibliography's own address."""
    parsed = page_number("number", number)
    if parsed == 1:
        return RedirectResponse(urls.sources(), status_code=301)
    return source_list_page_of(page, release, parsed)


def page_number(parameter: str, value: str) -> int:
    try:
        return params.number(parameter, value, 1, MAX_PAGES)
    except params.ParameterError as error:
        raise HTTPException(400, str(error)) from error


def source_list_page_of(page: Page, release: Release, number: int) -> HTMLResponse:
    pages = max(1, -(-len(release.sources) // SOURCES_PER_PAGE))
    if number > pages:
        raise HTTPException(404, f"There are {pages} pages of sources; no page {number}.")
    newest_first = sorted(sorted(release.sources.values(), key=lambda s: s.id), key=lambda s: s.published, reverse=True)
    shown = newest_first[(number - 1) * SOURCES_PER_PAGE : number * SOURCES_PER_PAGE]
    claims = Counter(claim.source.id for claim in release.claims)
    events = Counter(event.source.id for event in release.events)
    rows = [(source, claims[source.id], events[source.id]) for source in shown]
    context = {"rows": rows, "page": number, "pages": pages, "total": len(release.sources)}
    return page.render("sources.html", context)


@router.api_route("/{source_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def source_page(source_id: str, page: PageDep, release: ReleaseDep) -> HTMLResponse:
    """One source: where it was published and every claim and event it supports."""
    source = release.source(source_id)
    if source is None:
        shown = params.shorten(source_id)
        raise HTTPException(404, f"No source '{shown}'. The bibliography at /sources lists them all.")
    claims = release.claims_from(source_id)
    by_indicator = [[c for c in claims if c.indicator == i.value] for i in release.indicators]
    context = {"source": source, "claims": [group for group in by_indicator if group]}
    return page.render("source.html", context | {"events": release.events_from(source_id)})
