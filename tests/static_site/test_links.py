"""The addresses of this site a page or a stylesheet refers to (``app/static_site/links.py``)."""

from __future__ import annotations

import pytest

from app.static_site.links import css_links, html_links, same_site

SITE = "https://example.org"


def test_every_kind_of_link_in_a_page_is_found() -> None:
    html = """<!doctype html><html><head>
    <link rel="stylesheet" href="/assets/site.1.css"><link rel="alternate" href="https://example.org/oembed/x.json">
    <script src="/assets/charts.1.js"></script></head><body>
    <a href="/charts/revenue#part-table">x</a><img src="a.png" srcset="/i-1x.png 1x, /i-2x.png 2x" alt="">
    <form action="/charts/revenue"></form><div data-shapes="/assets/world.1.json" data-default="workers"></div>
    <a href="https://elsewhere.example/x">y</a><a href="mailto:a@b.c">z</a><a>no href</a>
    </body></html>"""
    assert html_links(html) == [
        "/assets/site.1.css",
        "https://example.org/oembed/x.json",
        "/assets/charts.1.js",
        "/charts/revenue#part-table",
        "a.png",
        "/i-1x.png",
        "/i-2x.png",
        "/charts/revenue",
        "/assets/world.1.json",
        "https://elsewhere.example/x",
        "mailto:a@b.c",
    ]


def test_entities_in_an_address_are_decoded() -> None:
    assert html_links('<a href="/charts/revenue?from=2017&amp;to=2020">x</a>') == ["/charts/revenue?from=2017&to=2020"]


def test_urls_in_a_stylesheet_are_found() -> None:
    css = """body { background: url(/assets/a.png); } .x { background: url( "b.svg" ) }
    @font-face { src: url('/assets/f.woff2') format("woff2"); } .y { background: url(data:image/png;base64,AA) }"""
    assert css_links(css) == ["/assets/a.png", "b.svg", "/assets/f.woff2", "data:image/png;base64,AA"]


@pytest.mark.parametrize(
    ("link", "page", "path"),
    [
        ("/charts/revenue", "/", "/charts/revenue"),
        ("/charts/revenue#part-table", "/", "/charts/revenue"),
        ("revenue.csv", "/charts/revenue", "/charts/revenue.csv"),
        ("../about", "/charts/revenue", "/about"),
        ("https://example.org/charts/revenue.png", "/charts/revenue", "/charts/revenue.png"),
        ("/charts/revenue?from=2017&to=2020", "/", "/charts/revenue?from=2017&to=2020"),
        ("#main", "/about", "/about"),
        ("https://example.org", "/about", "/"),
        ("https://elsewhere.example/charts", "/", None),
        ("http://example.org/charts", "/", None),  # another scheme is another site
        ("//cdn.example/x.js", "/", None),
        ("mailto:desk@example.org", "/", None),
        ("data:image/png;base64,AA", "/", None),
    ],
)
def test_same_site_resolves_a_link_against_its_page(link: str, page: str, path: str | None) -> None:
    assert same_site(link, page, SITE) == path
