"""Every URL the site links to is built here, so templates never assemble paths by hand."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

DOWNLOAD_FORMATS = ("csv", "json")


class Urls:
    def home(self) -> str:
        return "/"

    def about(self) -> str:
        return "/about"

    def healthz(self) -> str:
        return "/healthz"

    def charts(self) -> str:
        return "/charts"

    def chart(self, slug: str, params: Mapping[str, str] | None = None) -> str:
        return _with_query(f"/charts/{slug}", params)

    def countries(self) -> str:
        return "/countries"

    def country(self, iso3: str) -> str:
        return f"/countries/{iso3.lower()}"

    def estimate(self, estimate_id: str) -> str:
        return f"/estimates/{estimate_id}"

    def sources(self) -> str:
        return "/sources"

    def source(self, source_id: str) -> str:
        return f"/sources/{source_id}"

    def table(self, name: str, fmt: str) -> str:
        if fmt not in DOWNLOAD_FORMATS:
            raise ValueError(f"Unknown download format '{fmt}'; expected one of {', '.join(DOWNLOAD_FORMATS)}")
        return f"/data/{name}.{fmt}"

    def embed(self, slug: str, params: Mapping[str, str] | None = None) -> str:
        return _with_query(f"/embed/{slug}", params)

    def embed_js(self) -> str:
        return "/embed.js"

    def oembed(self, url: str) -> str:
        return _with_query("/oembed", {"url": url, "format": "json"})

    def chart_file(self, slug: str, extension: str, params: Mapping[str, str] | None = None) -> str:
        return _with_query(f"/charts/{slug}.{extension}", params)

    def datapackage(self) -> str:
        return "/data/datapackage.json"

    def data_zip(self, version: str) -> str:
        return f"/data/nk-workers-abroad-{version}.zip"


def _with_query(path: str, params: Mapping[str, str] | None) -> str:
    return f"{path}?{urlencode(params, safe=',')}" if params else path


urls = Urls()
