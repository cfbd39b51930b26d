"""The data page (every download, the data dictionary, the licence, how to cite) and CITATION.cff."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from ..data.citations import bibtex, citation_cff, text_citation
from ..data.dictionary import dictionary, licences
from ..deps import ContextDep, PageDep, ReleaseDep, UrlsDep

router = APIRouter()
CFF_MEDIA_TYPE = "application/yaml; charset=utf-8"  # CFF is YAML (RFC 9512)


@router.api_route("/data", methods=["GET", "HEAD"], response_class=HTMLResponse)
def data_page(page: PageDep, context: ContextDep, release: ReleaseDep, urls: UrlsDep) -> HTMLResponse:
    """The dataset in every format with its row counts, what every column means, its licence and its citation."""
    cite = context.citation(urls)
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
def citation_file_format(context: ContextDep, urls: UrlsDep) -> Response:
    """The Citation File Format record, where GitHub, Zenodo and reference managers look for it."""
    return Response(citation_cff(context.citation(urls)), media_type=CFF_MEDIA_TYPE)
