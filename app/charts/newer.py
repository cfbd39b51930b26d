"""Whether a pinned view's claims changed in a later release: the "Newer data" line of a pinned chart or embed.

A pinned chart keeps showing what an article cited; the reader still deserves to know when the figures behind
it have moved on. Counted for the view's own filters: claims the latest release's view shows that the pinned
one does not (added), the claims both show whose record changed (corrected), and the claims only the pinned
one shows (removed). Nothing when none of what the view shows changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.change_words import plural
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
        counts = [(number, verb) for number, verb in self.counts if number]
        (first, first_verb), rest = counts[0], counts[1:]  # the first names the noun: '4 claims added, 1 corrected'
        parts = [f"{plural(first, 'claim')} {first_verb}", *(f"{number} {verb}" for number, verb in rest)]
        return f"Newer data: {', '.join(parts)} since this version"

    @property
    def counts(self) -> list[tuple[int, str]]:
        return [(self.added, "added"), (self.corrected, "corrected"), (self.removed, "removed")]


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
