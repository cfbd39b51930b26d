"""A chart's twins (``/charts/{name}.csv`` and the rest, in ``app/routes/charts.py``): its plotted rows as CSV and
JSON, PNG and SVG images, and the Plotly figure the page's script draws."""

from __future__ import annotations

import csv
import io
import json
import struct
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from ..html import BASE, attr, figures, marks, one, parse
from ..tiny_data import ROOT, dataset_version

VERSION = dataset_version()


def plotted_ids(client: TestClient, path: str) -> list[str]:
    (figure,) = figures(client, parse(client.get(path).text))
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


def test_chart_download_carries_verification_and_chain(chained: TestClient) -> None:
    body = chained.get("/charts/workers-abroad.csv").content.decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(body))}
    assert {key: rows["e0003"][key] for key in ("verification", "repeats", "original_id", "quote_language")} == {
        "verification": "republished_copy",
        "repeats": "e0001",
        "original_id": "e0002",
        "quote_language": "en",
    }
    assert rows["e0001"]["original_id"] == "e0002"


def test_the_download_holds_exactly_what_is_drawn(many_countries_client: TestClient) -> None:
    page = parse(many_countries_client.get("/charts/workers-abroad").text)
    body = many_countries_client.get("/charts/workers-abroad.csv").content.decode("utf-8-sig")
    assert sorted(row["id"] for row in csv.DictReader(io.StringIO(body))) == sorted(
        marks(figures(many_countries_client, page)[0])
    )


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


def test_svg_carries_the_key_the_dataset_version_and_the_licence(client: TestClient) -> None:
    root = ET.fromstring(client.get("/charts/revenue.svg").content)
    # Wrapped lines and bold runs are separate text elements: read the words as one spaced text.
    words = " ".join(" ".join(root.itertext()).split())
    key = [li.get_text(" ", strip=True) for li in parse(client.get("/charts/revenue").text).select(".chart-key li")]
    assert key, "the page shows no key"
    for entry in key:
        assert " ".join(entry.split()) in words
    assert f"Dataset version {VERSION}" in words
    with (ROOT / "data" / "datapackage.json").open(encoding="utf-8") as handle:
        (licence,) = json.load(handle)["licenses"]
    assert f"Licence: {licence['title']} ({licence['name']}), {licence['path']}" in words


def test_the_plotly_twin_is_the_figure_the_page_draws(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=chn,rus&from=2017").text)
    source = attr(one(page, ".chart-plot"), "data-figure-src")
    assert source == "/charts/workers-abroad.plotly?countries=chn,rus&from=2017"
    response = client.get(source)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert "content-disposition" not in response.headers  # read by the page's script, not a download
    figure = response.json()
    tabled = sorted(attr(a, "href").rsplit("/", 1)[1] for a in page.select("table.claims tbody tr td:first-child a"))
    assert sorted(marks(figure)) == tabled
    assert figure["layout"]["meta"]


def test_the_plotly_twin_refuses_a_bad_filter_as_the_page_does(client: TestClient) -> None:
    response = client.get("/charts/workers-abroad.plotly?from=20x7")
    assert response.status_code == 400
    assert "from" in response.text
