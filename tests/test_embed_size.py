"""The embed's height worked out on the server (app/embed_size.py): from the page's own words and lengths."""

from __future__ import annotations

import re
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.charts.svg import LAYOUT_MIN_WIDTHS
from app.charts.views import ChartView
from app.embed_size import (
    KEY,
    LINKS,
    NOTE,
    PAGE_PAD_X,
    PAGE_PAD_Y,
    SOURCE,
    SUBTITLE,
    TITLE,
    chart_height,
    embed_height,
    embed_text,
)
from app.embeds import OEMBED_DEFAULT_WIDTH
from app.text_width import line_count, text_px

from .html import BASE, one, parse
from .tiny_data import ROOT

SITE = "North Korean Workers Abroad"
CSS = (ROOT / "static" / "site.css").read_text(encoding="utf-8")


def default_views(client: TestClient) -> list[ChartView]:
    edition: Any = client.app.state.context.latest  # type: ignore[attr-defined]
    return [edition.views.default(spec) for spec in edition.views.specs.values()]


def test_the_stylesheet_states_the_lengths_the_height_is_worked_out_from() -> None:
    section = CSS[CSS.index("/* == Embeds sized by the server") :]
    expected = [
        f"padding: {PAGE_PAD_Y}px {PAGE_PAD_X}px",
        f".chart-title {{ font-size: {TITLE.font_px}px; line-height: {TITLE.line_px}px",
        f".chart-subtitle {{ font-size: {SUBTITLE.font_px}px; line-height: {SUBTITLE.line_px}px",
        f".chart-key {{ font-size: {KEY.font_px}px; line-height: {KEY.line_px}px",
        f".chart-panels-note {{ font-size: {NOTE.font_px}px; line-height: {NOTE.line_px}px",
        f".source-line {{ font-size: {SOURCE.font_px}px; line-height: {SOURCE.line_px}px",
        f".embed-links {{ font-size: {LINKS.font_px}px; line-height: {LINKS.line_px}px",
    ]
    assert [rule for rule in expected if rule not in section] == []


def test_each_drawing_is_shown_from_the_width_the_height_assumes() -> None:
    """site.css's @container rules show each variant from the width LAYOUT_MIN_WIDTHS gives it."""
    shown_from = {
        variant: int(width)
        for width, rules in re.findall(r"@container \(min-width: (\d+)px\) \{(.*?)\n\}", CSS, re.DOTALL)
        for selectors in re.findall(r"([^{}]*)\{ display: block", rules)
        for variant in re.findall(r"\.chart-svg-(\w+)", selectors)
    }
    assert shown_from == {variant: width for variant, width in LAYOUT_MIN_WIDTHS.items() if width}


def test_text_estimates_are_never_narrower_than_the_words_fit() -> None:
    assert text_px("", 14) == 0
    assert text_px("WWW", 14) > text_px("iii", 14)
    assert text_px("C\u00f4te", 14) == text_px("Cote", 14)  # an accent takes its letter's width
    assert line_count("", 300, 14) == 0
    assert line_count("one", 300, 14) == 1
    words = "a claim stated by a source " * 20
    assert [line_count(words, width, 14) for width in (200, 400, 800)] == sorted(
        [line_count(words, width, 14) for width in (200, 400, 800)], reverse=True
    )


def test_the_words_counted_are_the_embed_page_s_own(client: TestClient) -> None:
    for view in default_views(client):
        page = parse(client.get(f"/embed/{view.slug}").text)
        text = embed_text(view, site_name=SITE, version="")

        def words(selector: str, page: BeautifulSoup = page) -> str:
            return " ".join(one(page, selector).get_text().split())

        assert text.title == words(".chart-title")
        assert text.subtitle == words(".chart-subtitle")
        assert text.sources == words(".source-line")
        assert text.links.split(" data release ")[0] == words(".embed-links").split(" data release ")[0]
        assert list(text.key) == [" ".join(li.get_text().split()) for li in page.select(".chart-key li")]
        if text.key:
            assert text.key_note == words(".chart-key-note")
        assert list(text.notes) == [" ".join(p.get_text().split()) for p in page.select(".chart-panels-note")]


@pytest.mark.parametrize("layouts", [("narrow", "medium", "wide"), ("c1", "c2", "c3", "c4")])
def test_the_height_only_shrinks_as_the_width_grows_within_one_drawing(
    client: TestClient, layouts: tuple[str, ...]
) -> None:
    """Within one layout the drawing keeps its height and text wraps less; every default view is covered."""
    views = [view for view in default_views(client) if (view.panels != ()) == (layouts[0] == "c1")]
    bounds = [*sorted({LAYOUT_MIN_WIDTHS[name] for name in layouts})[1:], 10_000]
    for view in views:
        heights = {width: embed_height(view, width, site_name=SITE, version="1.0.0") for width in range(320, 1601, 8)}
        for width in heights:
            wider = width + 8
            same_layout = next(b for b in bounds if width - 2 * PAGE_PAD_X < b) > wider - 2 * PAGE_PAD_X
            if wider in heights and same_layout:
                assert heights[wider] <= heights[width], f"{view.slug}: {width} px -> {wider} px"
        assert min(heights.values()) >= chart_height(view.svg, 10_000) + 100  # the words add lines to the chart


def test_oembed_states_the_height_at_the_width_it_is_asked_for(client: TestClient) -> None:
    url = f"{BASE}/charts/workers-abroad"
    narrow = client.get("/oembed", params={"url": url, "maxwidth": 360}).json()
    wide = client.get("/oembed", params={"url": url}).json()
    assert wide["width"] == OEMBED_DEFAULT_WIDTH
    assert narrow["height"] > wide["height"]  # small multiples take more rows, text more lines
    assert f'height="{narrow["height"]}"' in narrow["html"]
    capped = client.get("/oembed", params={"url": url, "maxheight": 300}).json()
    assert capped["height"] == 300


def test_the_chart_page_s_snippet_is_sized_for_the_nominal_width(client: TestClient) -> None:
    url = f"{BASE}/charts/repatriations"
    answer = client.get("/oembed", params={"url": url}).json()
    page = client.get("/charts/repatriations").text
    assert f'height="{answer["height"]}"' in page.replace("&#34;", '"').replace("&quot;", '"')
