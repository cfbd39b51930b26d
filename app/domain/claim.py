"""A claim: one number one claimant stated, as one source reported it, with the exact words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .country import Country
from .period import Period
from .source import Source
from .words import format_value


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    indicator: str
    unit: str  # the indicator's unit: workers, USD per year, ...
    workforce: str  # all, it, service or military
    country: Country
    region: str  # a part of the country the figure is limited to, if any
    measure: str  # what is counted, in the source's terms
    value_low: float
    value_high: float  # equal to value_low unless the claim is a range
    qualifier: str  # exact, about, at_least, more_than, up_to or range
    period: Period
    period_basis: str
    claimant: str
    source: Source
    quote: str
    quote_language: str
    quote_translation: str
    verification: str
    repeats: str  # the id of the earlier claim whose figure this one repeats, if any
    original_id: str  # the claim at the end of the chain of repeats (this one's id for an original)
    notes: str

    @property
    def value_text(self) -> str:
        """'about 100,000 workers', 'US$200 million to 500 million a year'."""
        return format_value(self.value_low, self.value_high, self.qualifier, self.unit)

    @property
    def period_text(self) -> str:
        return self.period.text

    @property
    def drawn_at(self) -> date:
        """Where a chart puts it in time: the middle of its period, or its publication date when the period is
        unknown (drawn hollow, so that nobody reads the publication date as the period)."""
        return self.period.midpoint if self.period.known and self.period.midpoint else self.source.published

    def known_by(self, day: date) -> bool:
        """Whether the claim had certainly been published on ``day`` ("what was known when")."""
        return self.source.published_by <= day

    @property
    def place(self) -> str:
        """'Russia' or 'Russia, Amur Oblast'."""
        return f"{self.country.name}, {self.region}" if self.region else self.country.name

    @property
    def is_original(self) -> bool:
        return not self.repeats
