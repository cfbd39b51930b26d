"""One chart on its page (``app/routes/charts.py``): filters, words, what is drawn, many claims or countries."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.charts.aggregate import MAX_DRAWN_CLAIMS
from app.settings import Settings

from ..clients import app_client
from ..html import BASE, attr, claim_traces, figures, marks, one, parse, text
from ..tiny_data import MANY_COUNTRY_CODES as CODES
from ..tiny_data import ROWS, dataset_version, write_tiny_data

VERSION = dataset_version()


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/charts/revenue?indicator=wages", "indicator: 'wages' is not one of revenue_per_year, revenue_total"),
        ("/charts/workers-abroad?countries=chn,xx", "countries: 'xx' is not a country this chart can show; use "),
        ("/charts/workers-abroad?from=2020&to=2018", "to: 2018 is before from=2020"),
        ("/charts/workers-abroad?from=last+year", "from: 'last year' is not a year from 1950 to 2100"),
        ("/charts/workers-abroad?from=%C2%B2", "from: '\u00b2' is not a year from 1950 to 2100"),
        (
            "/charts/workers-abroad?to=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%97",
            "to: '\uff12\uff10\uff11\uff17' is not a year",
        ),
        ("/charts/workers-abroad?from=" + "9" * 5000, "from: '" + "9" * 40 + "…' is not a year from 1950 to 2100"),
        ("/charts/revenue?countries=chn", "countries: this chart has no country filter"),
    ],
)
def test_bad_filter_is_a_400_page_naming_the_parameter(client: TestClient, path: str, detail: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    page = parse(response.text)
    assert text(page, "h1") == "Bad request"
    assert text(page, ".error-detail").startswith(detail)


def test_tracking_parameters_are_ignored(client: TestClient) -> None:
    assert client.get("/charts/workers-abroad?utm_source=newsletter&fbclid=abc").status_code == 200


def test_chart_table_holds_exactly_the_plotted_claims(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=chn,rus&from=2017&to=2025").text)
    (figure,) = figures(client, page)
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


def test_chart_page_offers_embed_code_downloads_and_citation(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=rus").text)
    snippet = parse(one(page, "#embed-code").get_text())
    frame = one(snippet, "iframe")
    assert attr(frame, "src") == f"{BASE}/v/{VERSION}/embed/workers-abroad?countries=rus"  # pinned by default
    assert attr(frame, "title") == "North Korean workers in each host country: Russia"
    latest = one(parse(one(page, "#embed-code-latest").get_text()), "iframe")
    assert attr(latest, "src") == f"{BASE}/embed/workers-abroad?countries=rus"  # the choice that follows new data
    checked = one(page, 'input[name="embed-release"][checked]')
    assert attr(checked, "value") == "pinned"
    assert attr(frame, "loading") == "lazy"
    assert "width:100%" in attr(frame, "style")
    assert attr(one(snippet, "script"), "src") == f"{BASE}/embed.js"
    assert attr(one(page, "button[data-copy=embed-code]"), "type") == "button"
    downloads = {a.get_text(): attr(a, "href") for a in page.select(".take-away a")}
    assert downloads["CSV"] == "/charts/workers-abroad.csv?countries=rus"
    assert downloads["PNG"] == "/charts/workers-abroad.png?countries=rus"
    full = text(page, "#citation-full")
    assert f"version {VERSION}" in full
    assert f"{BASE}/v/{VERSION}/charts/workers-abroad?countries=rus" in full  # the citation names the pinned view
    assert "Accessed " in full
    assert "Sputnik" in full  # a publisher of the plotted claims
    assert attr(one(page, 'meta[property="og:image"]'), "content") == f"{BASE}/charts/workers-abroad.png?countries=rus"
    assert attr(one(page, 'meta[name="twitter:image"]'), "content") == f"{BASE}/charts/workers-abroad.png?countries=rus"


def test_chart_counts_independent_originals(chained: TestClient) -> None:
    page = parse(chained.get("/charts/workers-abroad").text)
    expected = "2 claims about workers abroad (1 independent original; 1 claim repeats an earlier figure)"
    assert expected in text(page, ".chart-description")
    assert "(1 independent original; 1 claim repeats an earlier figure)" in text(page, "details.chart-data summary")


def test_every_country_view_draws_every_country_in_its_own_panel(many_countries_client: TestClient) -> None:
    figure = figures(many_countries_client, parse(many_countries_client.get("/charts/workers-abroad").text))[0]
    titles = [a["text"] for a in figure["layout"]["annotations"] if a.get("name") == "panel-title"]
    assert sorted(titles) == sorted([f"<b>Country {code}</b>" for code in CODES] + ["<b>Russia</b>"])
    assert figure["layout"]["grid"]["pattern"] == "independent"
    # Each panel has its own value axis, so a small country's figures never sit on a large one's zero line.
    panel_of = {(t["xaxis"], t["yaxis"]) for t in claim_traces(figure)}
    assert len(panel_of) == len(titles)


def test_a_few_chosen_countries_share_one_plot_with_a_legend(many_countries_client: TestClient) -> None:
    figure = figures(
        many_countries_client, parse(many_countries_client.get("/charts/workers-abroad?countries=xaa,xba").text)
    )[0]
    assert "grid" not in figure["layout"]
    legend = sorted(t["name"] for t in figure["data"] if t.get("showlegend"))
    assert legend == ["Country XAA", "Country XBA"]


CLAIMS = MAX_DRAWN_CLAIMS + 30


def large_data(directory: Path) -> Path:
    write_tiny_data(directory)
    template = ROWS["estimates"][0]  # workers abroad in Russia, Dec 2018
    header = next(iter(csv.reader(io.StringIO((directory / "estimates.csv").read_text(encoding="utf-8")))))
    with (directory / "estimates.csv").open("a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n")
        for index in range(CLAIMS):
            year = 2014 + index % 5  # all before the source (23 Dec 2019) was published
            writer.writerow(
                template
                | {"id": f"e{index + 100:04d}", "value_low": str(1000 + index), "value_high": str(1000 + index)}
                | {"period_start": f"{year}-12-01", "period_end": f"{year}-12-31"}
            )
    return directory


def large_client(tmp_path: Path) -> TestClient:
    return app_client(Settings(data_dir=large_data(tmp_path / "data"), cache_dir=None))


def test_many_claims_are_drawn_per_series_and_year(tmp_path: Path) -> None:
    client = large_client(tmp_path)
    page = parse(client.get("/charts/workers-abroad").text)
    (figure,) = figures(client, page)
    drawn = marks(figure)
    assert len(drawn) == 5  # Russia in each of 2015-2019; the original claim shares 2018
    rows = page.select("table.aggregates tbody tr")
    assert len(rows) == len(drawn)
    counts = sorted(int(row.select("td")[2].get_text()) for row in rows)
    assert sum(counts) == CLAIMS + 1
    link = rows[0].select_one("a")
    assert link is not None
    assert "from=" in str(link.get("href"))
    assert "countries=rus" in str(link.get("href"))
    download = client.get("/charts/workers-abroad.csv").content.decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(download)))) == CLAIMS + 1


def test_a_year_of_a_large_view_is_drawn_claim_by_claim(tmp_path: Path) -> None:
    client = large_client(tmp_path)
    page = parse(client.get("/charts/workers-abroad?countries=rus&from=2016&to=2016").text)
    (figure,) = figures(client, page)
    drawn = marks(figure)
    assert len(drawn) == CLAIMS // 5
    assert not page.select("table.aggregates")


def test_the_key_points_at_the_legend_only_when_there_is_one(client: TestClient) -> None:
    one = text(parse(client.get("/charts/workers-abroad?countries=rus").text), ".chart-key-note")
    several = text(parse(client.get("/charts/workers-abroad?countries=chn,rus").text), ".chart-key-note")
    assert "(the legend)" not in one
    assert "(the legend)" in several
    figure = figures(client, parse(client.get("/charts/workers-abroad?countries=rus").text))[0]
    assert figure["layout"]["showlegend"] is False


def test_what_was_known_when_is_said_in_the_title_of_the_page_the_embed_and_the_image(client: TestClient) -> None:
    address = "workers-abroad?countries=chn,rus&as_of=2019-12-22"
    title = "North Korean workers in each host country: China, Russia, as reported by 22 Dec 2019"
    assert text(parse(client.get(f"/charts/{address}").text), "h1") == title
    assert text(parse(client.get(f"/embed/{address}").text), "h1") == title
    assert client.get(f"/charts/{address.replace('?', '.json?')}").json()["title"] == title
