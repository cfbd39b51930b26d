"""Embeds (``app/routes/embeds.py``): the chart with minimal chrome for an iframe, and oEmbed."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from ..html import BASE, attr, figures, one, parse, text


def oembed(client: TestClient, url: str, **params: Any) -> Any:
    query = "&".join([f"url={quote(url, safe='')}"] + [f"{k}={v}" for k, v in params.items()])
    return client.get(f"/oembed?{query}")


def test_oembed_answers_field_by_field(client: TestClient) -> None:
    response = oembed(client, f"{BASE}/charts/workers-abroad?countries=rus,chn&from=2017", format="json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {
        "type",
        "version",
        "title",
        "provider_name",
        "provider_url",
        "cache_age",
        "html",
        "width",
        "height",
    }
    assert body["type"] == "rich"
    assert body["version"] == "1.0"
    assert body["title"] == "North Korean workers in each host country: China, Russia"
    assert body["provider_name"] == "North Korean Workers Abroad"
    assert body["provider_url"] == f"{BASE}/"
    assert body["cache_age"] == 86400
    assert (body["width"], body["height"]) == (720, 640)
    frame = one(parse(body["html"]), "iframe")
    assert attr(frame, "src") == f"{BASE}/embed/workers-abroad?countries=chn,rus&from=2017"
    assert attr(frame, "title") == body["title"]
    assert attr(frame, "loading") == "lazy"
    assert (attr(frame, "width"), attr(frame, "height")) == ("720", "640")
    assert attr(one(parse(body["html"]), "script"), "src") == f"{BASE}/embed.js"


def test_oembed_takes_embed_urls_too(client: TestClient) -> None:
    body = oembed(client, f"{BASE}/embed/revenue?theme=dark").json()
    assert attr(one(parse(body["html"]), "iframe"), "src") == f"{BASE}/embed/revenue"


@pytest.mark.parametrize(
    ("maxwidth", "maxheight", "expected"), [(500, None, (500, 640)), (None, 300, (720, 300)), (900, 900, (720, 640))]
)
def test_oembed_respects_maxwidth_and_maxheight(
    client: TestClient, maxwidth: int | None, maxheight: int | None, expected: tuple[int, int]
) -> None:
    params = {k: v for k, v in {"maxwidth": maxwidth, "maxheight": maxheight}.items() if v is not None}
    body = oembed(client, f"{BASE}/charts/revenue", **params).json()
    assert (body["width"], body["height"]) == expected
    frame = one(parse(body["html"]), "iframe")
    assert (attr(frame, "width"), attr(frame, "height")) == tuple(str(v) for v in expected)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/charts/revenue",
        f"{BASE}/countries/rus",
        f"{BASE}/charts/pie",
        f"{BASE}/charts/workers-abroad?countries=xx",
        "not a url",
    ],
)
def test_oembed_404_for_urls_that_are_not_our_charts(client: TestClient, url: str) -> None:
    response = oembed(client, url)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_oembed_501_for_formats_other_than_json(client: TestClient) -> None:
    assert oembed(client, f"{BASE}/charts/revenue", format="xml").status_code == 501


def test_oembed_400_for_a_bad_maxwidth(client: TestClient) -> None:
    assert oembed(client, f"{BASE}/charts/revenue", maxwidth="wide").status_code == 400


@pytest.mark.parametrize("path", ["/charts/revenue", "/embed/revenue?theme=dark"])
def test_discovery_tag(client: TestClient, path: str) -> None:
    link = one(parse(client.get(path).text), 'link[rel="alternate"][type="application/json+oembed"]')
    href = attr(link, "href")
    assert href.startswith(f"{BASE}/oembed?url=")
    assert client.get(href.removeprefix(BASE)).status_code == 200


def test_embed_page_has_minimal_chrome(client: TestClient) -> None:
    response = client.get("/embed/workers-abroad?countries=rus&theme=dark")
    assert response.status_code == 200
    page = parse(response.text)
    assert attr(one(page, "html"), "data-theme") == "dark"
    assert text(page, ".chart-title") == "North Korean workers in each host country: Russia"
    assert text(page, ".chart-subtitle")
    assert text(page, ".source-line").startswith("Sources: ")
    links = {a.get_text(): attr(a, "href") for a in page.select(".embed-links a")}
    assert links["Get the data"] == "/charts/workers-abroad.csv?countries=rus"
    assert links["Full view with every claim and quote"] == "/charts/workers-abroad?countries=rus"
    assert not page.select("nav, table")
    assert len(figures(page)) == 1


def test_embed_theme_must_be_known(client: TestClient) -> None:
    response = client.get("/embed/revenue?theme=neon")
    assert response.status_code == 400
    assert "theme" in text(parse(response.text), ".error-detail")
