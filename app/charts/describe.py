"""The words around a chart: hover text, the screen-reader description, the source line."""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..data.chains import independent_count

HOVER_WIDTH = 60


def escape(text: object) -> str:
    """Text from the data, made inert for Plotly's HTML-like labels and for HTML."""
    return html.escape(str(text), quote=False)


def _wrapped(text: object) -> str:
    words = str(text)
    if len(words) <= HOVER_WIDTH:
        return escape(words)
    return "<br>".join(escape(line) for line in textwrap.wrap(words, HOVER_WIDTH))


def claim_hover(row: Mapping[str, Any]) -> str:
    place = row["country_name"] + (f", {row['region']}" if row["region"] else "")
    lines = [
        f"<b>{escape(row['value_text'])}</b>",
        _wrapped(row["measure"]),
        escape(place),
        f"Period: {escape(row['period_text'])}",
        _wrapped(f"Claimant: {row['claimant']}"),
        _wrapped(f"Reported by {publisher_name(row)}, {row['published_text']}"),
        "<i>Click for the quote and source</i>",
    ]
    return "<br>".join(lines)


def event_hover(label: str, when: str, description: str, publisher: str) -> str:
    return "<br>".join(
        [f"<b>{escape(label)}</b>", escape(when), _wrapped(description), _wrapped(f"Source: {publisher}")]
    )


def publisher_name(row: Mapping[str, Any]) -> str:
    """'Reuters (via Yahoo News)' for a republication, else the publisher."""
    original = row.get("original_publisher", "")
    return f"{original} (via {row['publisher']})" if original else str(row["publisher"])


def source_line(records: list[dict[str, Any]]) -> list[str]:
    """Publishers of the plotted claims, the most cited first."""
    counts = Counter(publisher_name(record) for record in records)
    return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def originals_text(originals: int, claims: int) -> str:
    """'3 independent originals; 2 claims repeat an earlier figure': repetitions are not more evidence."""
    text = f"{originals} independent original{'s' if originals != 1 else ''}"
    repeats = claims - originals
    if repeats > 0:
        text += f"; {repeats} claim{'s' if repeats != 1 else ''} repeat{'s' if repeats == 1 else ''} an earlier figure"
    return text


def description(records: list[dict[str, Any]], subject: str, *, aggregated: bool = False) -> str:
    """A plain-language summary of what the chart shows, for screen readers and for everyone."""
    if not records:
        return f"No claims about {subject} match these filters."
    dated = [record for record in records if record["period_known"]]
    undated = len(records) - len(dated)
    low = min(records, key=lambda record: record["value_low"])
    high = max(records, key=lambda record: record["value_high"])
    first = f"{len(records)} claim{'s' if len(records) != 1 else ''} about {subject}"
    originals = independent_count(record["original_id"] for record in records)
    if len(records) > 1:
        first += f" ({originals_text(originals, len(records))})"
    if dated:
        start = min(record["period_start"] for record in dated)
        end = max(record["period_end"] for record in dated)
        first += f", describing {start:%B %Y} to {end:%B %Y}" if start.year != end.year else f", in {start.year}"
    parts = [first + "."]
    if len(records) > 1:
        lowest = f"The lowest is {low['value_text']} ({low['claimant']})"
        parts.append(f"{lowest}; the highest {high['value_text']} ({high['claimant']}).")
    else:
        parts.append(f"It is {low['value_text']}, from {low['claimant']}.")
    if undated == 1:
        parts.append("1 claim does not say which period it describes; it is drawn hollow, at its publication date.")
    elif undated:
        parts.append(
            f"{undated} claims do not say which period they describe; they are drawn hollow, at their publication date."
        )
    series = list(dict.fromkeys(record["series"] for record in records))
    if len(series) > 1:
        parts.append(f"Series: {', '.join(series)}.")
    if aggregated:
        parts.append(
            "Each mark stands for one series' claims in one year; the table lists the marks, the CSV every claim."
        )
    else:
        parts.append("The table lists every plotted claim.")
    return " ".join(parts)
