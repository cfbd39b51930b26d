"""Whether a pinned view's claims changed in a later release: the "Newer data" line of a pinned chart or embed.

A pinned chart keeps showing what an article cited; the reader still deserves to know when the figures behind
it have moved on. Counted for the view's own filters: claims the latest release's view shows that the pinned
one does not (added), the claims both show whose record changed (corrected), and the claims only the pinned
one shows (removed). Nothing when none of what the view shows changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .views import ChartView


@dataclass(frozen=True)
class NewerData:
    latest_version: str
    added: int
    corrected: int
    removed: int

    @property
    def words(self) -> str:
        """'Newer data: 4 claims added, 1 corrected since this version'."""
        counts = [(self.added, "added"), (self.corrected, "corrected"), (self.removed, "removed")]
        parts = [f"{number} {verb}" for number, verb in counts if number]
        first_number = next(number for number, _verb in counts if number)
        parts[0] = parts[0].replace(" ", " claim " if first_number == 1 else " claims ", 1)
        return f"Newer data: {', '.join(parts)} since this version"


def newer_data(pinned: ChartView, latest: ChartView | None, latest_version: str) -> NewerData | None:
    """What changed for ``pinned``'s filters by the latest release (``latest``: None if they no longer apply)."""
    before = {claim.id: claim for claim in pinned.claims}
    after = {claim.id: claim for claim in latest.claims} if latest else {}
    added = sum(claim_id not in before for claim_id in after)
    removed = sum(claim_id not in after for claim_id in before)
    # Claims are frozen dataclasses: equal when every field, source and country included, is equal.
    corrected = sum(claim != after[claim_id] for claim_id, claim in before.items() if claim_id in after)
    if not (added or corrected or removed):
        return None
    return NewerData(latest_version, added, corrected, removed)
