"""Every series' colour, fixed in one place: a country is the same colour on every chart, page, embed and image.

Colours used to be handed out in the order series appeared, so Russia was blue on
one chart and pink on the next. Now a country's colour depends on the country alone.
The hosts most often compared (with the most claims) have hand-picked colours that
are told apart with the common colour-vision deficiencies (Okabe and Ito's set); any
other country takes one from a wider qualitative set by a stable hash of its code,
so a new country never changes an old one's colour. Every colour has a contrast of
at least 3:1 (WCAG's minimum for graphics) on white and on the dark theme's near-black.
"""

from __future__ import annotations

import zlib

# Okabe-Ito without black (invisible on the dark theme) and yellow (invisible on white).
CHOSEN: dict[str, str] = {
    "CHN": "#D55E00",  # vermillion
    "RUS": "#0072B2",  # blue
    "KWT": "#009E73",  # bluish green
    "QAT": "#CC79A7",  # reddish purple
    "MNG": "#B8860B",  # dark orange (Okabe-Ito's orange, darkened to read on white)
    "MLT": "#3C94CF",  # sky blue, darkened likewise
    "MYS": "#8C6D1F",  # brown
    "POL": "#7B61B8",  # violet
    "ARE": "#2E9AA0",  # teal
    "LBY": "#B8473E",  # brick
    # Worldwide and regional totals: neutral, so that they never read as a country.
    "WLD": "#5F6B7A",
    "EUU": "#4A6BB5",
    "GCC": "#A0522D",
}
# From Tableau's 10 and Paul Tol's muted set, some darkened or lightened to keep 3:1 on both themes.
OTHERS = (
    "#4E79A7",
    "#D9741A",
    "#59A14F",
    "#B07AA1",
    "#9C755F",
    "#E15759",
    "#4F9A94",
    "#6A5AC0",
    "#117733",
    "#B03A78",
    "#2F9080",
    "#999933",
    "#AA4499",
    "#6699CC",
)
# The worldwide charts draw one series per kind of worker.
WORKFORCES: dict[str, str] = {
    "all": "#0072B2",
    "it": "#D55E00",
    "service": "#009E73",
    "military": "#CC79A7",
}
FALLBACK = "#5F6B7A"


def country_colour(iso3: str) -> str:
    """The colour of a country (or of a worldwide or regional total), the same everywhere."""
    chosen = CHOSEN.get(iso3.upper())
    if chosen is not None:
        return chosen
    return OTHERS[zlib.crc32(iso3.upper().encode("ascii", "replace")) % len(OTHERS)]


def workforce_colour(workforce: str) -> str:
    return WORKFORCES.get(workforce, FALLBACK)


def series_colour(colour_key: str, by_workforce: bool) -> str:
    """A series' colour from its key: a country's ISO3 code, or a workforce when a chart is drawn by workforce."""
    return workforce_colour(colour_key) if by_workforce else country_colour(colour_key)
