"""A large dataset: charts draw one mark per series and year, pages stay small, downloads keep every claim."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient

from app.charts.aggregate import MAX_DRAWN_CLAIMS
from app.main import create_app
from app.settings import Settings

from .html import figures, marks, parse
from .tiny_data import ROWS

CLAIMS = MAX_DRAWN_CLAIMS + 30


def large_data(directory: Path) -> Path:
    from .tiny_data import write_tiny_data

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
    return TestClient(create_app(Settings(data_dir=large_data(tmp_path / "data"), cache_dir=None)))


def test_many_claims_are_drawn_per_series_and_year(tmp_path: Path) -> None:
    client = large_client(tmp_path)
    page = parse(client.get("/charts/workers-abroad").text)
    (figure,) = figures(page)
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
    (figure,) = figures(page)
    drawn = marks(figure)
    assert len(drawn) == CLAIMS // 5
    assert not page.select("table.aggregates")
