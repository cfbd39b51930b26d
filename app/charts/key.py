"""The key under a chart (and in its images): what each kind of mark means, listing only those the view draws.

One place for the words, so that the page, the embed and the PNG/SVG say the same.
The ``icon`` names a small drawing of the mark in ``templates/_macros.html``; the
``glyph`` stands in for it where only text can go (the images' footer).
"""

from __future__ import annotations

from dataclasses import dataclass

from .figure import OPEN_DOWN, OPEN_UP
from .marks import EventMark, Mark


@dataclass(frozen=True)
class KeyEntry:
    icon: str
    glyph: str
    words: str


STATED = KeyEntry("dot", "●", "a figure as stated")
ABOUT = KeyEntry("diamond", "◆", "an approximate figure ('about', 'some')")
AT_LEAST = KeyEntry("up", "↑", "'at least' or 'more than': a bar at the figure, the arrow its open end")
UP_TO = KeyEntry("down", "↓", "'up to': a bar at the figure, the arrow its open end")
RANGE = KeyEntry("range", "↕", "a range: a bar between its two stated ends (no midpoint is drawn)")
PERIOD = KeyEntry("period", "━", "the period a figure describes, when longer than a month")
BOX = KeyEntry("box", "▭", "a range through a period")
UNDATED = KeyEntry("faded", "○", "faded or hollow: the period is not stated; drawn at the publication date")
PART = KeyEntry("small", "•", "smaller: a region of a country, or one kind of worker, in the country's colour")
EVENT = KeyEntry("event", "◇", "an event in the lane under the chart (hollow: dated to the month or year)")
RULED = KeyEntry("ruled", "┊", "dotted lines: resolution 2397 (Dec 2017) and its repatriation deadline (Dec 2019)")


def key_entries(marks: tuple[Mark, ...], events: tuple[EventMark, ...], *, panels: bool) -> list[KeyEntry]:
    """The entries for the marks a view draws, in a fixed order."""
    qualifiers = {mark.qualifier for mark in marks if not mark.is_range}
    entries = []
    if "exact" in qualifiers:
        entries.append(STATED)
    if "about" in qualifiers:
        entries.append(ABOUT)
    if qualifiers & set(OPEN_UP):
        entries.append(AT_LEAST)
    if qualifiers & set(OPEN_DOWN):
        entries.append(UP_TO)
    if any(mark.is_range for mark in marks):
        entries.append(RANGE)
    if any(mark.period.is_span and not mark.is_range for mark in marks):
        entries.append(PERIOD)
    if any(mark.period.is_span and mark.is_range and mark.claim is not None for mark in marks):
        entries.append(BOX)
    if any(not mark.period.known for mark in marks):
        entries.append(UNDATED)
    if any(mark.sub_series for mark in marks):
        entries.append(PART)
    if events and not panels:
        entries.append(EVENT)
    if any(event.ruled for event in events):
        entries.append(RULED)
    return entries


def key_line(entries: list[KeyEntry]) -> str:
    """The key as one line of text, for the images' footer: 'Key: ● a figure as stated · ↑ ...'."""
    return "Key: " + " · ".join(f"{entry.glyph} {entry.words}" for entry in entries) + "."
