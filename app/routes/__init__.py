"""Thin routers: parse the request, ask the domain or a chart view, render.

No two routes match the same path (a page and its twins share one route), so the
order they are included in does not matter; tests/routes/test_route_table.py holds the table.
"""

from fastapi import APIRouter, FastAPI

from . import assets, changes, charts, countries, data_page, downloads, embeds, estimates, health, maps, pages, sources

# Every page and download of the data: at its plain address it shows the latest release, and under
# /v/{version}/ the release it names, for good (what an article cited stays as it was cited).
RELEASE_ROUTERS: tuple[APIRouter, ...] = (
    pages.router,
    charts.router,
    maps.router,
    embeds.router,
    countries.router,
    estimates.router,
    sources.router,
    data_page.router,
    downloads.router,
)
# The site itself, one address each: its assets, the embed script and oEmbed, its health, the changelog of
# every release.
SITE_ROUTERS: tuple[APIRouter, ...] = (embeds.site_router, assets.router, health.router, changes.router)
ROUTERS = RELEASE_ROUTERS + SITE_ROUTERS
PINNED_PREFIX = "/v/{version}"


def include_routers(
    app: FastAPI,
    release_routers: tuple[APIRouter, ...] = RELEASE_ROUTERS,
    site_routers: tuple[APIRouter, ...] = SITE_ROUTERS,
) -> None:
    for router in site_routers:
        app.include_router(router)
    for router in release_routers:
        app.include_router(router)
        app.include_router(router, prefix=PINNED_PREFIX)
