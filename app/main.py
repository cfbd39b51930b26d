"""Create the ASGI application: ``python -m app serve`` (or ``uvicorn --factory app.main:create_app``).

Nothing is built at import. The factory validates and loads the data and builds
every default chart before the server takes a request; invalid data is served from
its last good copy (app/reload.py), or, with none, stops the process with every
problem listed (exit status 1), not a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date

from fastapi import APIRouter, FastAPI

from .charts.images import DatasetCredit, ImageFormat
from .charts.views import ChartView
from .context import AppContext
from .data import DataValidationError
from .editions import ArchiveError
from .errors import install_error_handlers
from .hosts import AllowedHostsMiddleware, HostPolicy
from .http.response_cache import ResponseCacheMiddleware
from .reload import DataStatus, Reloader, reload_on_sighup, start_context
from .routes import RELEASE_ROUTERS, SITE_ROUTERS, include_routers
from .security import SecurityHeadersMiddleware
from .settings import Settings
from .warmup import warm_routes


def create_app(settings: Settings | None = None, clock: Callable[[], date] = date.today) -> FastAPI:
    settings = settings or Settings()
    try:
        context, status = start_context(settings, clock)
    except DataValidationError as error:
        sys.exit(error.report())
    except ArchiveError as error:
        sys.exit(str(error))
    return assemble(context, status=status)


def default_images(context: AppContext) -> list[tuple[ChartView, ImageFormat, str, str, DatasetCredit]]:
    """Every chart's default view, PNG and SVG, at the configured base URL."""
    views, urls, edition = context.views, context.urls, context.latest
    defaults = [views.default(spec) for spec in views.specs.values()]
    site = context.settings.site_name
    formats: tuple[ImageFormat, ...] = ("png", "svg")
    return [(view, fmt, site, urls.absolute(urls.view(view)), edition.credit) for view in defaults for fmt in formats]


def assemble(
    context: AppContext,
    release_routers: tuple[APIRouter, ...] = RELEASE_ROUTERS,
    site_routers: tuple[APIRouter, ...] = SITE_ROUTERS,
    status: DataStatus | None = None,
) -> FastAPI:
    """The app around a built context: routers, error pages and the middleware, outermost last."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await warm_routes(app, context.settings.host_names[0] if context.settings.host_names else "localhost")
        reloader = Reloader(app, app.state.data_status)
        reloader.start()  # the country pages' views, in a thread; again for each context swapped in
        if context.urls.base_url:  # images name their address: only a base URL says which one readers will ask
            context.images.prerender(default_images(context))
        with reload_on_sighup(reloader):
            yield
        reloader.stop()
        app.state.context.images.close()  # the browser kaleido started, if any

    app = FastAPI(
        title=context.settings.site_name,
        version=context.release.version,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
        # FastAPI looks up OpenTelemetry's global providers (and their environment variables) on every request
        # unless told that nothing is traced; this app sets none up, and the lookups were a quarter of the time
        # of a cached answer.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.context = context  # swapped for a new one by a reload (app/reload.py)
    app.state.data_status = status or DataStatus(context.settings.data_dir, "data", context.settings.data_dir)
    settings = context.settings
    hosts = HostPolicy(settings.host_names)
    # Innermost: a malformed or unknown Host is refused before any work, so it never reaches a link.
    app.add_middleware(AllowedHostsMiddleware, policy=hosts)
    # Security headers on every answer the app makes, refusals included; the cache keeps them with each answer.
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.base_url.startswith("https://"))
    # Outermost: a hit (most requests) is answered before anything else but the Host check. Links come from the
    # request's address only without a base URL: then the address is in the key and shared caches are told not
    # to keep the answer.
    app.add_middleware(
        ResponseCacheMiddleware,
        today=context.clock,
        links_from_request=not settings.base_url,
        admits=hosts.admits,
    )
    install_error_handlers(app)
    include_routers(app, release_routers, site_routers)
    return app
