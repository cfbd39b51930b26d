"""Each country's latest claims, as the map shows them: a range of what was said for the latest year, never a mean."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from app.charts.geography import World
from app.charts.hostmap import DEFAULT_INDICATOR, MapQuery, MapView, bands, parse_map_query
from app.charts.latest import latest_claims
from app.charts.query import QueryError
from app.domain import Claim, Country, Period, Source

RUSSIA = Country("RUS", "Russia", "Russia and Central Asia", "country")
WORLD = Country("WLD", "Worldwide", "Worldwide", "world")


def claim(
    claim_id: str, low: float, high: float, qualifier: str, period: tuple[str, str] | None, published: str, **kw: str
) -> Claim:
    source = Source(
        id=f"s-{claim_id}", publisher="Outlet", original_publisher="", title="t", author="", url="", file="",
        published=date.fromisoformat(published), published_precision="day", published_basis="printed",
    )  # fmt: skip
    start, end = (date.fromisoformat(period[0]), date.fromisoformat(period[1])) if period else (None, None)
    made = Claim(
        id=claim_id, indicator=DEFAULT_INDICATOR, unit="workers", workforce="all", country=RUSSIA, region="",
        measure="workers", value_low=low, value_high=high, qualifier=qualifier,
        period=Period(start, end, "month" if period else "unknown"), period_basis="", claimant="c", source=source,
        quote="q", quote_language="en", quote_translation="", verification="publisher_page", repeats="",
        original_id=claim_id, notes="",
    )  # fmt: skip
    return replace(made, **kw)  # type: ignore[arg-type]


CLAIMS = [
    claim("e1", 20000, 20000, "about", ("2017-01-01", "2017-01-31"), "2017-02-01"),
    claim("e2", 30000, 30000, "at_least", ("2019-03-01", "2019-03-31"), "2019-04-01"),
    claim("e3", 50000, 50000, "up_to", ("2019-10-01", "2019-10-31"), "2020-01-15"),
    claim("e4", 1000, 1000, "about", None, "2024-05-01", region="Amur Oblast"),
]


def test_the_latest_year_as_a_range_with_qualifiers_in_words() -> None:
    (russia,) = latest_claims(CLAIMS, DEFAULT_INDICATOR, "workers")
    assert russia.year == 2019
    assert [c.id for c in russia.claims] == ["e3", "e2"]
    assert russia.text == "at least 30,000 to up to 50,000 workers"
    assert (russia.low, russia.high) == (30000, 50000)
    assert russia.count_text == "2 claims from 2 sources"


def test_as_of_removes_claims_published_later() -> None:
    (russia,) = latest_claims(CLAIMS, DEFAULT_INDICATOR, "workers", as_of=date(2019, 12, 31))
    assert [c.id for c in russia.claims] == ["e2"]
    assert russia.text == "at least 30,000 workers"
    assert latest_claims(CLAIMS, DEFAULT_INDICATOR, "workers", as_of=date(2017, 1, 31)) == []


def test_an_undated_or_partial_claim_stands_for_a_country_only_when_it_has_nothing_better() -> None:
    # e4 is drawn in 2024 (its publication), about one province: it must not pass for Russia's latest figure.
    only_partial = latest_claims(CLAIMS[3:], DEFAULT_INDICATOR, "workers")
    assert [c.id for c in only_partial[0].claims] == ["e4"]
    assert only_partial[0].parts == ("Amur Oblast",)


def test_a_claim_about_one_kind_of_worker_is_named_as_the_descriptor_names_it() -> None:
    builders = claim("m1", 500, 500, "exact", ("2019-01-01", "2019-12-31"), "2020-01-01", workforce="military")
    (russia,) = latest_claims(
        [builders], DEFAULT_INDICATOR, "workers", workforce_labels={"military": "Military builders"}
    )
    assert russia.parts == ("Military builders",)
    (whole,) = latest_claims(CLAIMS[:3], DEFAULT_INDICATOR, "workers", workforce_labels={"all": "All workers"})
    assert whole.parts == (), "a claim about all workers covers the whole country"


def test_other_indicators_and_places_are_apart() -> None:
    world = claim("w1", 100000, 100000, "about", ("2019-01-01", "2019-12-31"), "2020-01-01", country=WORLD)  # type: ignore[arg-type]
    other = claim("x1", 5, 5, "exact", ("2019-01-01", "2019-12-31"), "2020-01-01", indicator="worksites")
    found = latest_claims([*CLAIMS, world, other], DEFAULT_INDICATOR, "workers")
    assert [entry.country.iso3 for entry in found] == ["RUS", "WLD"]


def test_bands_are_powers_of_ten_with_open_ends() -> None:
    found = bands([0, 72, 30000], "workers")
    assert [band.text for band in found] == [
        "under 10 workers",
        "10 to under 100 workers",
        "100 to under 1,000 workers",
        "1,000 to under 10,000 workers",
        "10,000 workers or more",
    ]
    assert len({band.colour for band in found}) == len(found)
    assert [next(b.text for b in found if b.holds(v)) for v in (0, 99, 100, 10**6)] == [
        "under 10 workers",
        "10 to under 100 workers",
        "100 to under 1,000 workers",
        "10,000 workers or more",
    ]


def test_map_query_parses_and_refuses_precisely() -> None:
    query = parse_map_query(
        {"indicator": ["work_permits"], "as_of": ["2019-12-22"]}, ["workers_abroad", "work_permits"]
    )
    assert query == MapQuery("work_permits", date(2019, 12, 22))
    assert query.params == {"indicator": "work_permits", "as_of": "2019-12-22"}
    assert MapQuery().params == {}
    with pytest.raises(QueryError, match="indicator: 'revenue_total' is not an indicator with claims about single"):
        parse_map_query({"indicator": ["revenue_total"]}, ["workers_abroad"])
    with pytest.raises(QueryError, match="as_of: '2019-02-30' is not a date written YYYY-MM-DD"):
        parse_map_query({"as_of": ["2019-02-30"]}, ["workers_abroad"])


def test_the_map_hover_makes_words_from_the_data_inert() -> None:
    hostile = replace(RUSSIA, name="<a href='https://evil.example'>Russia</a>")
    (entry,) = latest_claims([replace(CLAIMS[0], country=hostile)], DEFAULT_INDICATOR, "workers")
    view = MapView(MapQuery(), "Workers abroad", "workers", (entry,), (), tuple(bands([entry.high], "workers")))
    plot = json.loads(view.plot_json(World(shapes={}, centroids={"RUS": (0, 0)}), lambda iso3: f"/c/{iso3}"))
    hover = plot["places"][0]["hover"]
    assert "<a" not in hover
    assert "&lt;a href=" in hover
