"""Readiness and what is loaded, for load balancers and the Docker HEALTHCHECK.

Cheap on purpose: it reads what the process already knows (never renders, never reads a file), so it
answers in a millisecond while the site is under load.
"""

from __future__ import annotations

import os
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from ..context import AppContext
from ..deps import ContextDep
from ..reload import DataStatus

router = APIRouter()

# A render that has taken this long is stuck, not slow (a chart renders in about a second).
WEDGED_AFTER_SECONDS = 60


def get_data_status(request: Request) -> DataStatus:
    status: DataStatus = request.app.state.data_status
    return status


def images_state(context: AppContext) -> dict[str, object]:
    """Whether a PNG or SVG can be rendered now, and if not, why."""
    browser = context.images.browser_path
    busy = context.images.busy_for()
    if not (browser.is_file() and os.access(browser, os.X_OK)):
        return {"can_render": False, "reason": f"no browser at {browser}"}
    if busy > WEDGED_AFTER_SECONDS:
        return {"can_render": False, "reason": f"a render has been running for {busy:.0f} s"}
    return {"can_render": True}


@router.api_route("/readyz", methods=["GET", "HEAD"])
def readyz(status: Annotated[DataStatus, Depends(get_data_status)]) -> JSONResponse:
    """200 once the first pages readers ask for are ready to send at once (every country page's charts built,
    a second or two after start), 503 until then: for a load balancer to send a new process traffic only
    when the first burst cannot stall it. /healthz says the process is alive from the start."""
    if status.warmed.is_set():
        return JSONResponse({"ready": True})
    return JSONResponse({"ready": False, "reason": "building the country pages' charts"}, 503, {"Retry-After": "1"})


@router.api_route("/healthz", methods=["GET", "HEAD"])
def healthz(context: ContextDep, status: Annotated[DataStatus, Depends(get_data_status)]) -> JSONResponse:
    """Status (ok, or degraded when older data than data/ is served or images cannot render), the latest
    dataset's version and row counts, where it was loaded from and when, the last reload and rejected edit."""
    release = context.release
    images = images_state(context)
    dataset = {
        "version": release.version,
        "rows": release.row_counts(),
        "releases": context.editions.versions,
        "loaded_from": status.loaded_from,
        "loaded_at": status.loaded_at.isoformat(),
        "fingerprint": status.fingerprint[:16],
    }
    rejection = status.last_rejection
    return JSONResponse(
        {
            "status": "degraded" if status.degraded or not images["can_render"] else "ok",
            "dataset": dataset,
            "last_reload": status.last_reload,
            "last_rejected_edit": rejection.as_json() if rejection else None,
            "images": images,
        }
    )
