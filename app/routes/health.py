"""Liveness and what is loaded, for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ..deps import ContextDep

router = APIRouter()


@router.api_route("/healthz", methods=["GET", "HEAD"])
def healthz(context: ContextDep) -> JSONResponse:
    """Status, the latest dataset version with its row counts, and every release served under /v/{version}/."""
    release = context.release
    dataset = {"version": release.version, "rows": release.row_counts(), "releases": context.editions.versions}
    return JSONResponse({"status": "ok", "dataset": dataset})
