"""A source: the page that reported a claim or dated an event."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .words import format_published, publisher_name


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    publisher: str  # whose page it is
    original_publisher: str  # whose report it republishes, if any
    title: str
    author: str
    published: date
    published_precision: str  # day, month, quarter or year
    published_basis: str
    url: str
    file: str  # an article file in the research archive, if any

    @property
    def publisher_name(self) -> str:
        """'Reuters (via Yahoo News)' for a republication, else the publisher."""
        return publisher_name(self.publisher, self.original_publisher)

    @property
    def published_by(self) -> date:
        """The last day the source can have been published, given the precision its date is known to.

        "What was known when" counts a source dated only "2019" as known from 31 Dec 2019: the
        honest reading when the day is not known.
        """
        return latest_day(self.published, self.published_precision)

    @property
    def published_text(self) -> str:
        """The publication date no finer than it is known: '3 Mar 2024', 'Mar 2024', 'Q1 2024', '2024'."""
        return format_published(self.published, self.published_precision)


def latest_day(day: date, precision: str) -> date:
    """The last day of the month, quarter or year that ``day`` stands for at ``precision``."""
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "quarter":
        last_month = (day.month - 1) // 3 * 3 + 3
        return date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    if precision == "year":
        return date(day.year, 12, 31)
    return day
