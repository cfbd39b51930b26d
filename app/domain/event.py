"""An event marked on the time axis: a resolution, a deadline, a reported repatriation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .period import Period
from .source import Source


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    period: Period  # the event's dates; never unknown
    label: str  # short: drawn on the chart
    description: str
    country: str  # ISO3, or WLD
    source: Source
    quote: str
    quote_language: str
    quote_translation: str
    date_basis: str
    verification: str
    notes: str

    @property
    def start(self) -> date:
        assert self.period.start is not None  # the validator requires an event's dates
        return self.period.start

    @property
    def end(self) -> date:
        assert self.period.end is not None
        return self.period.end

    def known_by(self, day: date) -> bool:
        """Whether it had certainly happened by ``day`` ("what was known when"): a day-dated event from its day, one
        known only to the month or year from that month's or year's end."""
        return (self.start if self.period.precision == "day" else self.end) <= day

    @property
    def when_text(self) -> str:
        return self.period.text

    @property
    def anchor(self) -> str:
        """The fragment that names this event on its source's page and its country's page."""
        return f"event-{self.id}"
