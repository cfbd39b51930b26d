"""Headline figures: the range of current claims for a question, never one invented number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain import Claim, Release
from ..domain.chains import independent_count, originals_text
from ..domain.words import format_value

# Claims count as current when the date they describe is within this of the latest one.
CURRENT_WINDOW = timedelta(days=3 * 365)


@dataclass(frozen=True)
class HeadlineSpec:
    title: str
    indicator: str
    country: str
    chart_slug: str
    chart_params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Headline:
    spec: HeadlineSpec
    text: str
    claims: list[Claim]  # the current claims, latest first
    originals: int  # independent originals behind them: a repeated figure counts once

    @property
    def originals_text(self) -> str:
        return originals_text(self.originals, len(self.claims))


HEADLINES = (
    HeadlineSpec("North Korean workers abroad", "workers_abroad", "WLD", "workers-worldwide"),
    HeadlineSpec("Workers in China", "workers_abroad", "CHN", "workers-abroad", (("countries", "chn"),)),
    HeadlineSpec("Workers in Russia", "workers_abroad", "RUS", "workers-abroad", (("countries", "rus"),)),
    HeadlineSpec("Earnings for the state, a year", "revenue_per_year", "WLD", "revenue"),
    HeadlineSpec("Workers sent home by the 2019 deadline", "workers_repatriated", "WLD", "repatriations"),
)


def latest_date(claim: Claim) -> date:
    """How recent a claim is: the end of its period, or its publication date when the period is unknown."""
    return claim.period.end if claim.period.known and claim.period.end else claim.source.published


def headline(release: Release, spec: HeadlineSpec) -> Headline:
    """Claims for the whole country (no region) from all workers, within the window of the latest."""
    claims = [
        claim
        for claim in release.claims
        if claim.indicator == spec.indicator
        and claim.country.iso3 == spec.country
        and claim.workforce == "all"
        and not claim.region
    ]
    if claims:
        newest = max(latest_date(claim) for claim in claims)
        claims = [claim for claim in claims if latest_date(claim) >= newest - CURRENT_WINDOW]
    claims.sort(key=lambda claim: (latest_date(claim), claim.id), reverse=True)
    unit = release.category("indicator", spec.indicator).unit
    originals = independent_count(claim.original_id for claim in claims)
    return Headline(spec=spec, text=range_text(claims, unit), claims=claims, originals=originals)


def range_text(claims: list[Claim], unit: str) -> str:
    if not claims:
        return "no estimate"
    low = min(claims, key=lambda claim: claim.value_low)
    high = max(claims, key=lambda claim: claim.value_high)
    if low.id == high.id:
        return low.value_text
    low_qualifier = "exact" if low.qualifier == "range" else low.qualifier
    high_qualifier = "exact" if high.qualifier == "range" else high.qualifier
    if low.value_low == high.value_high and low_qualifier == high_qualifier:
        return format_value(low.value_low, low.value_low, low_qualifier, unit)
    first = format_value(low.value_low, low.value_low, low_qualifier, unit, suffix=False)
    second = format_value(high.value_high, high.value_high, high_qualifier, unit)
    return f"{first} to {second}"


def headlines(release: Release) -> list[Headline]:
    return [headline(release, spec) for spec in HEADLINES]
