"""The data page (every download, the data dictionary, the licence, how to cite) and CITATION.cff."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from ..data.citations import bibtex, citation_cff, text_citation
from ..data.dictionary import dictionary, licences
from ..deps import ContextDep, EditionDep, PageDep, UrlsDep

router = APIRouter()
CFF_MEDIA_TYPE = "application/yaml; charset=utf-8"  # CFF is YAML (RFC 9512)


@router.api_route("/data", methods=["GET", "HEAD"], response_class=HTMLResponse)
def data_page(page: PageDep, context: ContextDep, edition: EditionDep, urls: UrlsDep) -> HTMLResponse:
    """The dataset in every format with its row counts, what every column means, its licence and its citation."""
    release, cite = edition.release, edition.citation(urls, context.settings.site_name)
    words = {
        "release": release,
        "row_counts": release.row_counts(),
        "resources": dictionary(release.descriptor),
        "licences": licences(release.descriptor),
        "citation_text": text_citation(cite, accessed=context.clock()),
        "citation_bibtex": bibtex(cite),
    }
    return page.render("data.html", words)


@router.api_route("/CITATION.cff", methods=["GET", "HEAD"])
def citation_file_format(context: ContextDep, edition: EditionDep, urls: UrlsDep) -> Response:
    """The Citation File Format record, where GitHub, Zenodo and reference managers look for it."""
    cite = edition.citation(urls, context.settings.site_name)
    return Response(citation_cff(cite), media_type=CFF_MEDIA_TYPE)
