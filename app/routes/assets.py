"""Hashed static assets: served pre-compressed, cacheable for a year."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from ..deps import ContextDep
from ..http.conditional import is_not_modified
from ..http.encoding import choose_encoding
from ..params import shorten

router = APIRouter(prefix="/assets")

IMMUTABLE = "public, max-age=31536000, immutable"


@router.api_route("/{name}", methods=["GET", "HEAD"])
def asset(request: Request, name: str, context: ContextDep) -> Response:
    """One asset by its hashed name; unknown or outdated names are 404."""
    found = context.assets.by_url.get(f"/assets/{name}")
    if found is None:
        raise HTTPException(404, f"No asset '{shorten(name)}'.")
    headers = {"Cache-Control": IMMUTABLE, "ETag": found.etag, "Vary": "Accept-Encoding"}
    if is_not_modified(request.headers.get("if-none-match", ""), found.etag):
        return Response(status_code=304, headers=headers)
    coding = choose_encoding(request.headers.get("accept-encoding", ""), set(found.encoded))
    if coding is None:
        return Response(found.body, media_type=found.media_type, headers=headers)
    return Response(found.encoded[coding], media_type=found.media_type, headers=headers | {"Content-Encoding": coding})
