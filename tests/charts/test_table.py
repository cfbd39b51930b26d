"""A chart's download rows and file names (``app/charts/table.py``), without HTTP."""

from __future__ import annotations

from app.charts.query import ChartQuery
from app.charts.table import DOWNLOAD_COLUMNS, chart_file_name, claim_row
from app.charts.views import ChartViews


def test_a_claim_row_has_every_download_column_in_order(views: ChartViews) -> None:
    view = views.get(views.specs["indicator"], ChartQuery(indicator="workers_abroad", countries=("RUS",)))
    claim = view.claims[0]
    row = claim_row(claim, lambda claim_id: f"https://example.org/estimates/{claim_id}")
    assert list(row) == DOWNLOAD_COLUMNS
    assert row["id"] == claim.id
    assert row["country_name"] == "Russia"
    assert row["publisher"] == claim.source.publisher
    assert row["estimate_url"] == f"https://example.org/estimates/{claim.id}"
    assert row["period_start"] == (claim.period.start.isoformat() if claim.period.start else None)
    assert isinstance(row["value_low"], int | float)


def test_file_names_carry_the_view_and_the_version(views: ChartViews) -> None:
    spec = views.specs["workers-abroad"]
    view = views.get(spec, ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS"), year_from=2017))
    assert chart_file_name(view, "9.9.9", "csv") == "nk-workers-abroad-workers-abroad-chn-rus-2017-9.9.9.csv"
