"""What a journalist takes away: the embed snippet, the oEmbed answer and the citation, as pure functions."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from .jsontypes import JSONObject

EMBED_DEFAULT_HEIGHT = 640  # px: title, subtitle, a 420 px chart, legend and source line at phone width
OEMBED_DEFAULT_WIDTH = 720
OEMBED_CACHE_AGE = 86_400  # s: the data changes with a new dataset version, not by the hour


def iframe(embed_url: str, title: str, height: int, width: int | None = None) -> str:
    """The iframe of an embed: it fills its column (up to ``width``), and embed.js keeps its height right."""
    size = f'width="{width}" ' if width else ""
    style = f"width:100%;max-width:{width}px;border:0;" if width else "width:100%;border:0;"
    return (
        f'<iframe src="{html.escape(embed_url)}" title="{html.escape(title)}" loading="lazy" {size}'
        f'height="{height}" style="{style}" scrolling="no" data-nkw-embed></iframe>'
    )


def script_tag(script_url: str) -> str:
    return f'<script src="{html.escape(script_url)}" async></script>'


def embed_snippet(embed_url: str, script_url: str, title: str, height: int = EMBED_DEFAULT_HEIGHT) -> str:
    """An iframe that fills the column, plus the script that keeps its height right."""
    return f"{iframe(embed_url, title, height)}\n{script_tag(script_url)}"


def oembed_size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    width = OEMBED_DEFAULT_WIDTH if maxwidth is None else min(OEMBED_DEFAULT_WIDTH, maxwidth)
    height = EMBED_DEFAULT_HEIGHT if maxheight is None else min(EMBED_DEFAULT_HEIGHT, maxheight)
    return width, height


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
        "html": iframe(embed_url, title, height, width) + script_tag(script_url),
        "width": width,
        "height": height,
    }


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
