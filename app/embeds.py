"""What a journalist takes away: the embed snippet, the oEmbed answer and the citation, as pure functions."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal
from xml.etree import ElementTree

from .jsontypes import JSONObject

EMBED_SOURCES_SHOWN = 6  # publishers named under an embed's chart, most cited first; its full view lists all
OEMBED_DEFAULT_WIDTH = 720  # px: oEmbed's width unless maxwidth says; the iframe fills its column, sized for this
OEMBED_CACHE_AGE = 86_400  # s: the data changes with a new dataset version, not by the hour

Theme = Literal["light", "dark", "auto"]
THEMES: tuple[Theme, ...] = ("light", "dark", "auto")
# Light unless asked: 'auto' follows the reader's system, which would turn a chart black inside a white article.
DEFAULT_THEME: Theme = "light"


class ThemeError(ValueError):
    """A ``theme`` an embed cannot take; the message says which are allowed."""


def parse_theme(values: Sequence[str]) -> Theme:
    """The one theme of an embed address's ``theme`` parameter values; the default when there is none."""
    given = [value for value in values if value != ""]
    if len(given) > 1:
        raise ThemeError(f"theme: give one value, not {len(given)}")
    for theme in THEMES:
        if given == [theme]:
            return theme
    if given:
        raise ThemeError(f"theme: '{given[0][:40]}' is not one of {', '.join(THEMES)}")
    return DEFAULT_THEME


def iframe(embed_url: str, title: str, height: int) -> str:
    """The iframe of an embed: it fills its column, whatever its width, at the height its content takes at the
    nominal width (embed_size.py), which embed.js then keeps right."""
    return (
        f'<iframe src="{html.escape(embed_url)}" title="{html.escape(title)}" loading="lazy" '
        f'height="{height}" style="width:100%;border:0;" scrolling="no" data-nkw-embed></iframe>'
    )


def script_tag(script_url: str) -> str:
    return f'<script src="{html.escape(script_url)}" async></script>'


def embed_snippet(embed_url: str, script_url: str, title: str, height: int) -> str:
    """An iframe that fills the column, plus the script that keeps its height right."""
    return f"{iframe(embed_url, title, height)}\n{script_tag(script_url)}"


def oembed_width(maxwidth: int | None) -> int:
    """The width oEmbed states: ``maxwidth`` when given, since the iframe fills whatever it is given."""
    return OEMBED_DEFAULT_WIDTH if maxwidth is None else maxwidth


def oembed_height(content_height: int, maxheight: int | None) -> int:
    """The height oEmbed states: the content's at its width, no more than ``maxheight`` (the spec's bound)."""
    return content_height if maxheight is None else min(content_height, maxheight)


def oembed_response(
    *, title: str, embed_url: str, script_url: str, site_name: str, site_url: str, width: int, height: int
) -> JSONObject:
    """An oEmbed 1.0 'rich' response (https://oembed.com/, section 2.3.4)."""
    return {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": site_name,
        "provider_url": site_url,
        "cache_age": OEMBED_CACHE_AGE,
        "html": iframe(embed_url, title, height) + script_tag(script_url),
        "width": width,
        "height": height,
    }


def oembed_xml(response: JSONObject) -> bytes:
    """The same response in oEmbed's XML format (section 2.3.4): one element per field, the html escaped as text."""
    root = ElementTree.Element("oembed")
    for name, value in response.items():
        ElementTree.SubElement(root, name).text = str(value)
    elements: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n' + elements


@dataclass(frozen=True)
class Citation:
    short: str
    full: str


def citation(*, site_name: str, title: str, version: str, url: str, publishers: list[str], accessed: date) -> Citation:
    """How to cite a chart: the dataset, its version, the chart's address, the access date, the publishers."""
    when = f"{accessed.day} {accessed:%B %Y}"
    first = publishers[:3]
    others = " and others" if len(publishers) > 3 else ""
    short = (
        f"Source: {site_name} dataset v{version}, compiled from {', '.join(first) or 'its sources'}{others}; "
        f"{url} (accessed {when})."
    )
    full = (
        f"{site_name} ({accessed.year}). {title} [chart and dataset, version {version}]. {url}. Accessed {when}. "
        f"Compiled from claims reported by {'; '.join(publishers) or 'the sources listed'}."
    )
    return Citation(short=short, full=full)
