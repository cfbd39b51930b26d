"""Liveness and what is loaded, for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ..deps import ReleaseDep

router = APIRouter()


@router.api_route("/healthz", methods=["GET", "HEAD"])
def healthz(release: ReleaseDep) -> JSONResponse:
    """Status, dataset version and row counts."""
    return JSONResponse({"status": "ok", "dataset": {"version": release.version, "rows": release.row_counts()}})
