"""A source: the page that reported a claim or dated an event."""

from __future__ import annotations

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
    def published_text(self) -> str:
        """The publication date no finer than it is known: '3 Mar 2024', 'Mar 2024', 'Q1 2024', '2024'."""
        return format_published(self.published, self.published_precision)
