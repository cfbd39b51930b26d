"""The words around a chart: hover text, the screen-reader description, the source line."""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from collections.abc import Sequence

from ..domain import Claim, Event
from ..domain.chains import independent_count, originals_text

HOVER_WIDTH = 60


def escape(text: object) -> str:
    """Text from the data, made inert for Plotly's HTML-like labels and for HTML."""
    return html.escape(str(text), quote=False)


def wrap_lines(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, break_on_hyphens=False)``, with runs of white space made one space, at a
    tenth of its cost: at 100x the data, wrapping every claim's hover text was a third of the start-up time.
    Lines break at spaces only (a hyphenated name stays whole); a word longer than a line is left to textwrap,
    which knows how to cut it.
    """
    words = text.split()
    if any(len(word) > width for word in words):
        return textwrap.wrap(text, width, break_on_hyphens=False)
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _wrapped(text: object) -> str:
    words = str(text)
    if len(words) <= HOVER_WIDTH:
        return escape(words)
    return "<br>".join(escape(line) for line in wrap_lines(words, HOVER_WIDTH))


def claim_hover(claim: Claim) -> str:
    lines = [
        f"<b>{escape(claim.value_text)}</b>",
        _wrapped(claim.measure),
        escape(claim.place),
        f"Period: {escape(claim.period_text)}",
        _wrapped(f"Claimant: {claim.claimant}"),
        _wrapped(f"Reported by {claim.source.publisher_name}, {claim.source.published_text}"),
        "<i>Click (on a phone, tap again) for the quote and source</i>",
    ]
    return "<br>".join(lines)


def event_hover(event: Event) -> str:
    return "<br>".join(
        [
            f"<b>{escape(event.label)}</b>",
            escape(event.when_text),
            _wrapped(event.description),
            _wrapped(f"Source: {event.source.publisher_name}"),
        ]
    )


def source_line(claims: Sequence[Claim]) -> list[str]:
    """Publishers of the plotted claims, the most cited first."""
    counts = Counter(claim.source.publisher_name for claim in claims)
    return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def sources_words(publishers: Sequence[str], shown: int | None = None) -> str:
    """The chart's source line: its publishers, most cited first; past ``shown`` of them, how many more there are
    (an embed's line stays a line or two: its full view lists them all)."""
    if not publishers:
        return "Sources: none."
    listed = publishers if shown is None else publishers[:shown]
    rest = len(publishers) - len(listed)
    more = f"; and {rest} more, in the full view" if rest else ""
    return f"Sources: {'; '.join(listed)}{more}."


def description(claims: Sequence[Claim], series: Sequence[str], subject: str, *, aggregated: bool = False) -> str:
    """A plain-language summary of what the chart shows, for screen readers and for everyone.

    ``series`` is each claim's legend entry, in the same order.
    """
    if not claims:
        return f"No claims about {subject} match these filters."
    dated = [claim.period for claim in claims if claim.period.known]
    undated = len(claims) - len(dated)
    low = min(claims, key=lambda claim: claim.value_low)
    high = max(claims, key=lambda claim: claim.value_high)
    first = f"{len(claims)} claim{'s' if len(claims) != 1 else ''} about {subject}"
    originals = independent_count(claim.original_id for claim in claims)
    if len(claims) > 1:
        first += f" ({originals_text(originals, len(claims))})"
    if dated:
        start = min(period.start for period in dated if period.start)
        end = max(period.end for period in dated if period.end)
        first += f", describing {start:%B %Y} to {end:%B %Y}" if start.year != end.year else f", in {start.year}"
    parts = [first + "."]
    if len(claims) > 1:
        lowest = f"The lowest is {low.value_text} ({low.claimant})"
        parts.append(f"{lowest}; the highest {high.value_text} ({high.claimant}).")
    else:
        parts.append(f"It is {low.value_text}, from {low.claimant}.")
    if undated == 1:
        parts.append("1 claim does not say which period it describes; it is drawn hollow, at its publication date.")
    elif undated:
        parts.append(
            f"{undated} claims do not say which period they describe; they are drawn hollow, at their publication date."
        )
    names = list(dict.fromkeys(series))
    if len(names) > 1:
        parts.append(f"Series: {', '.join(names)}.")
    if aggregated:
        parts.append(
            "Each mark stands for one series' claims in one year; the table lists the marks, the CSV every claim."
        )
    else:
        parts.append("The table lists every plotted claim.")
    return " ".join(parts)
