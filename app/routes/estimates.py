"""One claim, in full, with the claims it agrees or disagrees with."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..charts.select import with_sources, with_words, worded_claims
from ..data.chains import chain_up, repeated_by
from ..data.pages import estimate_row, overlapping_claims
from ..deps import DatasetDep
from ..templating import render

router = APIRouter(prefix="/estimates")
OTHERS_SHOWN = 50  # the chart of the country and indicator has them all


@router.api_route("/{estimate_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def estimate_page(request: Request, estimate_id: str, dataset: DatasetDep) -> HTMLResponse:
    """Value, qualifier, period, claimant, source, the full quote and notes, and overlapping claims."""
    row = estimate_row(dataset, estimate_id)
    if row is None:
        raise HTTPException(404, f"No estimate '{estimate_id}'. Estimate ids look like e0001.")
    category = next(c for c in dataset.indicators() if c.value == row["indicator"])
    qualifiers = {c.value: c for c in dataset.descriptor.categories("estimates", "qualifier")}
    verifications = {c.value: c for c in dataset.descriptor.categories("estimates", "verification")}
    context = {
        "claim": with_words(with_sources(dataset, row.to_frame().T), category.unit).iloc[0],
        "source": dataset.sources.set_index("id").loc[row["source_id"]],
        "indicator": category,
        "qualifier": qualifiers[row["qualifier"]],
        "verification": verifications[row["verification"]],
        "repeats": worded_claims(dataset, chain_up(dataset.estimates, estimate_id)),
        "repeated_by": worded_claims(dataset, repeated_by(dataset.estimates, estimate_id)),
        "others": worded_claims(dataset, overlapping_claims(dataset, row)),
        "others_limit": OTHERS_SHOWN,
    }
    return render(request, "estimate.html", context)
