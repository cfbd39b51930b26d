"""The table says which targets were missed, and the run fails on any of them."""

from __future__ import annotations

import pytest

from bench.table import Row, all_met, at_1x_only, render


def test_met_missed_and_reported_rows() -> None:
    rows = [Row("a", ["1", "2"], "≤ 1", True), Row("b", ["3", "4"], "≤ 2", False), Row("c", ["5", "6"], "(reported)")]
    assert render(["1x data", "10x data"], rows).splitlines() == [
        "| Measure | 1x data | 10x data | Target | Met |",
        "|---|---|---|---|---|",
        "| a | 1 | 2 | ≤ 1 | yes |",
        "| b | 3 | 4 | ≤ 2 | **no** |",
        "| c | 5 | 6 | (reported) |  |",
    ]
    assert not all_met(rows)
    assert all_met([rows[0], rows[2]])


def test_a_row_measured_at_1x_only_fills_the_other_columns() -> None:
    assert at_1x_only("12 ms", 3) == ["12 ms", "—", "—"]


def test_a_row_with_missing_columns_is_refused() -> None:
    with pytest.raises(ValueError, match="has 1 values for 2 columns"):
        render(["1x", "10x"], [Row("a", ["1"])])
