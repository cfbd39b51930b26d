"""Past a handful of host countries, an every-country chart draws the busiest and links the rest."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.charts.views import MAX_DEFAULT_COUNTRIES
from app.main import create_app
from app.settings import Settings

from ..html import figures, marks, one, parse
from ..tiny_data import ROWS

# Country k has k + 1 claims, so the busiest are the last ones; two more than the chart draws.
CODES = [f"X{chr(ord('A') + index)}A" for index in range(MAX_DEFAULT_COUNTRIES + 2)]


def many_countries(directory: Path) -> Path:
    from ..tiny_data import write_tiny_data

    write_tiny_data(directory)
    with (directory / "countries.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(
            [code, f"Country {code}", "Europe", "country"] for code in CODES
        )
    header = next(csv.reader(io.StringIO((directory / "estimates.csv").read_text(encoding="utf-8"))))
    template = ROWS["estimates"][0]  # workers abroad, Dec 2018, from a 2019 source
    with (directory / "estimates.csv").open("a", newline="", encoding="utf-8") as handle:
        rows = csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n")
        number = 100
        for index, code in enumerate(CODES):
            for _claim in range(index + 1):
                rows.writerow(template | {"id": f"e{number:04d}", "country": code})
                number += 1
    return directory


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = many_countries(tmp_path_factory.mktemp("many") / "data")
    with TestClient(create_app(Settings(data_dir=data, cache_dir=None))) as test_client:
        yield test_client


def test_every_country_view_draws_the_busiest_countries(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad").text)
    drawn = {trace["legendgroup"] for trace in figures(page)[0]["data"] if trace.get("legendgroup")}
    busiest = {f"Country {code}" for code in CODES[-MAX_DEFAULT_COUNTRIES:]}
    assert drawn == busiest  # Russia (1 claim) and the two quietest are left out


def test_the_countries_left_out_are_named_and_linked(client: TestClient) -> None:
    note = one(parse(client.get("/charts/workers-abroad").text), ".chart-left-out")
    assert note.get_text().startswith(f"Showing the {MAX_DEFAULT_COUNTRIES} countries with the most claims.")
    links = {link.get_text(): str(link["href"]) for link in note.select("a")}
    assert links == {
        "Country XAA": "/charts/workers-abroad?countries=xaa",
        "Country XBA": "/charts/workers-abroad?countries=xba",
        "Russia": "/charts/workers-abroad?countries=rus",
    }


def test_a_country_left_out_draws_on_its_own_chart(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=xaa").text)
    assert page.select_one(".chart-left-out") is None
    assert len(marks(figures(page)[0])) == 1


def test_the_download_holds_exactly_what_is_drawn(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad").text)
    body = client.get("/charts/workers-abroad.csv").content.decode("utf-8-sig")
    assert sorted(row["id"] for row in csv.DictReader(io.StringIO(body))) == sorted(marks(figures(page)[0]))
