"""Chart views are kept within a cap, the most recently used first, and built once under concurrent requests."""

from __future__ import annotations

import gc
import threading
import tracemalloc
from pathlib import Path

import pytest

from app.charts import views as views_module
from app.charts.query import ChartQuery
from app.charts.registry import ChartSpec
from app.charts.views import ChartView, ChartViews
from app.data import load_dataset
from app.domain import Release
from app.editions import chart_links
from app.urls import Urls

from ..tiny_data import write_tiny_data
from ..view_builds import count_builds


@pytest.fixture
def views(tmp_path: Path) -> ChartViews:
    release = Release.from_dataset(load_dataset(write_tiny_data(tmp_path / "data"), cache_dir=None))
    return ChartViews(release, chart_links(Urls()))


def year_queries(count: int) -> list[ChartQuery]:
    """``count`` distinct filtered views of one chart: every from/to pair of years, in order."""
    pairs = [(start, end) for start in range(1950, 2101) for end in range(start, 2101)]
    return [ChartQuery(indicator="workers_abroad", year_from=a, year_to=b) for a, b in pairs[:count]]


def kept_memory(views: ChartViews, spec: ChartSpec, queries: list[ChartQuery], warm: int) -> int:
    """Bytes of memory still held after asking for every query, beyond what was held after the first ``warm``."""
    tracemalloc.start()
    try:
        for query in queries[:warm]:
            views.get(spec, query)
        # Evicted views in reference cycles wait for the collector; collected now, only what is kept counts.
        gc.collect()
        after_warm, _peak = tracemalloc.get_traced_memory()
        for query in queries[warm:]:
            views.get(spec, query)
        gc.collect()
        after_all, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return after_all - after_warm


def test_ten_thousand_distinct_filters_keep_the_view_cache_flat(
    views: ChartViews, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache machinery alone, with a view stand-in of 20 KB, so that 10,000 filters take a second."""
    monkeypatch.setattr(views_module, "MAX_CACHED_VIEWS", 64)
    monkeypatch.setattr(views, "build", lambda spec, query: bytearray(20_000))
    spec = views.specs["workers-abroad"]
    grown = kept_memory(views, spec, year_queries(10_000), warm=1_000)
    assert views.cached() == 64
    assert grown < 64 * 1024  # 9,000 more views asked for, and not even 4 of them kept beyond the cap


def test_real_views_are_evicted_too(views: ChartViews, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views_module, "MAX_CACHED_VIEWS", 16)
    spec = views.specs["workers-abroad"]
    grown = kept_memory(views, spec, year_queries(400), warm=100)
    assert views.cached() == 16
    # Each view carries its server-drawn SVG (app/charts/svg.py), and the first few hundred drawings warm
    # allocator and interpreter caches (measured: 40-160 KB on the tiny data, 37 KB without drawings). Allow
    # a cap's worth of drawings for that: the 300 views past the cap that a leak would keep are 20 times more.
    drawings = 16 * len(views.default(spec).svg)
    assert grown < 128 * 1024 + drawings


def test_the_least_recently_used_view_goes_first(views: ChartViews, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views_module, "MAX_CACHED_VIEWS", 2)
    spec = views.specs["workers-abroad"]
    first, second, third = year_queries(3)
    kept_first = views.get(spec, first)
    views.get(spec, second)
    assert views.get(spec, first) is kept_first  # used again: now the most recent
    views.get(spec, third)  # evicts `second`, not `first`
    assert views.get(spec, first) is kept_first
    assert views.cached() == 2


def test_concurrent_requests_for_a_new_view_build_it_once(views: ChartViews, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = count_builds(views, monkeypatch)
    spec = views.specs["workers-abroad"]
    query = ChartQuery(indicator="workers_abroad", countries=("RUS",))
    barrier = threading.Barrier(8)
    seen: list[ChartView] = []

    def ask() -> None:
        barrier.wait()
        seen.append(views.get(spec, query))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == [query]
    assert len({id(view) for view in seen}) == 1
