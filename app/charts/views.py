"""A chart view: one chart with its filters, and everything a page, an embed or a download needs of it.

Views are read-only once built. Every default view is built at start-up; a
filtered view is built on first request and kept (the most recently used, up to
a cap), keyed by its normal form. Routes run in a thread pool, so the cache is
guarded by a lock.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from ..domain import WORLDWIDE, Claim, Release
from ..domain.chains import independent_count, originals_text
from ..domain.words import format_day
from ..jsontypes import JSONObject
from .aggregate import MAX_DRAWN_CLAIMS, MAX_DRAWN_IN_PANELS, aggregate, needs_aggregation
from .describe import claim_hover, description, event_hover, source_line, sources_words
from .figure import RULED_EVENTS, Group, build_figure
from .key import KeyEntry, key_entries
from .marks import EventMark, Mark
from .query import ChartQuery
from .registry import CHARTS, INDICATOR_CHART_SLUG, ChartSpec, indicator_chart
from .select import chart_countries, claims_frame, plotted_rows, series_family, series_label
from .svg import chart_svgs

MAX_CACHED_VIEWS = 512  # filtered views kept; the defaults are never evicted
# Past this many countries one plot with a colour each stops being readable (and small values vanish
# under large ones): the view becomes small multiples, one panel per country with its own value axis.
MAX_COUNTRIES_IN_ONE_PLOT = 6
EVENT_MARGIN = timedelta(days=365)


@dataclass(frozen=True)
class ChartLinks:
    """The addresses a view links to, as the URL builder writes them (paths, no host)."""

    claim: Callable[[str], str]  # claim id -> its page
    event: Callable[[str, str], str]  # source id, anchor -> the event on its source's page
    chart: Callable[[str, dict[str, str]], str]  # slug, filters -> the chart page


@dataclass(frozen=True, eq=False)
class ChartView:
    spec: ChartSpec
    query: ChartQuery
    title: str
    subtitle: str
    unit: str
    plotted: tuple[Mark, ...]  # one per claim in the view, in the order they are tabled
    marks: tuple[Mark, ...]  # what is drawn: the same, or one per series and year when they are too many
    aggregated: bool
    events: tuple[EventMark, ...]
    description: str
    publishers: list[str]
    # Kept as the JSON the page embeds, not as the dict it came from: a third of the memory, and
    # hundreds of views are kept. ``figure`` reads it back for images and tests.
    figure_json: str = field(repr=False)
    panels: tuple[Group, ...] = ()  # small multiples, one per country; empty for one plot
    groups: tuple[Group, ...] = ()  # the series by colour, largest figures first: the legend or the panels
    svg: str = field(default="", repr=False)  # the chart drawn on the server (svg.py), shown until Plotly draws
    zeros_not_drawn: int = 0  # claims of zero, which a log scale cannot draw

    @property
    def figure(self) -> JSONObject:
        """The Plotly figure, a fresh copy each time (callers may change it)."""
        figure: JSONObject = json.loads(self.figure_json)
        return figure

    @property
    def slug(self) -> str:
        return self.spec.slug

    @property
    def params(self) -> dict[str, str]:
        """The view's filters as its query string has them (defaults left out)."""
        return self.query.params(self.spec)

    @property
    def claims(self) -> list[Claim]:
        return [mark.claim for mark in self.plotted if mark.claim is not None]

    @property
    def originals_text(self) -> str:
        """How many independent originals stand behind the plotted claims."""
        claims = self.claims
        return originals_text(independent_count(claim.original_id for claim in claims), len(claims))

    def sources_words(self, shown: int | None = None) -> str:
        """The source line under the chart: every publisher, or the ``shown`` most cited and a count of the rest."""
        return sources_words(self.publishers, shown)

    @property
    def key(self) -> list[KeyEntry]:
        """What the view's kinds of marks mean, only those it draws."""
        return key_entries(self.marks, self.events, panels=bool(self.panels))

    @property
    def shows_legend(self) -> bool:
        """One plot of several countries (or kinds of worker) has a legend; small multiples name their panels."""
        return not self.panels and len({mark.colour_key for mark in self.marks}) > 1

    @property
    def switchable_indicators(self) -> tuple[str, ...]:
        """The indicators a named chart can switch between (the per-indicator chart switches by address)."""
        return self.spec.indicators if self.spec.slug != INDICATOR_CHART_SLUG else ()


def script_safe_json(value: JSONObject) -> str:
    """JSON that can sit inside <script type="application/json"> whatever the data holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class ChartViews:
    """Builds and keeps chart views for one release."""

    def __init__(self, release: Release, links: ChartLinks) -> None:
        self.release = release
        self.links = links
        indicators = release.indicators
        self.indicator_labels = {c.value: c for c in indicators}
        self.workforce_labels = {c.value: c.label for c in release.categories("workforce")}
        self.specs = dict(CHARTS) | {INDICATOR_CHART_SLUG: indicator_chart(tuple(c.value for c in indicators))}
        self.frame = claims_frame(release)
        # The countries each chart may be filtered to: checked on every request, so found once here.
        self._countries = {slug: chart_countries(self.frame, spec) for slug, spec in self.specs.items()}
        self.event_marks = [
            EventMark(event, False, links.event(event.source.id, event.anchor), event_hover(event))
            for event in release.events
        ]
        self._cache: OrderedDict[tuple[str, ChartQuery], ChartView] = OrderedDict()
        self._defaults: dict[tuple[str, ChartQuery], ChartView] = {}
        self._lock = threading.Lock()
        self._marks: dict[tuple[str, str], Mark] = {}  # at most two per claim (by country, by workforce)
        self._hovers: dict[str, str] = {}  # by claim id: both of a claim's marks share its words

    def countries(self, spec: ChartSpec) -> list[str]:
        return self._countries[spec.slug]

    def get(self, spec: ChartSpec, query: ChartQuery) -> ChartView:
        key = (spec.slug, query)
        default = self._defaults.get(key)
        if default is not None:
            return default
        with self._lock:
            view = self._cache.get(key)
            if view is None:
                view = self._cache[key] = self.build(spec, query)
                if len(self._cache) > MAX_CACHED_VIEWS:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(key)
            return view

    def cached(self) -> int:
        """How many filtered views are kept now (the defaults are not counted)."""
        return len(self._cache)

    def default(self, spec: ChartSpec) -> ChartView:
        return self.get(spec, ChartQuery(indicator=spec.indicators[0]))

    def warm(self, queries: list[tuple[ChartSpec, ChartQuery]]) -> None:
        """Build these views now and keep them for the life of the process."""
        for spec, query in queries:
            self._defaults[(spec.slug, query)] = self.build(spec, query)

    def build(self, spec: ChartSpec, query: ChartQuery) -> ChartView:
        category = self.indicator_labels[query.indicator]
        rows = plotted_rows(self.frame, spec, query)
        claims = [self.release.claims[position] for position in rows.index]
        plotted = tuple(self._mark(claim, spec) for claim in claims)
        events = self._events(spec, query, plotted)
        title, subtitle = self._titles(spec, query)
        groups = self._groups(spec, plotted)
        panels = spec.series_by == "country" and len(groups) > MAX_COUNTRIES_IN_ONE_PLOT
        aggregated = needs_aggregation(plotted, MAX_DRAWN_IN_PANELS if panels else MAX_DRAWN_CLAIMS)
        marks = (
            tuple(aggregate(plotted, category.unit, lambda mark, year: self._year_url(spec, query, mark, year)))
            if aggregated
            else plotted
        )
        figure = build_figure(
            marks,
            events,
            unit=category.unit,
            scale=query.scale,
            by_workforce=spec.series_by == "workforce",
            groups=groups,
            panels=panels,
        )
        view = ChartView(
            spec=spec,
            query=query,
            title=title,
            subtitle=subtitle,
            unit=category.unit,
            plotted=plotted,
            marks=marks,
            aggregated=aggregated,
            events=events,
            description=description(
                claims, [mark.series for mark in plotted], category.label.lower(), aggregated=aggregated
            ),
            publishers=source_line(claims),
            figure_json=script_safe_json(figure),
            panels=groups if panels else (),
            groups=groups,
            zeros_not_drawn=sum(mark.value_high <= 0 for mark in marks) if query.scale == "log" else 0,
        )
        # Drawn with the view and kept with it: a filtered view pays for its drawing once.
        return replace(view, svg=chart_svgs(view))

    def _groups(self, spec: ChartSpec, marks: tuple[Mark, ...]) -> tuple[Group, ...]:
        """The series by colour (a country and its parts, or a kind of worker), the largest figures first."""
        highest: dict[str, float] = {}
        for mark in marks:
            highest[mark.colour_key] = max(highest.get(mark.colour_key, 0.0), mark.value_high)
        if spec.series_by == "workforce":
            names = {key: self.workforce_labels.get(key, key) for key in highest}
        else:
            names = {key: self.release.countries[key].name for key in highest}
        order = sorted(highest, key=lambda key: (-highest[key], names[key]))
        return tuple(Group(key, names[key]) for key in order)

    def _mark(self, claim: Claim, spec: ChartSpec) -> Mark:
        """A claim's mark: the same object in every view that groups series alike, so kept views share it."""
        key = (spec.series_by, claim.id)
        mark = self._marks.get(key)
        if mark is None:
            mark = self._marks.setdefault(key, self._new_mark(claim, spec))
        return mark

    def _new_mark(self, claim: Claim, spec: ChartSpec) -> Mark:
        colour_key, sub_series = series_family(claim, spec)
        return Mark(
            id=claim.id,
            series=series_label(claim, spec, self.workforce_labels),
            colour_key=colour_key,
            sub_series=sub_series,
            x=claim.drawn_at,
            value_low=claim.value_low,
            value_high=claim.value_high,
            qualifier=claim.qualifier,
            period=claim.period,
            value_text=claim.value_text,
            href=self.links.claim(claim.id),
            # A mark that is drawn needs its hover text; wrapping it is most of a default view's build at 100x
            # the data, so a claim's two marks share it.
            hover=self._hover(claim),
            claim=claim,
        )

    def _hover(self, claim: Claim) -> str:
        hover = self._hovers.get(claim.id)
        if hover is None:
            hover = self._hovers[claim.id] = claim_hover(claim)
        return hover

    def _year_url(self, spec: ChartSpec, query: ChartQuery, mark: Mark, year: int) -> str:
        """The chart narrowed to one year (and the mark's country, for a per-country series)."""
        params = query.params(spec) | {"from": str(year), "to": str(year)}
        if spec.series_by == "country" and spec.takes_countries and mark.claim is not None:
            params["countries"] = mark.claim.country.slug
        return self.links.chart(spec.slug, params)

    def _titles(self, spec: ChartSpec, query: ChartQuery) -> tuple[str, str]:
        """The title names the chosen countries and, for "what was known when", the day: an embed or an image
        of the deadline's view must say so wherever it is shown, not only in its address."""
        category = self.indicator_labels[query.indicator]
        chosen = ", ".join(self.release.countries[code].name for code in query.countries)
        known = f", as reported by {format_day(query.as_of)}" if query.as_of else ""
        if spec.slug != INDICATOR_CHART_SLUG:
            subtitle = spec.subtitle if query.indicator == spec.indicators[0] else category.description
            return (f"{spec.title}: {chosen}" if chosen else spec.title) + known, subtitle
        return f"{category.label}: {chosen or 'every host country'}{known}", category.description

    def _events(self, spec: ChartSpec, query: ChartQuery, plotted: tuple[Mark, ...]) -> tuple[EventMark, ...]:
        """Events for the chart's countries and the whole world, within a year of its claims.

        Every one is marked in the events lane; the few that frame every claim are also ruled across the plot.
        A view of what was known on a day leaves out what had not yet happened.
        """
        if not plotted:
            return ()
        shown = {mark.claim.country.iso3 for mark in plotted if mark.claim is not None}
        countries = set(query.countries) or (shown if spec.scope != "worldwide" else set())
        starts = [mark.period.start for mark in plotted if mark.period.start]
        ends = [mark.period.end for mark in plotted if mark.period.end]
        first = min([mark.x for mark in plotted] + starts) - EVENT_MARGIN
        last = max([mark.x for mark in plotted] + ends) + EVENT_MARGIN
        return tuple(
            EventMark(mark.event, mark.event.id in RULED_EVENTS, mark.href, mark.hover)
            for mark in self.event_marks
            if mark.event.country in countries | {WORLDWIDE}
            and first <= mark.start <= last
            and (query.as_of is None or mark.event.known_by(query.as_of))
        )
