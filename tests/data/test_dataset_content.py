"""The traps in the research notes are recorded the way the sources put them."""

from __future__ import annotations

import pandas as pd
import pytest

from app.data import Dataset


def claim(dataset: Dataset, quote_part: str, value_low: float) -> pd.Series:
    """The one estimate whose quote contains ``quote_part`` and whose low value is ``value_low``."""
    estimates = dataset.estimates
    rows = estimates[estimates["quote"].str.contains(quote_part, regex=False) & (estimates["value_low"] == value_low)]
    assert len(rows) == 1, f"expected one estimate quoting {quote_part!r} at {value_low}, found {len(rows)}"
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("quote_part", "value_low", "indicator", "qualifier", "value_high"),
    [
        # A cumulative total is not a yearly revenue.
        ("$740 million", 740_000_000, "revenue_total", "about", 740_000_000),
        # "Up to 90%" is an upper bound, not 90%.
        ("up to 90 percent", 90, "wage_share_to_state", "up_to", 90),
        # Visas and border entries are not headcounts.
        ("work visas to at least 24,000", 24_000, "work_permits", "at_least", 24_000),
        ("13,221 North Koreans entered Russia", 13_221, "border_entries", "exact", 13_221),
        ("16,613 tourist", 16_613, "visas_issued", "exact", 16_613),
        ("number of work permits", 30_023, "work_permits", "exact", 30_023),
        # "At least 12,000" is never exactly 12,000.
        ("at least 12,000", 12_000, "workers_abroad", "at_least", 12_000),
        # A range stays a range.
        ("between $750 million and $1.1 billion", 750_000_000, "revenue_per_year", "range", 1_100_000_000),
        ("US$200-500 million", 200_000_000, "revenue_per_year", "range", 500_000_000),
        # IT-worker revenue is not all-worker revenue.
        ("$20.4 million from tech workers", 20_400_000, "revenue_per_year", "about", 20_400_000),
        # A plan or a request is not a headcount.
        ("400,000 more workers", 400_000, "workers_planned", "about", 400_000),
        ("6,000 military construction", 6_000, "workers_planned", "exact", 6_000),
    ],
)
def test_trap_recorded_as_the_source_puts_it(
    real_dataset: Dataset, quote_part: str, value_low: float, indicator: str, qualifier: str, value_high: float
) -> None:
    row = claim(real_dataset, quote_part, value_low)
    assert (row["indicator"], row["qualifier"], row["value_high"]) == (indicator, qualifier, value_high)


def test_it_worker_figures_are_marked(real_dataset: Dataset) -> None:
    assert claim(real_dataset, "$20.4 million from tech workers", 20_400_000)["workforce"] == "it"
    assert claim(real_dataset, "information technology workers", 10_000)["workforce"] == "it"


def test_unverified_range_says_so(real_dataset: Dataset) -> None:
    assert "Unverified" in claim(real_dataset, "between $750 million and $1.1 billion", 750_000_000)["notes"]


def test_undated_claims_are_recorded_as_unknown(real_dataset: Dataset) -> None:
    row = claim(real_dataset, "earlier estimated that around 100,000", 100_000)
    assert row["period_precision"] == "unknown"
    assert pd.isna(row["period_start"])
    assert pd.isna(row["period_end"])


def test_conflicting_claims_are_kept_side_by_side(real_dataset: Dataset) -> None:
    # The US estimate for China is reported as both 50,000 and 80,000: two rows, neither averaged away.
    china = real_dataset.estimates.query("country == 'CHN' and indicator == 'workers_abroad'")
    assert {50_000, 80_000} <= set(china["value_low"])
    assert 65_000 not in set(china["value_low"])


def test_resolution_events_are_dated(real_dataset: Dataset) -> None:
    events = real_dataset.events.set_index("id")
    assert events.loc["res-2375", "date_start"] == pd.Timestamp("2017-09-11")
    assert events.loc["res-2397", "date_start"] == pd.Timestamp("2017-12-22")
    assert events.loc["repatriation-deadline", "date_start"] == pd.Timestamp("2019-12-22")
    assert events.loc["border-closure", "date_start"] == pd.Timestamp("2020-01-01")
    assert events.loc["border-closure", "date_precision"] == "month"
