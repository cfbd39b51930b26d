"""The changelog: every release and the claims it added, corrected and removed, as a page, JSON and an Atom feed.

About all releases at once, so it has one address each, never pinned under /v/{version}/.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..changes_feed import ATOM_MEDIA_TYPE, atom_feed, changes_json
from ..context import AppContext
from ..deps import ContextDep, PageDep, UrlsDep
from ..domain.change_words import ReleaseEntry, column_words, release_entries

router = APIRouter()
# A list of more ids than this is folded into a <details>: 272 ids would push the next release off the phone.
IDS_SHOWN_OPEN = 20


@router.api_route("/changes", methods=["GET", "HEAD"], response_class=HTMLResponse)
def changes_page(page: PageDep, context: ContextDep) -> HTMLResponse:
    """Every release, newest first, with the claims and events it added, corrected and removed."""
    return page.render("changes.html", {"entries": entries(context), "ids_shown_open": IDS_SHOWN_OPEN})


@router.api_route("/changes.json", methods=["GET", "HEAD"])
def changes_data(context: ContextDep, urls: UrlsDep) -> JSONResponse:
    """The changelog's twin: every release and the ids it changed, with the address of each copy."""
    return JSONResponse(changes_json(entries(context), urls))


@router.api_route("/changes.atom", methods=["GET", "HEAD"])
def changes_feed(context: ContextDep, urls: UrlsDep) -> Response:
    """An Atom feed of the releases, one entry each, for feed readers."""
    body = atom_feed(entries(context), urls, context.settings.site_name, context.clock())
    return Response(body, media_type=ATOM_MEDIA_TYPE)


def entries(context: AppContext) -> list[ReleaseEntry]:
    descriptor = context.release.frames.descriptor  # the latest titles name the columns of every release
    return release_entries(context.changes, column_words(descriptor, "estimates"), column_words(descriptor, "events"))
