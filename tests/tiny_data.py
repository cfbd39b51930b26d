"""A tiny valid data directory built on the real descriptor, for tests that must not depend on the real rows.

Row k of a table (1-based, after the header) is on line k + 1 of its file.
Columns come from the descriptor; a column a row leaves out is written empty.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from app.charts.views import MAX_COUNTRIES_IN_ONE_PLOT

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"

# A quote seen in English on the publisher's own page: the plainest reading.
ENGLISH_AS_PUBLISHED = {"quote_language": "en", "verification": "publisher_page"}

ROWS: dict[str, list[dict[str, str]]] = {
    "countries": [
        {"iso3": "WLD", "name": "Worldwide", "group": "Worldwide", "kind": "world"},
        {"iso3": "RUS", "name": "Russia", "group": "Russia and Central Asia", "kind": "country"},
    ],
    "sources": [
        {"id": "s-one", "publisher": "Outlet One", "title": "First report", "author": "A. Writer"}
        | {"published": "2019-12-23", "published_precision": "day", "published_basis": "printed"}
        | {"url": "https://example.org/1"},
        {"id": "s-two", "publisher": "Outlet Two", "title": "Second report"}
        | {"published": "2018-02-01", "published_precision": "month", "published_basis": "inferred"}
        | {"url": "https://example.org/2"},
    ],
    "estimates": [
        {"id": "e0001", "indicator": "workers_abroad", "workforce": "all", "country": "RUS"}
        | {"measure": "workers in Russia", "value_low": "30000", "value_high": "30000", "qualifier": "about"}
        | {"period_start": "2018-12-01", "period_end": "2018-12-31", "period_precision": "month"}
        | {"claimant": "A ministry", "source_id": "s-one", "quote": "About 30,000 work there."}
        | ENGLISH_AS_PUBLISHED,
        {"id": "e0002", "indicator": "revenue_per_year", "workforce": "all", "country": "WLD"}
        | {"measure": "revenue", "value_low": "200000000", "value_high": "500000000", "qualifier": "range"}
        | {"period_precision": "unknown", "period_basis": "not stated"}
        | {"claimant": "An expert", "source_id": "s-two", "quote": "Between $200m and $500m a year."}
        | ENGLISH_AS_PUBLISHED,
        {"id": "e0003", "indicator": "workers_repatriated", "workforce": "all", "country": "RUS"}
        | {"measure": "sent home", "value_low": "18533", "value_high": "18533", "qualifier": "exact"}
        | {"period_start": "2017-12-01", "period_end": "2018-12-31", "period_precision": "month"}
        | {"claimant": "A ministry", "source_id": "s-one", "quote": "18,533 went home."}
        | ENGLISH_AS_PUBLISHED,
    ],
    "events": [
        {"id": "deadline", "date_start": "2019-12-22", "date_end": "2019-12-22", "date_precision": "day"}
        | {"label": "Deadline", "description": "The deadline.", "country": "WLD", "source_id": "s-one"}
        | {"quote": "The deadline."}
        | ENGLISH_AS_PUBLISHED,
    ],
}


def dataset_version() -> str:
    """The dataset version, as the descriptor states it: what download names, citations and /healthz must carry."""
    with (REAL_DATA / "datapackage.json").open(encoding="utf-8") as handle:
        version: str = json.load(handle)["version"]
    return version


def real_ids(table: str) -> list[str]:
    """The ids of a table of the bundled data, in file order."""
    with (REAL_DATA / f"{table}.csv").open(encoding="utf-8") as handle:
        return [row["id"] for row in csv.DictReader(handle)]


def write_tiny_data(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(REAL_DATA / "datapackage.json", directory / "datapackage.json")
    descriptor = json.loads((REAL_DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        header = [field["name"] for field in resource["schema"]["fields"]]
        with (directory / resource["path"]).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n")
            writer.writeheader()
            writer.writerows(ROWS[resource["name"]])
    return directory


# For ``write_many_countries``: more host countries than one plot draws, so an every-country chart has panels.
# Country k has k + 1 claims.
MANY_COUNTRY_CODES = [f"X{chr(ord('A') + index)}A" for index in range(MAX_COUNTRIES_IN_ONE_PLOT + 2)]


def write_many_countries(directory: Path) -> Path:
    """The tiny data plus the host countries of ``MANY_COUNTRY_CODES``, each with its claims."""
    write_tiny_data(directory)
    with (directory / "countries.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(
            [code, f"Country {code}", "Europe", "country"] for code in MANY_COUNTRY_CODES
        )
    header = next(csv.reader(io.StringIO((directory / "estimates.csv").read_text(encoding="utf-8"))))
    template = ROWS["estimates"][0]  # workers abroad, Dec 2018, from a 2019 source
    with (directory / "estimates.csv").open("a", newline="", encoding="utf-8") as handle:
        rows = csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n")
        number = 100
        for index, code in enumerate(MANY_COUNTRY_CODES):
            for _claim in range(index + 1):
                rows.writerow(template | {"id": f"e{number:04d}", "country": code})
                number += 1
    return directory


def edit_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set ``column`` of data row ``row`` (1-based; line ``row + 1``) to ``value``."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[row][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


# Words that Plotly, a browser or an SVG viewer would read as markup: each must show as these very characters.
HOSTILE = {
    "country": '<a href="https://evil.example/c">Russia</a>',
    "publisher": "<b>Outlet</b> <img src=x onerror=alert(1)>",
    "claimant": 'A <br>ministry <a href="https://evil.example/m">m</a>',
    "measure": "<i>workers</i> in Russia",
    "label": '<a href="https://evil.example/e">x</a>',  # 38 characters: labels hold 40
    "description": '<img src=x onerror=alert(2)><a href="https://evil.example/d">d</a>',
    "quote": "<script>alert(3)</script> About 30,000 work there.",
}


def write_hostile_data(directory: Path) -> Path:
    """The tiny data with markup in a country name, publisher, claimant, measure, ruled event's label and a quote.

    The validator may refuse '<' in names; whoever reads such data must still escape it, so tests that need it
    stamp the directory as validated (``app.data.stamp.write_stamp``) rather than rely on it passing.
    """
    write_tiny_data(directory)
    edit_cell(directory / "countries.csv", 2, "name", HOSTILE["country"])
    edit_cell(directory / "sources.csv", 1, "publisher", HOSTILE["publisher"])
    for column in ("claimant", "measure", "quote"):
        edit_cell(directory / "estimates.csv", 1, column, HOSTILE[column])
    edit_cell(directory / "events.csv", 1, "id", "repatriation-deadline")  # a ruled event: its label is drawn
    edit_cell(directory / "events.csv", 1, "label", HOSTILE["label"])
    edit_cell(directory / "events.csv", 1, "description", HOSTILE["description"])
    # A second host country, so that the chart has a legend to draw the hostile name in.
    with (directory / "countries.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerow(["CHN", "China", "East Asia", "country"])
    header = next(csv.reader(io.StringIO((directory / "estimates.csv").read_text(encoding="utf-8"))))
    with (directory / "estimates.csv").open("a", newline="", encoding="utf-8") as handle:
        row = ROWS["estimates"][0] | {"id": "e0004", "country": "CHN", "value_low": "50000", "value_high": "50000"}
        csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n").writerow(row)
    return directory
