"""Each place's latest claims for one indicator: what the map shows, as a range of what was said, never a mean."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from ..domain import Claim, Country
from .headlines import range_text


@dataclass(frozen=True)
class LatestClaims:
    """The claims about one place for its latest year, as ``drawn_at`` places them in time."""

    country: Country
    year: int
    claims: tuple[Claim, ...]  # latest first, then by id
    text: str  # 'about 20,000 to at least 50,000 workers': the lowest and the highest figure, in words
    # What the claims that cover only part of the place are limited to: a region, or one kind of worker.
    parts: tuple[str, ...] = ()

    @property
    def low(self) -> float:
        return min(claim.value_low for claim in self.claims)

    @property
    def high(self) -> float:
        """The range's upper end: what the map's colour bins."""
        return max(claim.value_high for claim in self.claims)

    @property
    def sources(self) -> int:
        return len({claim.source.id for claim in self.claims})

    @property
    def count_text(self) -> str:
        """'1 claim from 1 source', '3 claims from 2 sources'."""
        claims, sources = len(self.claims), self.sources
        return f"{claims} claim{'s' if claims != 1 else ''} from {sources} source{'s' if sources != 1 else ''}"


def _whole(claim: Claim) -> bool:
    return not claim.region and claim.workforce == "all"


# Which claims speak for a place, best first; the first tier with a claim is used. An undated claim is drawn at
# its publication date, so it would pass for the latest figure; a figure for one province or for IT workers
# alone would stand for the whole country. Either counts only where a place has nothing better.
PREFERRED: tuple[Callable[[Claim], bool], ...] = (
    lambda claim: _whole(claim) and claim.period.known,
    _whole,
    lambda claim: claim.period.known,
    lambda claim: True,
)


def latest_claims(
    claims: Iterable[Claim],
    indicator: str,
    unit: str,
    as_of: date | None = None,
    workforce_labels: Mapping[str, str] | None = None,
) -> list[LatestClaims]:
    """Per place, the claims for ``indicator`` in the latest year any of them is drawn at, among the claims of the
    first ``PREFERRED`` tier it has; with ``as_of``, only claims whose source was certainly published by that day.
    ``workforce_labels`` are the descriptor's names of the kinds of worker. Places in name order."""
    by_place: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.indicator == indicator and (as_of is None or claim.known_by(as_of)):
            by_place.setdefault(claim.country.iso3, []).append(claim)
    latest = []
    for every in by_place.values():
        found = next(chosen for tier in PREFERRED if (chosen := [claim for claim in every if tier(claim)]))
        year = max(claim.drawn_at.year for claim in found)
        chosen = sorted((c for c in found if c.drawn_at.year == year), key=lambda c: (-c.drawn_at.toordinal(), c.id))
        parts = _parts(chosen, workforce_labels or {})
        latest.append(LatestClaims(chosen[0].country, year, tuple(chosen), range_text(chosen, unit), parts))
    return sorted(latest, key=lambda entry: entry.country.name)


def _parts(claims: Iterable[Claim], workforce_labels: Mapping[str, str]) -> tuple[str, ...]:
    """A claim about one region, or one kind of worker, covers only part of a place's workers ("all" covers all)."""
    limited = (
        claim.region or ("" if claim.workforce == "all" else workforce_labels.get(claim.workforce, claim.workforce))
        for claim in claims
    )
    return tuple(dict.fromkeys(part for part in limited if part))
