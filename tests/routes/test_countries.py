"""Host countries (``app/routes/countries.py``): the list by region, each country, other spellings, unknown ones."""

from __future__ import annotations

import csv

import pytest
from fastapi.testclient import TestClient

from ..html import attr, parse, text
from ..tiny_data import REAL_DATA


@pytest.mark.parametrize(
    ("path", "target"), [("/countries/RUS", "/countries/rus"), ("/countries/Russia", "/countries/rus")]
)
def test_other_spellings_redirect(client: TestClient, path: str, target: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == target


def test_unknown_country_is_a_404_listing_the_known_ones(client: TestClient) -> None:
    response = client.get("/countries/atlantis")
    assert response.status_code == 404
    page = parse(response.text)
    links = {attr(a, "href") for a in page.select(".error-links a")}
    with (REAL_DATA / "estimates.csv").open(encoding="utf-8") as handle:
        with_claims = {row["country"].lower() for row in csv.DictReader(handle)}
    assert links == {f"/countries/{code}" for code in with_claims}
    assert {"/countries/wld", "/countries/rus", "/countries/npl"} <= links


def test_countries_are_grouped_by_region_with_counts(tiny_client: TestClient) -> None:
    page = parse(tiny_client.get("/countries").text)
    groups = [section.h2.get_text() for section in page.select("section.country-group") if section.h2]
    assert groups == ["Worldwide", "Russia and Central Asia"]
    russia = page.select("section.country-group")[1]
    assert "1 host country, 2 claims" in text(russia, ".section-note")
    assert " ".join(text(page, ".lede").split()).startswith("1 host country with at least one claim")
