"""What a journalist takes away: oEmbed, embed pages, chart downloads, the zip, images, framing, citations."""

from __future__ import annotations

import csv
import io
import json
import struct
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from frictionless import Package

from app.data.descriptor import Descriptor

from ..html import attr, figures, marks, one, parse, text
from ..tiny_data import REAL_DATA

BASE = "http://testserver"
VERSION = Descriptor.read(REAL_DATA).version


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


def test_framing_headers(client: TestClient) -> None:
    charts_js = next(attr(s, "src") for s in parse(client.get("/embed/revenue").text).select("script[src]"))
    for path in ("/embed/revenue", "/embed.js", charts_js):
        headers = client.get(path).headers
        assert headers["content-security-policy"].endswith("frame-ancestors *"), path
        assert "x-frame-options" not in headers, path
    for path in ("/", "/charts/revenue", "/countries/rus"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].endswith("frame-ancestors 'self'"), path
        assert headers["x-frame-options"] == "SAMEORIGIN", path


def test_chart_page_offers_embed_code_downloads_and_citation(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=rus").text)
    snippet = parse(one(page, "#embed-code").get_text())
    frame = one(snippet, "iframe")
    assert attr(frame, "src") == f"{BASE}/embed/workers-abroad?countries=rus"
    assert attr(frame, "title") == "North Korean workers in each host country: Russia"
    assert attr(frame, "loading") == "lazy"
    assert "width:100%" in attr(frame, "style")
    assert attr(one(snippet, "script"), "src") == f"{BASE}/embed.js"
    assert attr(one(page, "button[data-copy=embed-code]"), "type") == "button"
    downloads = {a.get_text(): attr(a, "href") for a in page.select(".take-away a")}
    assert downloads["CSV"] == "/charts/workers-abroad.csv?countries=rus"
    assert downloads["PNG"] == "/charts/workers-abroad.png?countries=rus"
    full = text(page, "#citation-full")
    assert f"version {VERSION}" in full
    assert f"{BASE}/charts/workers-abroad?countries=rus" in full
    assert "Accessed " in full
    assert "Sputnik" in full  # a publisher of the plotted claims
    assert attr(one(page, 'meta[property="og:image"]'), "content") == f"{BASE}/charts/workers-abroad.png?countries=rus"
    assert attr(one(page, 'meta[name="twitter:image"]'), "content") == f"{BASE}/charts/workers-abroad.png?countries=rus"


def plotted_ids(client: TestClient, path: str) -> list[str]:
    (figure,) = figures(parse(client.get(path).text))
    return sorted(marks(figure))


@pytest.mark.parametrize(
    "chart", ["workers-abroad?countries=chn,rus&from=2017&to=2025", "revenue?indicator=revenue_total", "repatriations"]
)
def test_chart_csv_and_json_hold_exactly_the_plotted_rows(client: TestClient, chart: str) -> None:
    slug, _, query = chart.partition("?")
    suffix = f"?{query}" if query else ""
    csv_response = client.get(f"/charts/{slug}.csv{suffix}")
    json_response = client.get(f"/charts/{slug}.json{suffix}")
    assert csv_response.status_code == json_response.status_code == 200
    csv_rows = list(csv.DictReader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    json_rows = json_response.json()["rows"]
    assert sorted(row["id"] for row in csv_rows) == plotted_ids(client, f"/charts/{chart}")
    as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in json_rows]
    assert csv_rows == as_text
    assert all(row["quote"] and row["publisher"] and row["estimate_url"].startswith(BASE) for row in csv_rows)
    disposition = csv_response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="nk-workers-abroad-')
    assert disposition.endswith(f'-{VERSION}.csv"')


def test_whole_table_csv_parses_back_to_the_json_rows(client: TestClient) -> None:
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/data/events.csv").content.decode("utf-8-sig"))))
    json_rows = client.get("/data/events.json").json()["rows"]
    assert csv_rows == [{k: "" if v is None else str(v) for k, v in row.items()} for row in json_rows]


def test_datapackage_descriptor_is_served(client: TestClient) -> None:
    assert client.get("/data/datapackage.json").json() == json.loads((REAL_DATA / "datapackage.json").read_text())


def test_zip_is_a_valid_data_package(client: TestClient, tmp_path: Path) -> None:
    response = client.get(f"/data/nk-workers-abroad-{VERSION}.zip")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="nk-workers-abroad-{VERSION}.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path)
    assert names == {
        "estimates.csv",
        "sources.csv",
        "events.csv",
        "countries.csv",
        "datapackage.json",
        "README.md",
        "LICENSE.txt",
    }
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, [error.message for task in report.tasks for error in task.errors]
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "## Data dictionary" in readme
    assert "`workers_abroad` (Workers abroad)" in readme
    assert "## How to cite" in readme
    assert "CC BY 4.0" in readme
    assert client.get("/data/nk-workers-abroad-0.9.zip").status_code == 404


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_is_an_image_of_the_requested_chart(client: TestClient) -> None:
    response = client.get("/charts/workers-abroad.png?countries=rus")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert png_size(response.content) == (1200, 675)
    assert response.headers["content-disposition"].endswith(f'workers-abroad-rus-{VERSION}.png"')


def test_svg_is_an_image_of_the_requested_chart_with_its_words(client: TestClient) -> None:
    response = client.get("/charts/workers-abroad.svg?countries=rus")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    words = " ".join(root.itertext())
    assert "North Korean workers in each host country: Russia" in words
    assert "Sources:" in words
    assert "North Korean Workers Abroad" in words
    assert f"{BASE}/charts/workers-abroad?countries=rus" in words
    points = [el for el in root.iter("{http://www.w3.org/2000/svg}path") if "point" in (el.get("class") or "")]
    assert len(points) == len(plotted_ids(client, "/charts/workers-abroad?countries=rus")) + len(
        parse(client.get("/charts/workers-abroad?countries=rus").text).select(".chart-events li")
    )


def test_citation_file_exists() -> None:
    cff = (REAL_DATA.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version: 1.2.0" in cff
    assert "title:" in cff
