"""The symbol key: what each kind of mark means, in one place for every chart that explains its marks."""

from __future__ import annotations

# (symbol, words): a symbol written in words ("bars") reads "bars: ..."; a glyph reads "● ...".
KEY: tuple[tuple[str, str], ...] = (
    ("●", "a figure as stated or approximate"),
    ("▲", "at least or more than"),
    ("▼", "up to"),
    ("bars", "a range or a period"),
    ("hollow", "period not stated, drawn at the publication date"),
    (
        "a smaller mark",
        "a region of a country, or one kind of worker, in that country's colour "
        "(when a chart has more series than colours)",
    ),
    ("▾ and dotted lines or shaded bands", "events"),
)


def key_entry(symbol: str, words: str) -> str:
    return f"{symbol}: {words}" if any(char.isalpha() for char in symbol) else f"{symbol} {words}"


def key_line(entries: tuple[tuple[str, str], ...] = KEY) -> str:
    """The key as one line of text: 'Key: ● a figure as stated or approximate · ▲ at least ... · ▾ ...: events.'"""
    return "Key: " + " · ".join(key_entry(symbol, words) for symbol, words in entries) + "."
