"""Error responses: a JSON body for data and API paths, an HTML page everywhere else.

Every bad request gets a 4xx that says what was wrong; nothing a visitor types
into a URL should reach a 500.
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .deps import get_context
from .params import shorten
from .security import headers_for
from .templating import Page

_DATA_PREFIX = "/data/"
_DATA_SUFFIXES = (".json", ".csv")
_JSON_PATHS = ("/healthz", "/oembed")
METHOD_ORDER = {"GET": 0, "HEAD": 1, "POST": 2}


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
        request: Request,
        status: int,
        title: str,
        detail: str,
        links: list[dict[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        if wants_json(request):
            body = {"error": {"status": status, "title": title, "detail": detail}}
            return JSONResponse(body, status_code=status, headers=headers)
        context = get_context(request)
        page = Page(request, context.templates, context.urls_for(request))
        words = {"status": status, "title": title, "detail": detail, "links": links or []}
        response = page.render("error.html", words, status_code=status)
        response.headers.update(headers or {})
        return response

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        title = {400: "Bad request", 404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "Request error")
        # A route may pass {"message": ..., "links": [...]} to offer the pages that do exist.
        links: list[dict[str, str]] = exc.detail.get("links", []) if isinstance(exc.detail, dict) else []
        detail = str(exc.detail.get("message")) if isinstance(exc.detail, dict) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is no page at {shorten(request.url.path)}."
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(headers.get("Allow", ""))
            detail = f"{request.method} is not allowed at {shorten(request.url.path)}; use {headers['Allow']}."
        return respond(request, exc.status_code, title, detail, links, headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, 400, "Bad request", describe_validation_error(exc))

    async def server_error(request: Request, exc: Exception) -> Response:
        """A bug, not bad input: a plain page that says so and nothing of the traceback (the log has it).

        Starlette answers it from its outermost layer, outside SecurityHeadersMiddleware: the headers are added
        here, and nothing the app renders is trusted to work."""
        detail = "Something went wrong on our side. The error is logged; please try again later."
        headers = {name.decode(): value.decode() for name, value in headers_for(request.url.path)}
        if wants_json(request):
            body = {"error": {"status": 500, "title": "Server error", "detail": detail}}
            return JSONResponse(body, status_code=500, headers=headers)
        return PlainTextResponse(detail, status_code=500, headers=headers)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)


def allowed_methods(allow: str) -> str:
    """Starlette's Allow header (the route's methods, in a set's order) in one order: 'GET, HEAD'."""
    methods = {method.strip() for method in allow.split(",") if method.strip()} or {"GET", "HEAD"}
    return ", ".join(sorted(methods, key=lambda method: (METHOD_ORDER.get(method, len(METHOD_ORDER)), method)))
