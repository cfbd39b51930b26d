"""A chart view: one chart with its filters, and everything a page, an embed or a download needs of it.

Views are read-only once built. Every default view is built at start-up; a
filtered view is built on first request and kept, keyed by its normal form.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..data import Dataset
from ..data.chains import independent_count
from ..data.dataset import as_dicts
from ..urls import urls
from .aggregate import aggregate, needs_aggregation
from .describe import claim_hover, description, escape, event_hover, originals_text, publisher_name, source_line
from .figure import build_figure
from .query import WORLDWIDE, ChartQuery
from .registry import CHARTS, INDICATOR_CHART_SLUG, ChartSpec, indicator_chart
from .select import busiest_countries, chart_countries, enrich_claims, plotted_rows, series_family, series_label
from .text import format_period

MAX_CACHED_VIEWS = 512  # filtered views kept; the defaults are never evicted
# An every-country view draws at most this many countries, the ones with the most claims; a reader who
# names countries gets exactly those. Beyond this, colours repeat and the legend outgrows a phone's chart.
MAX_DEFAULT_COUNTRIES = 7
EVENT_MARGIN = pd.Timedelta(days=365)


@dataclass(frozen=True)
class ChartView:
    spec: ChartSpec
    query: ChartQuery
    title: str
    subtitle: str
    unit: str
    rows: pd.DataFrame  # the claims in the view, for downloads
    records: list[dict[str, Any]]  # the same rows as dicts
    points: list[dict[str, Any]]  # what is drawn: the claims, or per series and year when they are too many
    aggregated: bool
    events: list[dict[str, Any]]
    figure: dict[str, Any]
    description: str
    publishers: list[str]
    figure_json: str = field(repr=False)
    # Countries an every-country view does not draw: (name, link to the chart of that country).
    left_out: list[tuple[str, str]] = field(default_factory=list)
    shown_countries: int = 0

    @property
    def originals_text(self) -> str:
        """How many independent originals stand behind the plotted claims."""
        return originals_text(independent_count(record["original_id"] for record in self.records), len(self.records))


def script_safe_json(value: Any) -> str:
    """JSON that can sit inside <script type="application/json"> whatever the data holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class ChartViews:
    """Builds and keeps chart views for one dataset."""

    def __init__(self, dataset: Dataset, estimate_url: Callable[[str], str], source_url: Callable[[str], str]) -> None:
        self.dataset = dataset
        indicators = dataset.descriptor.categories("estimates", "indicator")
        self.indicator_labels = {c.value: c for c in indicators}
        self.workforce_labels = {c.value: c.label for c in dataset.descriptor.categories("estimates", "workforce")}
        self.country_names = {
            str(code): str(name)
            for code, name in zip(dataset.countries["iso3"], dataset.countries["name"], strict=True)
        }
        self.specs = dict(CHARTS) | {INDICATOR_CHART_SLUG: indicator_chart(tuple(c.value for c in indicators))}
        self.claims = enrich_claims(dataset, estimate_url)
        # Row dicts made once: pandas row access is slow, and every view needs its rows as dicts.
        self.claim_records = as_dicts(self.claims)
        self.events = enrich_events(dataset, source_url)
        self.event_records = as_dicts(self.events)
        self._cache: dict[tuple[str, ChartQuery], ChartView] = {}
        self._defaults: set[tuple[str, ChartQuery]] = set()

    def countries(self, spec: ChartSpec) -> list[str]:
        return chart_countries(self.claims, spec)

    def get(self, spec: ChartSpec, query: ChartQuery) -> ChartView:
        key = (spec.slug, query)
        view = self._cache.get(key)
        if view is None:
            if len(self._cache) - len(self._defaults) >= MAX_CACHED_VIEWS:
                oldest = next(k for k in self._cache if k not in self._defaults)
                del self._cache[oldest]
            view = self._cache[key] = self.build(spec, query)
        return view

    def default(self, spec: ChartSpec) -> ChartView:
        return self.get(spec, ChartQuery(indicator=spec.indicators[0]))

    def warm(self, queries: list[tuple[ChartSpec, ChartQuery]]) -> None:
        """Build these views now and keep them for the life of the process."""
        for spec, query in queries:
            self.get(spec, query)
            self._defaults.add((spec.slug, query))

    def build(self, spec: ChartSpec, query: ChartQuery) -> ChartView:
        category = self.indicator_labels[query.indicator]
        rows = plotted_rows(self.claims, spec, query)
        left_out: list[str] = []
        if spec.series_by == "country" and not query.countries:
            rows, left_out = busiest_countries(rows, MAX_DEFAULT_COUNTRIES)
        records = [self.claim_records[i] for i in rows.index]
        series = [series_label(record, spec, self.workforce_labels) for record in records]
        records = [
            record | {"series": label} | series_family(record, spec)
            for record, label in zip(records, series, strict=True)
        ]
        rows = rows.assign(series=series).reset_index(drop=True)
        events = self._events(spec, query, rows)
        title, subtitle = self._titles(spec, query)
        # Hover text only for claims drawn one by one: most claims of a large dataset never are.
        aggregated = needs_aggregation(records)
        if aggregated:
            points = aggregate(records, category.unit, lambda record, year: self._year_url(spec, query, record, year))
        else:
            points = [record | {"hover": claim_hover(record)} for record in records]
        figure = build_figure(points, events, category.unit, image_name=spec.slug)
        return ChartView(
            spec=spec,
            query=query,
            title=title,
            subtitle=subtitle,
            unit=category.unit,
            rows=rows,
            records=records,
            points=points,
            aggregated=aggregated,
            events=events,
            figure=figure,
            description=description(records, category.label.lower(), aggregated=aggregated),
            publishers=source_line(records),
            figure_json=script_safe_json(figure),
            left_out=[(self.country_names[code], self._country_url(spec, query, code)) for code in left_out],
            shown_countries=rows["country"].nunique(),
        )

    def _country_url(self, spec: ChartSpec, query: ChartQuery, code: str) -> str:
        return urls.chart(spec.slug, query.params(spec) | {"countries": code.lower()})

    def _year_url(self, spec: ChartSpec, query: ChartQuery, record: dict[str, Any], year: int) -> str:
        """The chart narrowed to one year (and the record's country, for a per-country series)."""
        params = query.params(spec) | {"from": str(year), "to": str(year)}
        if spec.series_by == "country" and spec.takes_countries:
            params["countries"] = str(record["country"]).lower()
        return urls.chart(spec.slug, params)

    def _titles(self, spec: ChartSpec, query: ChartQuery) -> tuple[str, str]:
        category = self.indicator_labels[query.indicator]
        names = self.dataset.countries.set_index("iso3")["name"]
        chosen = ", ".join(str(names[code]) for code in query.countries)
        if spec.slug != INDICATOR_CHART_SLUG:
            subtitle = spec.subtitle if query.indicator == spec.indicators[0] else category.description
            return (f"{spec.title}: {chosen}" if chosen else spec.title), subtitle
        return f"{category.label}: {chosen or 'every host country'}", category.description

    def _events(self, spec: ChartSpec, query: ChartQuery, rows: pd.DataFrame) -> list[dict[str, Any]]:
        """Events for the chart's countries and the whole world, within a year of its claims.

        Worldwide events and those of countries the reader chose get a label on the chart;
        the others are marked without one, so an all-country chart stays legible.
        """
        if not len(rows):
            return []
        countries = set(query.countries) or (set(rows["country"]) if spec.scope != "worldwide" else set())
        labelled = set(query.countries) | {WORLDWIDE}
        first = min(rows["x"].min(), rows["period_start"].min()) - EVENT_MARGIN
        last = max(rows["x"].max(), rows["period_end"].max()) + EVENT_MARGIN
        return [
            event | {"labelled": event["country"] in labelled}
            for event in self.event_records
            if event["country"] in countries | {WORLDWIDE} and first <= event["date_start"] <= last
        ]


def enrich_events(dataset: Dataset, source_url: Callable[[str], str]) -> pd.DataFrame:
    """Every event with its hover text, the link to its source, and its label made safe for Plotly."""
    events = dataset.events.sort_values("date_start")
    sources = {source["id"]: source for source in as_dicts(dataset.sources)}
    rows = as_dicts(events)
    return events.assign(
        hover=[
            event_hover(
                e["label"],
                format_period(e["date_start"], e["date_end"], e["date_precision"]),
                e["description"],
                publisher_name(sources[e["source_id"]]),
            )
            for e in rows
        ],
        href=[f"{source_url(e['source_id'])}#event-{e['id']}" for e in rows],
        label_html=[escape(e["label"]) for e in rows],
    )
