"""One claim, in full, with the claims it repeats, those that repeat it, and those it may disagree with."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse

from ..deps import PageDep, ReleaseDep

router = APIRouter(prefix="/estimates")
OTHERS_SHOWN = 50  # the chart of the country and indicator has them all


@router.api_route("/{estimate_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def estimate_page(estimate_id: str, page: PageDep, release: ReleaseDep) -> HTMLResponse:
    """Value, qualifier, period, claimant, source, the full quote and notes, and overlapping claims."""
    claim = release.claim(estimate_id)
    if claim is None:
        raise HTTPException(404, f"No estimate '{estimate_id}'. Estimate ids look like e0001.")
    context = {
        "claim": claim,
        "indicator": release.category("indicator", claim.indicator),
        "qualifier": release.category("qualifier", claim.qualifier),
        "verification": release.category("verification", claim.verification),
        "repeats": release.repeats_of(claim),
        "repeated_by": release.repeated_by(claim),
        "others": release.overlapping(claim),
        "others_limit": OTHERS_SHOWN,
    }
    return page.render("estimate.html", context)
