"""Create the ASGI application: ``uvicorn app.main:app``.

The data is validated and loaded when the app is created, before it serves
anything; invalid data stops the process with every problem listed.
"""

from __future__ import annotations

import sys

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .data import DataValidationError, load_dataset
from .errors import install_error_handlers
from .routes import downloads, health, pages
from .security import SecurityHeadersMiddleware
from .settings import Settings
from .templating import build_templates


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    dataset = load_dataset(settings.data_dir)
    templates = build_templates(settings)
    app = FastAPI(title=settings.site_name, version=dataset.version, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.dataset = dataset
    app.state.templates = templates
    app.add_middleware(SecurityHeadersMiddleware)
    install_error_handlers(app, templates)
    app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")
    app.include_router(pages.router)
    app.include_router(downloads.router)
    app.include_router(health.router)
    return app


try:
    app = create_app()
except DataValidationError as error:
    # A clean list of problems and exit status 1, not a traceback.
    sys.exit(error.report())
