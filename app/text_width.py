"""Upper bounds on how wide text is set in the page's fonts, and so how many lines it wraps to.

The stylesheet names system fonts (system-ui first), so a reader's text is set in Segoe UI, San Francisco,
Roboto, Helvetica, Arial or Noto Sans. Each glyph's advance here is Noto Sans's, the widest of those, measured
in Chromium (regular; bold as the larger of 600 and 700) and rounded up to 5/1000 em; kerning only narrows
text. An estimate that wraps no later than the browser does, so a box sized from it does not clip its text, yet
stays within a few per cent of it. DejaVu Sans, which some Linux systems fall back to for system-ui, is up
to 8% wider: there embed.js, when the host page has it, gives the iframe the height it reports.
"""

from __future__ import annotations

import unicodedata

REGULAR_EM: dict[float, str] = {
    0.175: "\u2018\u2019",
    0.225: "'",
    0.26: "ijl",
    0.27: "!,.:;·",
    0.275: "J",
    0.285: "`",
    0.3: "()",
    0.325: "-",
    0.33: "[]",
    0.34: "I",
    0.345: "f",
    0.36: "\u201c\u201d",
    0.365: "t",
    0.375: "/\\",
    0.38: "{}\u2022",
    0.41: '"',
    0.415: "r",
    0.435: "?",
    0.445: "_",
    0.47: "z",
    0.48: "cs",
    0.5: "\u2013",
    0.51: "vy",
    0.52: "F",
    0.525: "L",
    0.53: "x",
    0.535: "k",
    0.55: "S",
    0.555: "*|",
    0.56: "ET",
    0.565: "ae",
    0.57: "Y",
    0.575: "$+0123456789<=>Z^~€£",
    0.59: "X",
    0.6: "V",
    0.605: "Po",
    0.615: "bdgpq",
    0.62: "Khnu",
    0.625: "R",
    0.635: "C",
    0.64: "A",
    0.65: "#B",
    0.73: "DG",
    0.735: "&U",
    0.745: "H",
    0.76: "N",
    0.785: "OQ",
    0.79: "w",
    0.795: "\u2026",
    0.835: "%",
    0.84: "\u2212",
    0.9: "@",
    0.91: "M",
    0.93: "W",
    0.935: "m",
    1.0: "\u2014",
}
BOLD_EM: dict[float, str] = {
    0.22: "\u2018\u2019",
    0.27: "'",
    0.285: ",.:;·",
    0.29: "!",
    0.305: "ijl",
    0.325: "-",
    0.335: "J[]",
    0.34: "()",
    0.365: "`",
    0.38: "\u2022",
    0.39: "If",
    0.395: "{}",
    0.415: "/\\_",
    0.435: "t",
    0.445: "\u201c\u201d",
    0.455: "r",
    0.475: '"',
    0.48: "?",
    0.49: "z",
    0.5: "s\u2013",
    0.515: "c",
    0.545: "*",
    0.55: "F",
    0.555: "S|",
    0.56: "E",
    0.565: "L",
    0.57: "vy",
    0.575: "$+0123456789<=>^~€£",
    0.58: "TZx",
    0.595: "e",
    0.605: "a",
    0.62: "ko",
    0.625: "Y",
    0.63: "P",
    0.635: "bdgpq",
    0.64: "C",
    0.65: "#V",
    0.66: "Rhnu",
    0.665: "K",
    0.67: "X",
    0.675: "B",
    0.69: "A",
    0.725: "G",
    0.74: "D",
    0.75: "&",
    0.76: "U",
    0.765: "H",
    0.8: "OQ",
    0.815: "N",
    0.84: "\u2212",
    0.855: "\u2026",
    0.86: "w",
    0.9: "@",
    0.905: "%",
    0.945: "M",
    0.97: "W",
    0.985: "m",
    1.0: "\u2014",
}

SPACE_EM = {False: 0.26, True: 0.26}  # regular, bold
FALLBACK_EM = 1.2  # a glyph not measured here: wider than any above
_ADVANCE = {
    bold: {glyph: em for em, glyphs in table.items() for glyph in glyphs}
    for bold, table in ((False, REGULAR_EM), (True, BOLD_EM))
}


def glyph_em(glyph: str, bold: bool = False) -> float:
    """A glyph's advance in ems; an accented letter takes its base letter's (é as e), as both fonts draw it."""
    if glyph == " ":
        return SPACE_EM[bold]
    advances = _ADVANCE[bold]
    if glyph in advances:
        return advances[glyph]
    base = unicodedata.normalize("NFKD", glyph)[:1]
    return advances.get(base, FALLBACK_EM)


def text_px(text: str, font_px: float, bold: bool = False) -> float:
    """How wide ``text`` is set on one line, at most."""
    return sum(glyph_em(glyph, bold) for glyph in text) * font_px


def line_count(text: str, width_px: float, font_px: float, bold: bool = False) -> int:
    """The lines ``text`` wraps to in a box ``width_px`` wide, breaking at spaces as the browser does first; none
    for no text. Every word's width is an upper bound, so the browser's greedy breaking ends each line no later
    than this one does: it never needs more lines than this counts."""
    words = text.split()
    if not words:
        return 0
    space = text_px(" ", font_px, bold)
    lines, used = 1, text_px(words[0], font_px, bold)
    for word in words[1:]:
        width = text_px(word, font_px, bold)
        if used + space + width <= width_px:
            used += space + width
        else:
            lines, used = lines + 1, width
    return lines
