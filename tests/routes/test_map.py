"""The map of host countries (``app/routes/maps.py``): page, table twin, CSV and JSON, and bad parameters."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from ..html import BASE, attr, one, parse, text

HEADER = (
    "country,country_name,kind,latest_year,range,value_low,value_high,claims,sources,covers_part_only,claim_ids,"
    "country_url\n"
)


def test_the_table_lists_every_country_the_map_draws(client: TestClient) -> None:
    page = parse(client.get("/map").text)
    rows = page.select("table.map-table tbody tr")
    names = [row.th.get_text(strip=True) for row in rows if row.th]
    plot = json.loads(text(page, "#map-data"))
    links = [attr(a, "href") for a in page.select("table.map-table tbody th a")]
    assert links == [place["url"] for place in plot["places"]]
    with io.StringIO(client.get("/map.csv").text.lstrip("\ufeff")) as handle:
        hosts = [row["country_name"] for row in csv.DictReader(handle) if row["kind"] == "country"]
    assert names == hosts
    assert {"Russia", "China", "Malta", "Kuwait", "Qatar"} <= set(names)
    # The world and groups are listed under the map, not drawn on it.
    assert [a.get_text() for a in page.select(".map-groups a")] == [
        "European Union",
        "Gulf Cooperation Council states",
        "Worldwide",
    ]
    plot_area = one(page, ".host-map-plot")
    assert attr(plot_area, "role") == "img"
    assert attr(plot_area, "aria-label") == "Map: Workers abroad, latest claims by host country"
    assert "#map-table" in str(one(page, "#" + attr(plot_area, "aria-describedby")))


def test_csv_and_json_twins_hold_the_same_rows(tiny_client: TestClient) -> None:
    row = 'RUS,Russia,country,2018,"about 30,000 workers",30000,30000,1,1,,e0001,http://localhost/countries/rus\n'
    response = tiny_client.get("/map.csv")
    assert response.content == ("\ufeff" + HEADER + row).encode()
    assert (
        response.headers["content-disposition"]
        == 'attachment; filename="nk-workers-abroad-map-workers-abroad-2.0.0.csv"'
    )
    body = tiny_client.get("/map.json").json()
    assert body["url"] == f"{BASE}/map"
    assert body["rows"] == [
        {
            "country": "RUS",
            "country_name": "Russia",
            "kind": "country",
            "latest_year": 2018,
            "range": "about 30,000 workers",
            "value_low": 30000,
            "value_high": 30000,
            "claims": 1,
            "sources": 1,
            "covers_part_only": "",
            "claim_ids": "e0001",
            "country_url": f"{BASE}/countries/rus",
        }
    ]


def test_as_of_keeps_only_what_was_published_by_then(tiny_client: TestClient) -> None:
    """The tiny dataset's only claim about Russia was published on 23 Dec 2019."""
    assert tiny_client.get("/map.csv?as_of=2019-12-22").content == ("\ufeff" + HEADER).encode()
    page = parse(tiny_client.get("/map?as_of=2019-12-22").text)
    assert page.select("table.map-table") == []
    assert "had been published by 22 Dec 2019" in page.get_text()
    assert attr(one(page, 'input[name="as_of"]'), "value") == "2019-12-22"
    body = tiny_client.get("/map.json?as_of=2019-12-23").json()
    assert body["filters"] == {"as_of": "2019-12-23"}
    assert [row["country"] for row in body["rows"]] == ["RUS"]


def test_controls_are_a_plain_get_form(client: TestClient) -> None:
    page = parse(client.get("/map?indicator=work_permits").text)
    form = one(page, "form.map-controls")
    assert (attr(form, "method"), attr(form, "action")) == ("get", "/map")
    assert attr(one(form, "option[selected]"), "value") == "work_permits"
    assert "revenue_total" not in [attr(option, "value") for option in form.select("option")]  # worldwide only
    assert attr(one(page, "a[href^='/map.csv']"), "href") == "/map.csv?indicator=work_permits"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/map?indicator=revenue_total", "indicator: 'revenue_total' is not an indicator with claims about single"),
        ("/map.csv?as_of=2019-02-30", "as_of: '2019-02-30' is not a date written YYYY-MM-DD from 1950 to 2100"),
        ("/map.json?as_of=1900-01-01", "as_of: '1900-01-01' is not a date written YYYY-MM-DD from 1950 to 2100"),
        ("/map?indicator=a&indicator=b", "indicator: give one value, not 2"),
        ("/map.xml", "extension: Input should be 'csv' or 'json'"),
    ],
)
def test_bad_parameters_are_400_with_a_precise_message(tiny_client: TestClient, path: str, message: str) -> None:
    response = tiny_client.get(path)
    assert response.status_code == 400
    assert message in response.text.replace("&#39;", "'")


def test_the_overview_has_a_compact_map_and_the_navigation_a_map_link(client: TestClient) -> None:
    page = parse(client.get("/").text)
    assert attr(one(page, ".map-section .host-map-plot"), "data-shapes").startswith("/assets/world.")
    assert "/map" in [attr(a, "href") for a in page.select(".map-section a")]
    navigation = [a.get_text() for a in page.select('nav[aria-label="Main"] a')]
    assert navigation[navigation.index("Charts") + 1] == "Map"


def test_the_shapes_are_served_by_the_site(client: TestClient) -> None:
    page = parse(client.get("/map").text)
    response = client.get(attr(one(page, ".host-map-plot"), "data-shapes"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    shapes = response.json()
    assert {"RUS", "CHN", "POL"} <= set(shapes)
    assert "MLT" not in shapes  # too small for 1:110m: its dot is all the map draws
