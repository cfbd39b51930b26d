"""What a reader takes away from one chart view: its sources, its embed snippet and how to cite it.

Chart pages show it once; country pages once per chart. The words are ``app.embeds``'; this only
gives them the view's addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .charts.views import ChartView
from .domain.source import Source
from .embeds import Citation, citation, embed_snippet
from .urls import Urls


@dataclass(frozen=True)
class TakeAway:
    snippet: str
    citation: Citation
    sources: list[Source]  # every source behind a plotted claim, newest first


def take_away(view: ChartView, urls: Urls, site_name: str, version: str, accessed: date) -> TakeAway:
    cite = citation(
        site_name=site_name,
        title=view.title,
        version=version,
        url=urls.absolute(urls.view(view)),
        publishers=view.publishers,
        accessed=accessed,
    )
    snippet = embed_snippet(urls.absolute(urls.embed(view)), urls.absolute(urls.embed_js()), view.title)
    sources = {claim.source.id: claim.source for claim in view.claims}
    newest_first = sorted(sources.values(), key=lambda source: (source.published, source.id), reverse=True)
    return TakeAway(snippet=snippet, citation=cite, sources=newest_first)
