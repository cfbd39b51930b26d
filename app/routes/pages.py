"""HTML pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..data.queries import indicator_summaries
from ..deps import DatasetDep

router = APIRouter()


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request, dataset: DatasetDep) -> HTMLResponse:
    """The overview: every indicator with its number of estimates and the time they cover."""
    context = {
        "summaries": indicator_summaries(dataset),
        "counts": dataset.row_counts(),
        "dataset": dataset,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, "index.html", context)
    return response
