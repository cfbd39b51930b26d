"""The bibliography, and each source with the claims it supports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..charts.select import with_sources, with_words
from ..data.dataset import as_dicts
from ..data.pages import source_claims
from ..deps import DatasetDep
from ..templating import render

router = APIRouter(prefix="/sources")


SOURCES_PER_PAGE = 100


@router.api_route("", methods=["GET", "HEAD"], response_class=HTMLResponse)
def source_list(request: Request, dataset: DatasetDep, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    """Every source, newest first, with how many claims and events it supports; a hundred a page."""
    pages = max(1, -(-len(dataset.sources) // SOURCES_PER_PAGE))
    if page > pages:
        raise HTTPException(404, f"There are {pages} pages of sources; no page {page}.")
    sources = dataset.sources.sort_values(["published", "id"], ascending=[False, True])
    sources = sources.iloc[(page - 1) * SOURCES_PER_PAGE : page * SOURCES_PER_PAGE]
    counts = dataset.estimates["source_id"].value_counts()
    event_counts = dataset.events["source_id"].value_counts()
    sources = sources.assign(
        claims=sources["id"].map(counts).fillna(0).astype(int),
        events=sources["id"].map(event_counts).fillna(0).astype(int),
    )
    context = {"sources": sources, "page": page, "pages": pages, "total": len(dataset.sources)}
    return render(request, "sources.html", context)


@router.api_route("/{source_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def source_page(request: Request, source_id: str, dataset: DatasetDep) -> HTMLResponse:
    """One source: where it was published and every claim and event it supports."""
    matches = dataset.sources[dataset.sources["id"] == source_id]
    if not len(matches):
        raise HTTPException(404, f"No source '{source_id}'. The bibliography at /sources lists them all.")
    source = matches.iloc[0]
    estimates, events = source_claims(dataset, source_id)
    units = {c.value: c.unit for c in dataset.indicators()}
    estimates = with_sources(dataset, estimates)
    frames = [with_words(estimates[estimates["indicator"] == i], u) for i, u in units.items()]
    claims = [as_dicts(frame) for frame in frames if len(frame)]
    return render(request, "source.html", {"source": source, "claims": claims, "events": events})
