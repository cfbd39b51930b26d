"""What a journalist takes away: the embed snippet, the oEmbed answer and the citation, as pure functions."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import Any

EMBED_DEFAULT_HEIGHT = 640  # px: title, subtitle, a 420 px chart, legend and source line at phone width
OEMBED_DEFAULT_WIDTH = 720
OEMBED_CACHE_AGE = 86_400  # s: the data changes with a new dataset version, not by the hour


def embed_snippet(embed_url: str, script_url: str, title: str, height: int = EMBED_DEFAULT_HEIGHT) -> str:
    """An iframe that fills the column, plus the script that keeps its height right."""
    iframe = (
        f'<iframe src="{html.escape(embed_url)}" title="{html.escape(title)}" loading="lazy" '
        f'height="{height}" style="width:100%;border:0;" scrolling="no" data-nkw-embed></iframe>'
    )
    return f'{iframe}\n<script src="{html.escape(script_url)}" async></script>'


def oembed_size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    width = OEMBED_DEFAULT_WIDTH if maxwidth is None else min(OEMBED_DEFAULT_WIDTH, maxwidth)
    height = EMBED_DEFAULT_HEIGHT if maxheight is None else min(EMBED_DEFAULT_HEIGHT, maxheight)
    return width, height


def oembed_response(
    *, title: str, embed_url: str, script_url: str, site_name: str, site_url: str, width: int, height: int
) -> dict[str, Any]:
    """An oEmbed 1.0 'rich' response (https://oembed.com/, section 2.3.4)."""
    iframe = (
        f'<iframe src="{html.escape(embed_url)}" title="{html.escape(title)}" loading="lazy" width="{width}" '
        f'height="{height}" style="width:100%;max-width:{width}px;border:0;" scrolling="no" data-nkw-embed></iframe>'
    )
    return {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": site_name,
        "provider_url": site_url + "/",
        "cache_age": OEMBED_CACHE_AGE,
        "html": f'{iframe}<script src="{html.escape(script_url)}" async></script>',
        "width": width,
        "height": height,
    }


@dataclass(frozen=True)
class Citation:
    short: str
    full: str


def citation(
    *, site_name: str, title: str, version: str, url: str, publishers: list[str], accessed: date, year: int
) -> Citation:
    """How to cite a chart: the dataset, its version, the chart's address, the access date, the publishers."""
    when = f"{accessed.day} {accessed:%B %Y}"
    first = publishers[:3]
    others = " and others" if len(publishers) > 3 else ""
    short = (
        f"Source: {site_name} dataset v{version}, compiled from {', '.join(first) or 'its sources'}{others}; "
        f"{url} (accessed {when})."
    )
    full = (
        f"{site_name} ({year}). {title} [chart and dataset, version {version}]. {url}. Accessed {when}. "
        f"Compiled from claims reported by {'; '.join(publishers) or 'the sources listed'}."
    )
    return Citation(short=short, full=full)
