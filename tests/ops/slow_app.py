"""The app with one route that takes as long as it is told to: requests in flight when SIGTERM comes."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

from app.main import create_app as create_site


def create_app() -> FastAPI:
    app = create_site()

    # A path parameter: the response cache drops query parameters no address of the site reads (app/params.py).
    @app.get("/slow/{seconds}")
    async def slow(seconds: float) -> PlainTextResponse:
        await asyncio.sleep(seconds)
        return PlainTextResponse(f"done after {seconds:g} s")

    return app
