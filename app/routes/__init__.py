"""Thin routers: parse the request, ask the domain or a chart view, render.

No two routes match the same path (a page and its twins share one route), so the
order they are included in does not matter; tests/routes/test_route_table.py holds the table.
"""

from fastapi import APIRouter

from . import assets, charts, countries, data_page, downloads, embeds, estimates, health, maps, pages, sources

ROUTERS: tuple[APIRouter, ...] = tuple(
    module.router
    for module in (pages, charts, maps, embeds, countries, estimates, sources, data_page, downloads, assets, health)
)
