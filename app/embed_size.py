"""How tall an embed's page is at a width, worked out on the server: the iframe's first height, right before any
script runs (a CMS that inserts our oEmbed html with innerHTML never runs its script tag).

The page (templates/embed.html, its section of static/site.css) sets every length in px and stacks its boxes
in flex columns, so its height is a sum: the padding, each text block's lines (text_width's upper bounds) and
margins, and the server-drawn chart's own height for the layout its width picks (svg.py). Text is estimated
wide, so the page is never taller than this; it is shorter by at most a line or two of a block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .charts.svg import LAYOUT_MIN_WIDTHS
from .charts.views import ChartView
from .embeds import EMBED_SOURCES_SHOWN
from .text_width import line_count, text_px


@dataclass(frozen=True)
class TextStyle:
    font_px: int
    line_px: int
    bold: bool = False

    def height(self, text: str, width_px: float) -> int:
        return line_count(text, width_px, self.font_px, self.bold) * self.line_px


# The px lengths of static/site.css's "Embeds sized by the server" section (tests/test_embed_size.py reads it).
PAGE_PAD_Y, PAGE_PAD_X = 8, 12
TITLE, TITLE_GAP = TextStyle(18, 24, bold=True), 4
SUBTITLE, SUBTITLE_GAP = TextStyle(14, 20), 8
KEY = TextStyle(12, 18)
KEY_MARGINS = 8 + 4  # above and below the key
KEY_LIST_MARGIN, KEY_ROW_GAP, KEY_COLUMN_GAP, KEY_ICON_GAP = 4, 4, 16, 6
KEY_ICON_PX, KEY_ICON_HEIGHT = 22, 16  # the key's icons (templates/_macros.html, key_icon)
NOTE, NOTE_MARGIN = TextStyle(13, 18), 4
SOURCE, SOURCE_MARGIN = TextStyle(14, 20), 4
NEWER = TextStyle(14, 20)
NEWER_MARGINS, NEWER_PAD_Y, NEWER_PAD_X, NEWER_BORDER = 8 + 4, 6, 10, 4
LINKS, LINKS_MARGIN = TextStyle(13, 18), 4

# The words templates/_macros.html (chart_figure, chart_key) and templates/embed.html put around the chart.
KEY_TITLE = "Key"
LINKS_WORDS = "Get the data · Full view with every claim and quote · {site}, data release {version}"
_SVG_HEIGHT = re.compile(r'<svg class="chart-svg chart-svg-(\w+)"[^>]*? height="(\d+)"')


@dataclass(frozen=True)
class EmbedText:
    """What an embed shows besides its chart, as the reader sees it: every block that wraps by width."""

    title: str
    subtitle: str
    key: Sequence[str]  # each entry's words; none when the view has no key
    key_note: str
    notes: Sequence[str]  # under the chart: claims of zero not drawn, how small multiples read
    sources: str
    newer: str  # the notice of a pinned embed whose data has moved on; empty when there is none
    links: str


def embed_text(view: ChartView, *, site_name: str, version: str, newer: str = "") -> EmbedText:
    """The embed page's words for ``view`` (templates/_macros.html's, restated; a test compares them)."""
    notes = []
    if zeros := view.zeros_not_drawn:
        many = zeros != 1
        notes.append(
            f"{zeros} claim{'s' if many else ''} of zero {'are' if many else 'is'} not drawn: a log scale has no zero."
            f" The table lists {'them' if many else 'it'}."
        )
    if view.panels:
        log = " (logarithmic)" if view.query.scale == "log" else ""
        notes.append(
            f"One panel per country, largest figures first; each panel has its own value scale{log},"
            " all share one time axis."
        )
    legend = " (the legend)" if view.shows_legend else ""
    return EmbedText(
        title=view.title,
        subtitle=view.subtitle,
        key=[entry.words for entry in view.key],
        key_note=(
            f"Colours name the series{legend}; the shape of each mark says how its figure was stated."
            " Conflicting claims are drawn side by side, never averaged."
        ),
        notes=notes,
        sources=view.sources_words(EMBED_SOURCES_SHOWN),
        newer=f"{newer}: see the latest." if newer else "",
        links=LINKS_WORDS.format(site=site_name, version=version),
    )


def drawing_heights(svg: str) -> dict[str, int]:
    """Each server-drawn variant's height in px, by its name (narrow, medium, wide; c1 to c4)."""
    return {variant: int(height) for variant, height in _SVG_HEIGHT.findall(svg)}


def chart_height(svg: str, width_px: float) -> int:
    """The height of the drawing the stylesheet shows in a box ``width_px`` wide: the widest layout it reaches."""
    heights = drawing_heights(svg)
    shown = [variant for variant in heights if LAYOUT_MIN_WIDTHS[variant] <= width_px]
    return heights[max(shown, key=LAYOUT_MIN_WIDTHS.__getitem__)] if shown else max(heights.values(), default=0)


def key_height(entries: Sequence[str], note: str, width_px: float) -> int:
    """The key: its title, its entries side by side in rows as flex-wrap lays them out, and its note."""
    rows: list[int] = []  # each row's height
    used = 0.0
    for words in entries:
        text_room = width_px - KEY_ICON_PX - KEY_ICON_GAP
        entry_px = KEY_ICON_PX + KEY_ICON_GAP + text_px(words, KEY.font_px)
        height = max(KEY_ICON_HEIGHT, KEY.height(words, text_room))
        if rows and used + KEY_COLUMN_GAP + entry_px <= width_px:
            used += KEY_COLUMN_GAP + entry_px
            rows[-1] = max(rows[-1], height)
        else:
            used = entry_px
            rows.append(height)
    entries_px = sum(rows) + KEY_ROW_GAP * (len(rows) - 1) + 2 * KEY_LIST_MARGIN
    return KEY_MARGINS + KEY.line_px + entries_px + 2 * NOTE_MARGIN + NOTE.height(note, width_px)


def content_height(text: EmbedText, chart_px: int, width: int) -> int:
    """The page's height in px in an iframe ``width`` px wide, its chart ``chart_px`` tall."""
    room = width - 2 * PAGE_PAD_X
    height = 2 * PAGE_PAD_Y
    height += TITLE.height(text.title, room) + TITLE_GAP + SUBTITLE.height(text.subtitle, room) + SUBTITLE_GAP
    height += chart_px
    if text.key:
        height += key_height(text.key, text.key_note, room)
    height += sum(NOTE.height(note, room) + 2 * NOTE_MARGIN for note in text.notes)
    height += SOURCE.height(text.sources, room) + 2 * SOURCE_MARGIN
    if text.newer:
        inner = room - NEWER_BORDER - 2 * NEWER_PAD_X
        height += NEWER_MARGINS + 2 * NEWER_PAD_Y + NEWER.height(text.newer, inner)
    return height + LINKS_MARGIN + LINKS.height(text.links, room)


def embed_height(view: ChartView, width: int, *, site_name: str, version: str, newer: str = "") -> int:
    """The iframe height that shows the whole embed of ``view`` at ``width`` px, before any script runs."""
    text = embed_text(view, site_name=site_name, version=version, newer=newer)
    return content_height(text, chart_height(view.svg, width - 2 * PAGE_PAD_X), width)
