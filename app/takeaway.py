"""What a reader takes away from one chart view: its sources, its embed snippet and how to cite it.

Chart pages show it once; country pages once per chart. The words are ``app.embeds``'; this only
gives them the view's addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .charts.views import ChartView
from .domain.source import Source
from .embed_size import embed_height
from .embeds import OEMBED_DEFAULT_WIDTH, Citation, citation, embed_snippet
from .urls import Urls


@dataclass(frozen=True)
class TakeAway:
    snippet: str  # the embed, pinned to the release the view shows: what an article cites stays put
    snippet_latest: str  # the embed that follows every new release
    version: str  # the release the pinned snippet and the citation name
    citation: Citation
    sources: list[Source]  # every source behind a plotted claim, newest first


def take_away(view: ChartView, urls: Urls, site_name: str, version: str, accessed: date, newer: str = "") -> TakeAway:
    """``newer``: the notice a pinned embed of ``view`` shows (its data moved on), so the snippet's height has it."""
    pinned, latest = urls.release(version), urls.latest()
    cite = citation(
        site_name=site_name,
        title=view.title,
        version=version,
        url=pinned.absolute(pinned.view(view)),
        publishers=view.publishers,
        accessed=accessed,
    )
    script = urls.absolute(urls.embed_js())
    sources = {claim.source.id: claim.source for claim in view.claims}
    newest_first = sorted(sources.values(), key=lambda source: (source.published, source.id), reverse=True)
    # Sized for oEmbed's nominal width; embed.js, when the host page keeps it, follows the real one.
    height = embed_height(view, OEMBED_DEFAULT_WIDTH, site_name=site_name, version=version, newer=newer)
    return TakeAway(
        snippet=embed_snippet(pinned.absolute(pinned.embed(view)), script, view.title, height),
        snippet_latest=embed_snippet(latest.absolute(latest.embed(view)), script, view.title, height),
        version=version,
        citation=cite,
        sources=newest_first,
    )
