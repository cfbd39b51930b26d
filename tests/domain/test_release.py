"""The release: typed claims, sources, events and countries built from the validated tables."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from app.data import load_dataset
from app.domain import Claim, Period, Release
from app.domain.summaries import country_groups, country_summaries, indicator_summaries

from ..tiny_data import edit_cell, write_tiny_data


def claim(release: Release, claim_id: str) -> Claim:
    found = release.claim(claim_id)
    assert found is not None
    return found


def test_claims_are_typed_and_frozen(release: Release) -> None:
    first = claim(release, "e0001")
    assert first.value_low == 30_000.0
    assert first.period == Period(date(2018, 12, 1), date(2018, 12, 31), "month")
    assert first.country.name == "Russia"
    assert first.source.publisher == "Outlet One"
    assert first.source.published == date(2019, 12, 23)
    assert first.unit == "workers"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.value_low = 1  # type: ignore[misc]


def test_claim_words(release: Release) -> None:
    first, revenue = claim(release, "e0001"), claim(release, "e0002")
    assert first.value_text == "about 30,000 workers"
    assert first.period_text == "Dec 2018"
    assert first.source.published_text == "23 Dec 2019"
    assert revenue.value_text == "US$200 million to 500 million a year"
    assert revenue.period_text == "period not stated"
    assert revenue.source.published_text == "Feb 2018"


def test_a_claim_is_drawn_mid_period_or_at_publication_when_the_period_is_unknown(release: Release) -> None:
    assert claim(release, "e0001").drawn_at == date(2018, 12, 16)
    assert claim(release, "e0002").drawn_at == date(2018, 2, 1)


def test_release_keeps_file_order_and_its_version(release: Release) -> None:
    assert [c.id for c in release.claims] == ["e0001", "e0002", "e0003"]
    assert release.version == release.frames.descriptor.version
    assert list(release.countries) == ["WLD", "RUS"]
    assert release.claim("e9999") is None
    assert release.source("nowhere") is None


def test_countries_resolve_by_code_or_name(release: Release) -> None:
    for text in ("RUS", "rus", "Russia", " russia "):
        found = release.resolve_country(text)
        assert found is not None
        assert found.iso3 == "RUS"
    assert release.resolve_country("atlantis") is None


def test_overlapping_claims_share_country_indicator_and_period(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    # A second Russian headcount for 2018, overlapping e0001's December 2018.
    edit_cell(data / "estimates.csv", 3, "indicator", "workers_abroad")
    release = Release.from_dataset(load_dataset(data, cache_dir=None))
    first, third = claim(release, "e0001"), claim(release, "e0003")
    assert release.overlapping(first) == [third]
    assert release.overlapping(third) == [first]
    assert release.overlapping(claim(release, "e0002")) == []  # unknown period: only other unknowns


def test_citation_chains_follow_repeats_to_the_original(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    edit_cell(data / "estimates.csv", 3, "indicator", "workers_abroad")
    edit_cell(data / "estimates.csv", 1, "repeats", "e0003")  # e0001 repeats the earlier e0003
    release = Release.from_dataset(load_dataset(data, cache_dir=None))
    first, third = claim(release, "e0001"), claim(release, "e0003")
    assert first.original_id == "e0003"
    assert not first.is_original
    assert third.original_id == "e0003"
    assert third.is_original
    assert release.repeats_of(first) == [third]
    assert release.repeated_by(third) == [first]
    assert release.repeated_by(first) == []


def test_events_and_claims_by_source(release: Release) -> None:
    assert [c.id for c in release.claims_from("s-one")] == ["e0001", "e0003"]
    assert [e.id for e in release.events_from("s-one")] == ["deadline"]
    assert [e.id for e in release.events_in("WLD")] == ["deadline"]
    event = release.events[0]
    assert event.start == date(2019, 12, 22)
    assert event.when_text == "22 Dec 2019"
    assert event.anchor == "event-deadline"


def test_summaries(release: Release) -> None:
    summaries = country_summaries(release)
    assert [(s.iso3, s.estimates, s.indicators) for s in summaries] == [
        ("WLD", 1, ("revenue_per_year",)),
        ("RUS", 2, ("workers_abroad", "workers_repatriated")),
    ]
    groups = country_groups(summaries)
    assert [(g.name, g.estimates, g.host_countries) for g in groups] == [
        ("Worldwide", 1, 0),
        ("Russia and Central Asia", 2, 1),
    ]
    by_indicator = {s.value: s for s in indicator_summaries(release)}
    assert by_indicator["workers_abroad"].rows == 1
    assert by_indicator["workers_abroad"].first == date(2018, 12, 1)
    assert by_indicator["revenue_per_year"].undated == 1
    assert by_indicator["revenue_per_year"].first is None
