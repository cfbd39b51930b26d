"""'What was known when': a claim counts as known only once its source had certainly been published."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.source import latest_day


@pytest.mark.parametrize(
    ("day", "precision", "latest"),
    [
        (date(2019, 12, 5), "day", date(2019, 12, 5)),
        (date(2019, 2, 1), "month", date(2019, 2, 28)),
        (date(2020, 2, 1), "month", date(2020, 2, 29)),
        (date(2019, 10, 1), "quarter", date(2019, 12, 31)),
        (date(2019, 4, 1), "quarter", date(2019, 6, 30)),
        (date(2019, 1, 1), "year", date(2019, 12, 31)),
    ],
)
def test_latest_day_of_a_date_known_to_a_precision(day: date, precision: str, latest: date) -> None:
    assert latest_day(day, precision) == latest
