"""The bibliography, and each source with the claims it supports."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from ..deps import PageDep, ReleaseDep

router = APIRouter(prefix="/sources")
SOURCES_PER_PAGE = 100


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def source_list(
    page: PageDep, release: ReleaseDep, number: Annotated[int, Query(alias="page", ge=1)] = 1
) -> HTMLResponse:
    """Every source, newest first, with how many claims and events it supports; a hundred a page."""
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
        raise HTTPException(404, f"No source '{source_id}'. The bibliography at /sources lists them all.")
    claims = release.claims_from(source_id)
    by_indicator = [[c for c in claims if c.indicator == i.value] for i in release.indicators]
    context = {"source": source, "claims": [group for group in by_indicator if group]}
    return page.render("source.html", context | {"events": release.events_from(source_id)})
