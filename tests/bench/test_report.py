"""The whole table from made-up measurements: every row of issue 12 is there, each target is checked against
the right figure, and one missed target fails the run."""

from __future__ import annotations

import dataclasses

from bench.browser import Fetched, Navigation, Visits
from bench.lighthouse import Audit
from bench.run import LIGHTHOUSE_PAGES, PAGES, TARGETS, References, Scale, report
from bench.wrk import Load

EMBED_FIRST = Navigation(
    fetched=[
        Fetched("http://a/embed/workers-abroad", 0, 20_000, is_document=True),
        Fetched("http://a/assets/site.1.css", 30, 6_000, is_document=False),
        Fetched("http://a/assets/plotly.2.js", 900, 330_000, is_document=False),  # on hover, after the chart
    ],
    fcp_ms=90,
    svg_painted_ms=120,
    all_svg_painted_ms=120,
    chart_done_ms=None,
)
EMBED_REPEAT = dataclasses.replace(EMBED_FIRST, fetched=[Fetched("http://a/embed/workers-abroad", 0, 500, True)])


def scale(factor: int) -> Scale:
    visits = Visits(first=[EMBED_FIRST] * 3, repeat=[EMBED_REPEAT] * 3)
    return Scale(
        factor=factor,
        cold_ms=800,
        first={path: Load(3000, 5, 20) for path in PAGES},
        rss=120,
        loads={path: (Load(5000, 5, 20), Load(15000, 2, 8)) for path in TARGETS},
        embed=visits,
        home=visits,
    )


def references(**changes: object) -> References:
    passing = References(
        full_chart_ms=2000,
        full_hover_ms=3000,
        embed_hover_ms=1200,
        dash_chart_ms=2500,
        lighthouse={path: Audit(95, 1800, 100, 0.0) for path in LIGHTHOUSE_PAGES},
    )
    return dataclasses.replace(passing, **changes)  # type: ignore[arg-type]


def rows_of(table: str) -> dict[str, list[str]]:
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    return {row[0]: row[1:] for row in cells}


def test_every_target_met_passes_with_every_row_of_issue_12() -> None:
    table, ok = report([scale(1), scale(10)], references())
    rows = rows_of(table)
    assert ok
    assert rows["Embed: chart visible (server SVG painted), ratio to the reference's time to chart"] == [
        "120 ms (0.06x)",
        "120 ms",
        "≤ 0.10x",
        "yes",
    ]
    assert rows["Embed: bytes on the wire until the chart is visible, first visit"][0] == "25.4 KiB"
    assert rows["Embed: plotly.js requested before the chart is visible"][0] == "no"
    assert rows["Embed: time until hover works, ratio to the reference"][:2] == ["1,200 ms (0.40x)", "—"]
    assert rows["`/charts/workers-abroad` app/nginx req/s (gzip_static)"] == ["0.33x", "0.33x", "≥ 0.25x", "yes"]
    assert rows["`/embed/workers-abroad` app p99, first 5 s after a start"][-1] == "yes"
    assert rows["Lighthouse performance (mobile), `/`: score (LCP, TBT, CLS)"][0] == "95 (1.8 s, 100 ms, 0.000)"


def test_one_missed_target_fails_the_run() -> None:
    slow_hover = references(embed_hover_ms=1600)
    table, ok = report([scale(1)], slow_hover)
    assert not ok
    assert rows_of(table)["Embed: time until hover works, ratio to the reference"][-1] == "**no**"


def test_a_chart_that_never_painted_misses_its_target() -> None:
    never = scale(1)
    never.embed = Visits(first=[dataclasses.replace(EMBED_FIRST, svg_painted_ms=None)], repeat=[EMBED_REPEAT])
    table, ok = report([never], references())
    assert not ok
    assert rows_of(table)["Embed: chart visible (server SVG painted), ratio to the reference's time to chart"][-1] == (
        "**no**"
    )
