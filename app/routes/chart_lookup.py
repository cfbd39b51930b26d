"""The chart view a URL names: ``/charts/{slug}`` or ``/embed/{slug}`` with its filters, or a country page's chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qs, urlsplit

from fastapi import HTTPException, Request

from ..charts.newer import NewerData, newer_data
from ..charts.query import ChartQuery, QueryError, parse_query
from ..charts.registry import INDICATOR_CHART_SLUG, ChartSpec
from ..charts.views import ChartView, ChartViews
from ..domain import Release
from ..domain.summaries import CountrySummary, country_summaries
from ..editions import Edition
from ..params import shorten, shorten_url
from ..urls import Urls

CHART_PATH_PREFIXES = ("/charts/", "/embed/")
COUNTRY_PATH_PREFIX = "/countries/"
CHART_ANCHOR_PREFIX = "chart-"  # a country page's chart of indicator i is at #chart-i


def find_view(views: ChartViews, slug: str, params: Mapping[str, Sequence[str]]) -> ChartView:
    """The view, or HTTPException 404 for an unknown chart and 400 for a bad filter."""
    spec = views.specs.get(slug)
    if spec is None:
        raise HTTPException(404, f"No chart '{shorten(slug)}'. Charts: {', '.join(views.specs)}.")
    try:
        query = parse_query(spec, params, views.countries(spec))
    except QueryError as error:
        raise HTTPException(400, str(error)) from error
    return views.get(spec, query)


def page_filters(spec: ChartSpec, params: Mapping[str, Sequence[str]]) -> ChartQuery:
    """Filters a page applies to all its charts (a country page's years, as_of, scale), or HTTPException 400."""
    try:
        return parse_query(spec, params, [])
    except QueryError as error:
        raise HTTPException(400, str(error)) from error


def query_lists(request: Request) -> dict[str, list[str]]:
    """Every query parameter with all its values."""
    return {key: request.query_params.getlist(key) for key in request.query_params}


def country_params(
    summary: CountrySummary, indicator: str, filters: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Sequence[str]]:
    """The indicator chart's parameters for one of a country's charts, with any other filters of its page."""
    return dict(filters or {}) | {"countries": [summary.iso3], "indicator": [indicator]}


def view_at(views: ChartViews, release: Release, url: str, site_url: str) -> ChartView:
    """The chart an address of this site shows: a chart, an embed, or a country page (its first chart, or the
    one its #chart-<indicator> fragment names); HTTPException 404 saying why for any other address."""
    target = urlsplit(url)
    params = parse_qs(target.query)
    ours = target.netloc == urlsplit(site_url).netloc
    if ours and target.path.startswith(CHART_PATH_PREFIXES):
        return find_view_or_404(url, views, target.path.split("/", 2)[2], params)
    if ours and target.path.startswith(COUNTRY_PATH_PREFIX):
        summary = find_country(url, release, target.path.removeprefix(COUNTRY_PATH_PREFIX))
        indicator = country_indicator(url, summary, target.fragment)
        return find_view_or_404(url, views, INDICATOR_CHART_SLUG, country_params(summary, indicator, params))
    raise HTTPException(404, f"'{shorten_url(url)}' is not a chart or country page of this site")


def find_view_or_404(url: str, views: ChartViews, slug: str, params: Mapping[str, Sequence[str]]) -> ChartView:
    try:
        return find_view(views, slug, params)
    except HTTPException as error:
        raise HTTPException(404, f"'{shorten_url(url)}' names no chart of this site: {error.detail}") from error


def find_country(url: str, release: Release, code: str) -> CountrySummary:
    summaries = {summary.iso3: summary for summary in country_summaries(release)}
    country = release.resolve_country(code)
    if country is None or country.iso3 not in summaries:
        known = ", ".join(iso3.lower() for iso3 in summaries)
        message = f"'{shorten_url(url)}' names no host country '{shorten(code)}'. Known countries: {known}."
        raise HTTPException(404, message)
    return summaries[country.iso3]


def country_indicator(url: str, summary: CountrySummary, fragment: str) -> str:
    """The indicator a country page's fragment points at; its first chart's when the fragment names no chart."""
    if not fragment.startswith(CHART_ANCHOR_PREFIX):
        return summary.indicators[0]
    indicator = fragment.removeprefix(CHART_ANCHOR_PREFIX)
    if indicator not in summary.indicators:
        charts = ", ".join(f"#{CHART_ANCHOR_PREFIX}{i}" for i in summary.indicators)
        message = f"'{shorten_url(url)}': {summary.name} has no chart '#{shorten(fragment)}'. Its charts: {charts}."
        raise HTTPException(404, message)
    return indicator


def newer_than(view: ChartView, edition: Edition, latest: Edition, urls: Urls) -> tuple[NewerData | None, str]:
    """For a view of an older release: what changed for its filters since, and where the latest view is."""
    if not edition.pinned or edition.version == latest.version:
        return None, ""
    try:
        latest_view: ChartView | None = find_view(latest.views, view.slug, {k: [v] for k, v in view.params.items()})
    except HTTPException:  # its filters name a country or an indicator the latest release no longer has
        latest_view = None
    href = urls.latest().view(latest_view) if latest_view else urls.latest().chart(view.slug)
    return newer_data(view, latest_view, latest.version), href
