"""Liveness and what is loaded, for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import DatasetDep

router = APIRouter()


@router.api_route("/healthz", methods=["GET", "HEAD"])
def healthz(dataset: DatasetDep) -> dict[str, Any]:
    """Status, dataset version and row counts."""
    return {"status": "ok", "dataset": {"version": dataset.version, "rows": dataset.row_counts()}}
