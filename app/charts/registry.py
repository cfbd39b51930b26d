"""The charts the site draws: what each one plots and which filters it takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scope = Literal["host_countries", "worldwide", "any"]
SeriesBy = Literal["country", "workforce"]


@dataclass(frozen=True)
class ChartSpec:
    slug: str
    title: str
    subtitle: str  # one line: what is measured
    indicators: tuple[str, ...]  # the first is the default
    scope: Scope  # host_countries leaves out worldwide figures; worldwide keeps only them
    series_by: SeriesBy
    takes_countries: bool
    # Only these workforces are plotted; None plots every workforce as its own series.
    workforces: tuple[str, ...] | None = ("all",)


CHARTS: dict[str, ChartSpec] = {
    spec.slug: spec
    for spec in (
        ChartSpec(
            slug="workers-abroad",
            title="North Korean workers in each host country",
            subtitle="Headcounts of North Korean workers present in a host country, as each claimant stated them",
            indicators=("workers_abroad",),
            scope="host_countries",
            series_by="country",
            takes_countries=True,
        ),
        ChartSpec(
            slug="workers-worldwide",
            title="North Korean workers abroad, worldwide",
            subtitle="Estimates of all North Korean workers abroad, kept apart from per-country counts; "
            "IT workers shown separately",
            indicators=("workers_abroad",),
            scope="worldwide",
            series_by="workforce",
            takes_countries=False,
            workforces=None,
        ),
        ChartSpec(
            slug="repatriations",
            title="Workers sent home under resolution 2397",
            subtitle="North Korean workers repatriated during a period, as reported by host governments "
            "and tallies of their reports",
            indicators=("workers_repatriated",),
            scope="any",
            series_by="country",
            takes_countries=True,
        ),
        ChartSpec(
            slug="revenue",
            title="What North Korea earns from its workers abroad",
            subtitle="US dollars a year earned by the North Korean state from its workers abroad",
            indicators=("revenue_per_year", "revenue_total"),
            scope="worldwide",
            series_by="workforce",
            takes_countries=False,
            workforces=None,
        ),
    )
}

# The per-country chart: any one indicator, any countries. Country pages draw one per indicator.
INDICATOR_CHART_SLUG = "indicator"


def indicator_chart(indicators: tuple[str, ...]) -> ChartSpec:
    """Any one indicator by host country; ``indicators`` is the vocabulary, the first the default."""
    return ChartSpec(
        slug=INDICATOR_CHART_SLUG,
        title="",  # taken from the chosen indicator
        subtitle="",
        indicators=indicators,
        scope="any",
        series_by="country",
        takes_countries=True,
        workforces=None,
    )
