"""Create the ASGI application: ``uvicorn app.main:app``.

The data is validated and loaded, and every default chart built, when the app
is created, before it serves anything; invalid data stops the process with
every problem listed.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .assets import Assets
from .charts.images import ImageRenderer
from .charts.query import ChartQuery
from .charts.views import ChartViews
from .data import Dataset, DataValidationError, load_dataset
from .errors import install_error_handlers
from .http.response_cache import ResponseCacheMiddleware
from .routes import (
    assets,
    chart_downloads,
    charts,
    countries,
    downloads,
    embeds,
    estimates,
    health,
    pages,
    sources,
)
from .security import SecurityHeadersMiddleware
from .settings import Settings
from .templating import build_templates
from .urls import urls


def build_views(dataset: Dataset) -> ChartViews:
    """Every chart's default view, built now; a country page's charts are built on its first request.

    Building the country charts too would add a few hundred milliseconds to every start.
    """
    views = ChartViews(dataset, estimate_url=urls.estimate, source_url=urls.source)
    views.warm([(spec, ChartQuery(indicator=spec.indicators[0])) for spec in views.specs.values()])
    return views


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    dataset = load_dataset(settings.data_dir, settings.cache_dir)
    templates = build_templates(settings)
    static_assets = Assets(settings.static_dir, settings.vendor_dir, settings.cache_dir)
    templates.env.globals["asset"] = static_assets.url
    templates.env.globals["dataset_version"] = dataset.version
    templates.env.globals["indicator_labels"] = {c.value: c.label for c in dataset.indicators()}
    images = ImageRenderer(settings.browser_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        images.close()  # the browser kaleido started, if any

    app = FastAPI(
        title=settings.site_name,
        version=dataset.version,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.dataset = dataset
    app.state.templates = templates
    app.state.views = build_views(dataset)
    app.state.images = images
    app.state.assets = static_assets
    app.state.zip_cache = {}
    # Added last, runs first: security headers go on every response, cached or not.
    app.add_middleware(ResponseCacheMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    install_error_handlers(app, templates)
    # chart_downloads before charts: /charts/{slug}.csv must not be read as a chart named "slug.csv".
    for module in (pages, chart_downloads, charts, embeds, countries, estimates, sources, downloads, assets, health):
        app.include_router(module.router)
    return app


try:
    app = create_app()
except DataValidationError as error:
    # A clean list of problems and exit status 1, not a traceback.
    sys.exit(error.report())
