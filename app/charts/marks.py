"""What a chart draws: a mark per claim (or per series and year when claims are too many), and event marks.

The figure, the data table and the image are all drawn from these; nothing
downstream reads a claim's fields by name from a dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import Claim, Event, Period
from .describe import escape


@dataclass(frozen=True, slots=True)
class Mark:
    id: str  # the claim's id, or "<series> <year>" for a mark that stands for several claims
    series: str  # the legend entry
    colour_key: str  # the country (or workforce) whose colour it takes when series outnumber colours
    sub_series: bool  # a region of a country, or one kind of worker: drawn smaller in its country's colour
    x: date  # where it sits in time
    value_low: float
    value_high: float
    qualifier: str
    period: Period  # drawn as a bar across when it is long enough
    value_text: str
    href: str
    hover: str
    claim: Claim | None = None  # None for a mark that stands for several claims
    count: int = 1

    @property
    def year(self) -> int:
        return self.x.year

    @property
    def is_range(self) -> bool:
        return self.value_low != self.value_high


@dataclass(frozen=True, slots=True)
class EventMark:
    event: Event
    ruled: bool  # also ruled across the plot and labelled: the events that frame every claim
    href: str
    hover: str

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def x(self) -> date:
        """Where it sits in the lane: its day, or the middle of the month or year it is known to (drawn hollow)."""
        period = self.event.period
        if period.precision == "day" or period.midpoint is None:
            return self.event.start
        return period.midpoint

    @property
    def start(self) -> date:
        return self.event.start

    @property
    def end(self) -> date:
        return self.event.end

    @property
    def label(self) -> str:
        return self.event.label

    @property
    def label_html(self) -> str:
        """The label made inert for Plotly's HTML-like text."""
        return escape(self.event.label)
