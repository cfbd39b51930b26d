"""The dashboard's pages through real HTTP: status codes, parsed HTML, escaping, and the rules of the page."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.charts.registry import CHARTS
from app.main import create_app
from app.settings import Settings

from ..html import attr, figures, marks, one, parse, text
from ..tiny_data import REAL_DATA, edit_cell, write_tiny_data

HOSTILE_SCRIPT = "<script>alert('x')</script>"
HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(1)>'


def estimate_ids() -> list[str]:
    import csv

    with (REAL_DATA / "estimates.csv").open(encoding="utf-8") as handle:
        return [row["id"] for row in csv.DictReader(handle)]


def source_ids() -> list[str]:
    import csv

    with (REAL_DATA / "sources.csv").open(encoding="utf-8") as handle:
        return [row["id"] for row in csv.DictReader(handle)]


PAGES = ["/", "/about", "/charts", "/countries", "/sources"] + [f"/charts/{slug}" for slug in [*CHARTS, "indicator"]]
PAGES += [f"/countries/{code}" for code in ("wld", "chn", "rus", "qat", "kwt", "pol", "mng")]


@pytest.mark.parametrize(
    "path", PAGES + [f"/estimates/{i}" for i in estimate_ids()] + [f"/sources/{i}" for i in source_ids()]
)
def test_every_page_answers_with_safe_html(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = parse(response.text)
    assert text(page, "h1")
    for script in page.select("script"):
        # No inline code: a script has a same-site src, or it is inert JSON data.
        assert attr(script, "src").startswith("/") or attr(script, "type") == "application/json"
    # What the browser fetches (scripts, stylesheets, icons, images) comes from this site.
    for tag in page.select("script[src], link[rel=stylesheet], link[rel=icon], img[src]"):
        assert (attr(tag, "src") or attr(tag, "href")).startswith("/"), tag


def test_content_security_policy_forbids_inline_and_eval(client: TestClient) -> None:
    policy = client.get("/charts/revenue").headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script_src.strip() == "script-src 'self'"


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


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/charts/revenue?indicator=wages", "indicator: 'wages' is not one of revenue_per_year, revenue_total"),
        ("/charts/workers-abroad?countries=chn,xx", "countries: 'xx' is not a country this chart can show; use "),
        ("/charts/workers-abroad?from=2020&to=2018", "to: 2018 is before from=2020"),
        ("/charts/workers-abroad?from=last+year", "from: 'last year' is not a year from 1950 to 2100"),
        ("/charts/revenue?countries=chn", "countries: this chart has no country filter"),
    ],
)
def test_bad_filter_is_a_400_page_naming_the_parameter(client: TestClient, path: str, detail: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    page = parse(response.text)
    assert text(page, "h1") == "Bad request"
    assert text(page, ".error-detail").startswith(detail)


@pytest.mark.parametrize("path", ["/charts/pie", "/estimates/e9999", "/sources/nowhere"])
def test_unknown_things_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert text(parse(response.text), "h1") == "Not found"


def test_tracking_parameters_are_ignored(client: TestClient) -> None:
    assert client.get("/charts/workers-abroad?utm_source=newsletter&fbclid=abc").status_code == 200


def test_chart_table_holds_exactly_the_plotted_claims(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=chn,rus&from=2017&to=2025").text)
    (figure,) = figures(page)
    plotted = sorted(marks(figure))
    tabled = sorted(attr(a, "href").rsplit("/", 1)[1] for a in page.select("table.claims tbody tr td:first-child a"))
    assert plotted == tabled
    assert plotted  # the view is not empty
    places = {td.get_text() for td in page.select("table.claims tbody tr td:nth-of-type(2)")}
    # A place is the country, or the country and a region inside it ("Russia: Primorsky Krai").
    assert {place.split(": ", 1)[0] for place in places} == {"China", "Russia"}


def test_filters_in_any_order_give_the_same_view(client: TestClient) -> None:
    one = client.get("/charts/workers-abroad?countries=RUS,chn").text
    two = client.get("/charts/workers-abroad?countries=chn,rus").text
    assert one == two


def test_every_chart_has_its_words(client: TestClient) -> None:
    page = parse(client.get("/charts/revenue").text)
    chart = one(page, "figure.chart")
    assert text(chart, ".chart-title") == "What North Korea earns from its workers abroad"
    assert text(chart, ".chart-subtitle")
    assert text(chart, ".source-line").startswith("Sources: ")
    description = one(chart, ".chart-description")
    assert attr(one(chart, ".chart-plot"), "aria-describedby") == attr(description, "id")
    assert "claims about revenue per year" in description.get_text()


def test_home_headlines_are_ranges_with_their_claims(client: TestClient) -> None:
    page = parse(client.get("/").text)
    russia = next(h for h in page.select(".headline") if text(h, "h3") == "Workers in Russia")
    assert text(russia, ".headline-figure") == "about 4,000 to about 15,000 workers"
    claims = [attr(a, "href") for a in russia.select(".headline-claims a")]
    assert len(claims) == 2
    assert all(href.startswith("/estimates/e") for href in claims)


def test_estimate_page_has_the_quote_and_the_disagreeing_claims(client: TestClient) -> None:
    page = parse(client.get("/estimates/e0004").text)  # Russia repatriated 18,533 (Yonhap)
    assert "18,533" in text(page, ".quote p")
    facts = {
        dt.get_text(): dd.get_text() for dt, dd in zip(page.select(".facts dt"), page.select(".facts dd"), strict=True)
    }
    assert facts["Claimant"].startswith("Russian government")
    assert facts["Period described"].startswith("Dec 2017 to Dec 2018")


@pytest.fixture
def hostile_client(tmp_path: Path) -> TestClient:
    data = write_tiny_data(tmp_path / "data")
    edit_cell(data / "estimates.csv", 1, "claimant", HOSTILE_SCRIPT)
    edit_cell(data / "estimates.csv", 1, "measure", HOSTILE_ATTRIBUTE)
    edit_cell(data / "estimates.csv", 1, "quote", HOSTILE_SCRIPT + HOSTILE_ATTRIBUTE)
    edit_cell(data / "estimates.csv", 1, "notes", HOSTILE_ATTRIBUTE)
    edit_cell(data / "sources.csv", 1, "title", HOSTILE_ATTRIBUTE)
    edit_cell(data / "events.csv", 1, "label", "<b>x</b>" + HOSTILE_ATTRIBUTE[:20])
    return TestClient(create_app(Settings(data_dir=data)))


@pytest.mark.parametrize(
    "path", ["/", "/charts/workers-abroad", "/countries/rus", "/estimates/e0001", "/sources/s-one", "/sources"]
)
def test_hostile_text_is_escaped(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path)
    assert response.status_code == 200
    page = parse(response.text)
    assert not page.select("img")
    assert all(attr(s, "src") or attr(s, "type") == "application/json" for s in page.select("script"))
    assert HOSTILE_SCRIPT not in response.text
    for figure in figures(page):
        text = json.dumps(figure)
        assert "<script>" not in text
        assert "<img" not in text


def test_hostile_text_is_shown_as_text(hostile_client: TestClient) -> None:
    page = parse(hostile_client.get("/estimates/e0001").text)
    assert text(page, ".quote p") == HOSTILE_SCRIPT + HOSTILE_ATTRIBUTE


def test_plotly_is_served_from_this_site_under_a_hashed_name(client: TestClient) -> None:
    page = parse(client.get("/").text)
    src = next(attr(s, "src") for s in page.select("script[src]") if "plotly" in attr(s, "src"))
    assert src.startswith("/assets/plotly.")
    response = client.get(src)
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    assert response.text.startswith("/**\n* plotly.js (basic - minified) v")  # `make` fetched the basic bundle
    assert client.get("/assets/plotly.0000.js").status_code == 404
