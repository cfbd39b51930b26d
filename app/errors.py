"""Error responses: a JSON body for data and API paths, an HTML page everywhere else.

Every bad request gets a 4xx that says what was wrong; nothing a visitor types
into a URL should reach a 500.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .deps import get_context
from .templating import Page

_DATA_PREFIX = "/data/"
_DATA_SUFFIXES = (".json", ".csv")
_JSON_PATHS = ("/healthz", "/oembed")


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith(_DATA_PREFIX) or path.endswith(_DATA_SUFFIXES) or path in _JSON_PATHS:
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def describe_validation_error(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        location = [str(item) for item in error.get("loc", ()) if item not in ("query", "path", "body")]
        name = ".".join(location) or "request"
        parts.append(f"{name}: {error.get('msg', 'invalid value')}")
    return "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    def respond(
        request: Request, status: int, title: str, detail: str, links: list[dict[str, str]] | None = None
    ) -> Response:
        if wants_json(request):
            return JSONResponse({"error": {"status": status, "title": title, "detail": detail}}, status_code=status)
        context = get_context(request)
        page = Page(request, context.templates, context.urls_for(request))
        words = {"status": status, "title": title, "detail": detail, "links": links or []}
        return page.render("error.html", words, status_code=status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        title = {400: "Bad request", 404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Request error")
        # A route may pass {"message": ..., "links": [...]} to offer the pages that do exist.
        links: list[dict[str, str]] = exc.detail.get("links", []) if isinstance(exc.detail, dict) else []
        detail = str(exc.detail.get("message")) if isinstance(exc.detail, dict) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is no page at {request.url.path}."
        return respond(request, exc.status_code, title, detail, links)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, 400, "Bad request", describe_validation_error(exc))

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
