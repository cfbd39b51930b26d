"""Every address the site writes is built here, so templates and routes never assemble one by hand.

One ``Urls`` knows the public base URL, the release and the formats (Datasette's
``Urls(ds)`` is the model): ``urls.chart(slug, params, format="csv")`` is a chart's
CSV twin, ``urls.absolute(...)`` the same address for use outside this site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal, Protocol
from urllib.parse import urlencode

# 'plotly' is the chart's Plotly figure, fetched by static/charts.js when a reader reaches for the chart.
ChartFormat = Literal["csv", "json", "png", "svg", "plotly"]
TableFormat = Literal["csv", "json"]
CHART_FORMATS: tuple[ChartFormat, ...] = ("csv", "json", "png", "svg", "plotly")
TABLE_FORMATS: tuple[TableFormat, ...] = ("csv", "json")
CitationFormat = Literal["bib", "ris", "cff"]
DATASET_NAME = "nk-workers-abroad"


class ChartAddress(Protocol):
    """What a chart view must tell the builder: its chart and its filters."""

    @property
    def slug(self) -> str: ...

    @property
    def params(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class Urls:
    base_url: str = ""  # scheme and host, no trailing slash: 'https://example.org'; '' for paths only
    version: str = ""  # the dataset release these addresses show
    latest_version: str = ""  # the newest release: what an address without /v/{version} shows
    # Pinned: every page and download of the data is addressed under /v/{version}/, so that it keeps showing
    # that release after the next one; unpinned addresses always show the latest.
    pinned: bool = False

    def with_base(self, base_url: str) -> Urls:
        return replace(self, base_url=base_url.rstrip("/"))

    def absolute(self, path: str) -> str:
        """The address for use outside this site: embed code, oEmbed, citations, og:image."""
        return self.base_url + path

    # Releases.
    def release(self, version: str) -> Urls:
        """The addresses of one release, pinned: /v/{version}/charts/..."""
        return replace(self, version=version, pinned=True)

    def pin(self) -> Urls:
        """These addresses pinned to the release they show."""
        return self.release(self.version)

    def latest(self) -> Urls:
        """The addresses of whatever the latest release is, now and after the next one."""
        return replace(self, version=self.latest_version or self.version, pinned=False)

    def in_latest(self, path: str, query: str = "") -> str:
        """The same page in the latest release: ``path`` without its /v/{version} prefix, with its ``query``."""
        version, unpinned = split_pinned(path)
        if version == self.version:
            path = unpinned
        return f"{path}?{query}" if query else path

    def changes(self, version: str | None = None) -> str:
        """Every release and what it changed; with ``version``, that release's entry."""
        return "/changes" + (f"#release-{version}" if version else "")

    def changes_feed(self) -> str:
        return "/changes.atom"

    def changes_data(self) -> str:
        """The changelog's JSON twin."""
        return "/changes.json"

    def _at(self, path: str) -> str:
        return pinned_prefix(self.version) + path if self.pinned else path

    # Pages.
    def home(self) -> str:
        return self._at("/")

    def about(self) -> str:
        return self._at("/about")

    def healthz(self) -> str:
        return "/healthz"

    def charts(self) -> str:
        return self._at("/charts")

    def chart(self, slug: str, params: Mapping[str, str] | None = None, *, format: ChartFormat | None = None) -> str:  # noqa: A002
        """A chart page, or with ``format`` its twin: the plotted rows (csv, json), the image (png, svg) or the
        interactive chart's figure (plotly)."""
        if format is not None and format not in CHART_FORMATS:
            raise ValueError(f"Unknown chart format '{format}'; expected one of {', '.join(CHART_FORMATS)}")
        return _with_query(self._at(f"/charts/{slug}" + (f".{format}" if format else "")), params)

    def view(self, view: ChartAddress, *, format: ChartFormat | None = None) -> str:  # noqa: A002
        """A chart view's page or twin, with its filters."""
        return self.chart(view.slug, view.params, format=format)

    def embed(self, view: ChartAddress, *, theme: str | None = None) -> str:
        params = view.params | ({"theme": theme} if theme else {})
        return _with_query(self._at(f"/embed/{view.slug}"), params)

    def embed_js(self) -> str:
        return "/embed.js"

    def oembed(self, url: str) -> str:
        return _with_query("/oembed", {"url": url, "format": "json"})

    def oembed_of(self, path: str) -> str:
        """The oEmbed answer for a chart, embed or country page of this site (its path, with any filters).

        A page without filters gets an address of its own, ``/oembed/charts/revenue.json``, so that a static
        copy of the site (which ignores query strings) answers its discovery link too; a filtered page's is
        the query form, which only the app answers.
        """
        if "?" in path or "#" in path:
            return self.oembed(self.absolute(path))
        return f"/oembed{path}.json"

    def oembed_page(self, page: str) -> str:
        """The page that ``oembed_of``'s own address answers for, from what lies between /oembed/ and .json:
        'charts/revenue' -> /charts/revenue, 'v/2.0.0/embed/revenue' -> /v/2.0.0/embed/revenue."""
        return f"/{page}"

    def map(self, params: Mapping[str, str] | None = None, *, format: TableFormat | None = None) -> str:  # noqa: A002
        """The map of host countries, or with ``format`` its rows (csv, json), with its filters."""
        if format is not None and format not in TABLE_FORMATS:
            raise ValueError(f"Unknown map format '{format}'; expected one of {', '.join(TABLE_FORMATS)}")
        return _with_query(self._at("/map" + (f".{format}" if format else "")), params)

    def countries(self) -> str:
        return self._at("/countries")

    def country(self, iso3: str, params: Mapping[str, str] | None = None) -> str:
        """A country's page; ``params`` are the filters its charts share (years, as_of, scale)."""
        return _with_query(self._at(f"/countries/{iso3.lower()}"), params)

    def estimate(self, estimate_id: str) -> str:
        return self._at(f"/estimates/{estimate_id}")

    def sources(self, page: int = 1) -> str:
        """The bibliography; its later pages have paths of their own, so a static copy of the site has them too."""
        return self._at("/sources" if page == 1 else f"/sources/page/{page}")

    def source(self, source_id: str) -> str:
        return self._at(f"/sources/{source_id}")

    def event(self, source_id: str, anchor: str) -> str:
        """An event, on the page of the source that dates it."""
        return f"{self.source(source_id)}#{anchor}"

    # The dataset.
    def data(self) -> str:
        """The data page: every download, the data dictionary, the licence and how to cite."""
        return self._at("/data")

    def table(self, name: str, format: TableFormat) -> str:  # noqa: A002
        if format not in TABLE_FORMATS:
            raise ValueError(f"Unknown download format '{format}'; expected one of {', '.join(TABLE_FORMATS)}")
        return self._at(f"/data/{name}.{format}")

    def datapackage(self) -> str:
        return self._at("/data/datapackage.json")

    def data_zip(self) -> str:
        return self._at(f"/data/{DATASET_NAME}-{self.version}.zip")

    def data_zip_latest(self) -> str:
        """A stable address for the newest release's zip, for scripts that should follow new versions."""
        return f"/data/{DATASET_NAME}-latest.zip"

    def citation(self, format: CitationFormat) -> str:  # noqa: A002
        """The dataset's citation as BibTeX, RIS, or CITATION.cff (at the site's root, where tools look for it)."""
        if format == "cff":
            return "/CITATION.cff"
        if format not in ("bib", "ris"):
            raise ValueError(f"Unknown citation format '{format}'; expected bib, ris or cff")
        return self._at(f"/data/citation.{format}")


def pinned_prefix(version: str) -> str:
    return f"/v/{version}"


def split_pinned(path: str) -> tuple[str | None, str]:
    """The release a path is pinned to and the path within it: ('2.0.0', '/charts/x') or (None, path)."""
    if not path.startswith("/v/"):
        return None, path
    version, _, rest = path.removeprefix("/v/").partition("/")
    return version, "/" + rest


def _with_query(path: str, params: Mapping[str, str] | None) -> str:
    return f"{path}?{urlencode(params, safe=',')}" if params else path
