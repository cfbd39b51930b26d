"""The time a claim describes, or the dates of an event, at the precision the source gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .words import format_period

# Periods shorter than this read as a moment: a chart draws them as a point, not a bar.
SPAN_MIN_DAYS = 45


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None
    end: date | None
    precision: str  # day, month, quarter, year, multi-year, or unknown

    @property
    def known(self) -> bool:
        """A source that does not say when its figure applies has an unknown period (it is not guessed)."""
        return self.precision != "unknown" and self.start is not None and self.end is not None

    @property
    def text(self) -> str:
        return format_period(self.start, self.end, self.precision)

    @property
    def midpoint(self) -> date | None:
        if self.start is None or self.end is None:
            return None
        return self.start + (self.end - self.start) / 2

    @property
    def length(self) -> timedelta:
        return self.end - self.start if self.start is not None and self.end is not None else timedelta(0)

    @property
    def is_span(self) -> bool:
        """Long enough to draw as a bar across the time axis."""
        return self.known and self.length.days >= SPAN_MIN_DAYS

    def overlaps(self, other: Period) -> bool:
        if self.start is None or self.end is None or other.start is None or other.end is None:
            return False
        return self.start <= other.end and other.start <= self.end
