"""One claim, in full, with the claims it repeats, those that repeat it, and those it may disagree with."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse

from ..deps import ContextDep, PageDep, ReleaseDep
from ..domain.change_words import claim_history, claim_update, column_words, missing_claim
from ..domain.history import ChangeLog
from ..urls import Urls

router = APIRouter(prefix="/estimates")
OTHERS_SHOWN = 50  # the chart of the country and indicator has them all


@router.api_route("/{estimate_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def estimate_page(estimate_id: str, page: PageDep, release: ReleaseDep, context: ContextDep) -> HTMLResponse:
    """Value, qualifier, period, claimant, source, the full quote and notes, overlapping claims, and its history."""
    claim = release.claim(estimate_id)
    if claim is None:
        raise not_in_release(estimate_id, release.version, context.changes, page.urls)
    words = column_words(context.release.frames.descriptor, "estimates")
    shown = {
        "claim": claim,
        "indicator": release.category("indicator", claim.indicator),
        "qualifier": release.category("qualifier", claim.qualifier),
        "verification": release.category("verification", claim.verification),
        "repeats": release.repeats_of(claim),
        "repeated_by": release.repeated_by(claim),
        "others": release.overlapping(claim),
        "others_limit": OTHERS_SHOWN,
        "history": claim_history(context.changes, claim.id, words),
        "newer": claim_update(context.changes, claim.id, release.version, words),
    }
    return page.render("estimate.html", shown)


def not_in_release(estimate_id: str, version: str, log: ChangeLog, urls: Urls) -> HTTPException:
    """A 404 that names, and links, the releases that do have the claim."""
    message, having = missing_claim(log, estimate_id, version)
    links = [{"href": urls.release(v).estimate(estimate_id), "text": f"{estimate_id} in release {v}"} for v in having]
    return HTTPException(404, {"message": message, "links": links} if links else message)
