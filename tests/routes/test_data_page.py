"""The data page (``app/routes/data_page.py``), its downloads and the links that lead to it, read as parsed HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.settings import Settings

from ..clients import app_client
from ..html import BASE, attr, one, parse, text
from ..tiny_data import REAL_DATA, dataset_version

VERSION = dataset_version()
# What each kind of download must answer with; a link to anything else on /data fails the test.
MEDIA_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".zip": "application/zip",
    ".bib": "application/x-bibtex; charset=utf-8",
    ".ris": "application/x-research-info-systems; charset=utf-8",
    ".cff": "application/yaml; charset=utf-8",
}
PAGES = ["/", "/about", "/charts", "/charts/revenue", "/countries", "/countries/rus", "/estimates/e0001", "/sources"]


def descriptor() -> dict[str, object]:
    with (REAL_DATA / "datapackage.json").open(encoding="utf-8") as handle:
        found: dict[str, object] = json.load(handle)
    return found


@pytest.fixture(scope="module")
def data_page(client: TestClient) -> BeautifulSoup:
    response = client.get("/data")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return parse(response.text)


def local_path(href: str) -> str:
    return href.removeprefix(BASE)


def test_every_download_link_answers_with_its_media_type(client: TestClient, data_page: BeautifulSoup) -> None:
    hrefs = {local_path(attr(a, "href")) for a in one(data_page, "main").select("a[href]")}
    downloads = sorted(href for href in hrefs if href.startswith("/data/") or href == "/CITATION.cff")
    # Every table twice, the versioned and latest zips, the descriptor, BibTeX, RIS and CITATION.cff.
    assert len(downloads) == 4 * 2 + 2 + 1 + 3, downloads
    for href in downloads:
        response = client.get(href)
        assert response.status_code == 200, href
        assert response.headers["content-type"] == MEDIA_TYPES[Path(href).suffix], href
        assert response.content, href


def test_every_table_is_offered_as_csv_and_json_with_its_row_count(
    client: TestClient, data_page: BeautifulSoup
) -> None:
    rows = data_page.select("table.data-downloads tbody tr")
    assert len(rows) == 4
    for row in rows:
        name = attr(one(row, "th a"), "href").removeprefix("#table-")
        links = [attr(a, "href") for a in row.select("td a")]
        assert links == [f"/data/{name}.csv", f"/data/{name}.json"]
        rows_in_json = len(client.get(f"/data/{name}.json").json()["rows"])
        assert text(row, "td.num") == f"{rows_in_json:,}"


def test_dictionary_lists_every_field_of_every_resource(data_page: BeautifulSoup) -> None:
    resources = descriptor()["resources"]
    assert isinstance(resources, list)
    for resource in resources:
        section = one(data_page, f"#table-{resource['name']}").find_parent("section")
        assert section is not None
        names = [element.get_text() for element in section.select(".field .field-name")]
        assert names == [field["name"] for field in resource["schema"]["fields"]]
        for field in resource["schema"]["fields"]:
            block = one(section, f"#{resource['name']}-{field['name']}")
            assert field["description"] in block.get_text(" ")
            assert text(block, ".field-type").startswith(field["type"])
            facts = text(block, ".field-facts")
            required = field.get("constraints", {}).get("required") or resource["schema"]["primaryKey"] == [
                field["name"]
            ]
            assert ("required" in facts) == bool(required), field["name"]
            codes = [cell.get_text() for cell in block.select("table.codes tbody th code")]
            assert codes == [category["value"] for category in field.get("categories", [])]


def test_indicators_have_their_units_and_definitions(data_page: BeautifulSoup) -> None:
    block = one(data_page, "#estimates-indicator")
    rows = {one(row, "th code").get_text(): row for row in block.select("table.codes tbody tr")}
    assert "Headcount" in rows["workers_abroad"].get_text()
    assert rows["workers_abroad"].select("td")[-1].get_text() == "workers"
    assert rows["repatriated_percent"].select("td")[-1].get_text() == "percent"


def test_primary_key_and_references_are_stated(data_page: BeautifulSoup) -> None:
    assert "unique" in text(data_page, "#estimates-id .field-facts")
    assert "a value of sources.id" in text(data_page, "#estimates-source_id .field-rules")
    assert "a value of estimates.id" in text(
        data_page, "#estimates-repeats .field-rules"
    )  # a reference to its own table


def test_licence_comes_from_the_descriptor(tiny: Path, cache_dir: Path) -> None:
    path = tiny / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    package["licenses"] = [
        {"name": "CC0-1.0", "title": "CC0 1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/"}
    ]
    path.write_text(json.dumps(package), encoding="utf-8")
    with app_client(Settings(data_dir=tiny, cache_dir=cache_dir)) as client:
        page = parse(client.get("/data").text)
        cff = client.get("/CITATION.cff").text
    links = page.select('#licence ~ p a[rel="license"]')
    assert [(attr(a, "href"), a.get_text()) for a in links] == [
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0")
    ]
    assert "CC0 1.0" in text(page, "#data-citation")
    assert '\nlicense: "CC0-1.0"\n' in cff


def test_citation_text_names_version_address_and_licence(data_page: BeautifulSoup) -> None:
    citation = text(data_page, "#data-citation")
    assert f"version {VERSION}" in citation
    assert f"{BASE}/v/{VERSION}/data." in citation
    assert "Creative Commons Attribution 4.0" in citation


def test_latest_zip_is_the_versioned_zip_under_a_stable_address(client: TestClient) -> None:
    versioned = client.get(f"/data/nk-workers-abroad-{VERSION}.zip")
    latest = client.get("/data/nk-workers-abroad-latest.zip")
    assert latest.status_code == versioned.status_code == 200
    assert latest.content == versioned.content
    disposition = f'attachment; filename="nk-workers-abroad-{VERSION}.zip"'
    assert latest.headers["content-disposition"] == versioned.headers["content-disposition"] == disposition
    assert "immutable" in versioned.headers["cache-control"]
    assert "immutable" not in latest.headers["cache-control"]
    assert latest.headers["cache-control"] == "private, max-age=300"  # no base URL: its README names the host


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/data/workers", "There is no file 'workers' under /data; /data lists every download."),
        ("/data/events", "The events table is at /data/events.csv or /data/events.json."),
        ("/data/citation.txt", "/data/citation.bib (BibTeX), /data/citation.ris (RIS) or /CITATION.cff"),
        ("/data/nk-workers-abroad-0.9.zip", "/data/nk-workers-abroad-latest.zip is always the latest"),
    ],
)
def test_bad_paths_under_data_are_404s_that_say_where_to_look(small_client: TestClient, path: str, words: str) -> None:
    response = small_client.get(path)
    assert response.status_code == 404
    assert words in response.json()["error"]["detail"]


def test_data_with_a_trailing_slash_leads_to_the_page(small_client: TestClient) -> None:
    response = small_client.get("/data/")
    assert response.status_code == 200
    assert response.url.path == "/data"


@pytest.mark.parametrize("path", [*PAGES, "/data", "/no-such-page"])
def test_main_navigation_has_data_between_sources_and_about(client: TestClient, path: str) -> None:
    page = parse(client.get(path).text)
    items = [(a.get_text(), attr(a, "href")) for a in page.select('nav[aria-label="Main"] a')]
    labels = [label for label, _href in items]
    assert labels[labels.index("Sources") + 1 : labels.index("About")] == ["Data"]
    assert ("Data", "/data") in items
    assert "/data" in [attr(a, "href") for a in page.select("footer.site-footer a")]


def test_home_links_the_data_page_right_under_the_lede(client: TestClient) -> None:
    main = one(parse(client.get("/").text), "main")
    first_section = one(main, "h2")
    pointer = one(main, ".lede").find_next("a")
    assert pointer is not None
    assert attr(pointer, "href") == "/data"
    assert "dataset" in pointer.get_text()
    assert "cite" in pointer.get_text()
    # Before the first section heading: a reader sees it without scrolling past the headlines.
    assert pointer.sourceline is not None
    assert first_section.sourceline is not None
    assert pointer.sourceline < first_section.sourceline
