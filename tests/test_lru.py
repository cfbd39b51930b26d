"""The bounded cache: least recently used out first, within its entry and byte caps, one render per key."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.lru import LruCache


def cache(max_entries: int = 100, max_bytes: int = 1000) -> LruCache[str, bytes]:
    """Keys weigh nothing here, so the sums below are the values' sizes; one test weighs keys."""
    return LruCache[str, bytes](max_entries, max_bytes, size=len, key_size=lambda key: 0)


def test_entry_cap_drops_the_least_recently_used() -> None:
    kept = cache(max_entries=3)
    for key in "abc":
        kept.put(key, b"x")
    assert kept.get("a") == b"x"  # "a" is now the most recently used; "b" the least
    kept.put("d", b"x")
    assert len(kept) == 3
    assert kept.get("b") is None
    assert [kept.get(key) for key in "acd"] == [b"x", b"x", b"x"]


def test_byte_cap_drops_as_many_as_it_takes() -> None:
    kept = cache(max_bytes=100)
    for key in "abcd":
        kept.put(key, bytes(30))
    assert kept.total_bytes == 90  # "a" went out to make room for "d"
    assert kept.get("a") is None
    kept.put("big", bytes(70))
    assert kept.total_bytes == 100
    assert len(kept) == 2
    assert kept.get("d") == bytes(30)
    assert kept.get("big") == bytes(70)


def test_keys_count_in_the_byte_cap() -> None:
    """A key from a request (a 1 MB Host) weighs what it holds: many of them cannot outgrow the cap."""
    kept = LruCache[tuple[str, bytes], bytes](max_entries=1000, max_bytes=10_000, size=len)
    for n in range(100):
        kept.put((f"{n:04}" + "h" * 996, b"q" * 1000), b"")  # empty values, 2,000-byte keys
    assert kept.total_bytes <= 10_000
    assert len(kept) == 5
    kept.put(("h" * 10_001, b""), b"")  # one key over the cap is not kept
    assert len(kept) == 5


def test_replacing_a_value_counts_its_new_size_only() -> None:
    kept = cache()
    kept.put("a", bytes(10))
    kept.put("a", bytes(25))
    assert (len(kept), kept.total_bytes) == (1, 25)


def test_a_value_over_the_byte_cap_is_returned_but_not_kept() -> None:
    kept = cache(max_bytes=100)
    kept.put("small", bytes(10))
    assert kept.get_or_create("huge", lambda: bytes(101)) == bytes(101)
    assert kept.get("huge") is None
    assert kept.get("small") == bytes(10)  # nothing was pushed out for it
    assert kept.total_bytes == 10


def test_get_or_create_calls_the_factory_only_on_a_miss() -> None:
    kept = cache()
    calls: list[str] = []

    def make() -> bytes:
        calls.append("a")
        return b"value"

    assert kept.get_or_create("a", make) == b"value"
    assert kept.get_or_create("a", make) == b"value"
    assert calls == ["a"]


def test_simultaneous_misses_on_one_key_render_it_once() -> None:
    kept = cache()
    calls = 0
    start = threading.Barrier(8)

    def slow_render() -> bytes:
        nonlocal calls
        calls += 1
        time.sleep(0.3)  # long enough for the other seven callers to arrive while it runs
        return b"rendered"

    def ask(_: int) -> bytes:
        start.wait()
        return kept.get_or_create("chart.png", slow_render)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(ask, range(8)))
    assert calls == 1
    assert results == [b"rendered"] * 8
    assert len({id(result) for result in results}) == 1  # one object, shared


def test_a_failure_reaches_every_waiter_and_is_not_kept() -> None:
    kept = cache()
    start = threading.Barrier(4)

    def failing_render() -> bytes:
        time.sleep(0.2)
        raise RuntimeError("no browser")

    def ask(_: int) -> str:
        start.wait()
        try:
            kept.get_or_create("chart.png", failing_render)
        except RuntimeError as error:
            return str(error)
        return "no error"

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(ask, range(4))) == ["no browser"] * 4
    assert kept.get_or_create("chart.png", lambda: b"second try") == b"second try"


@pytest.mark.parametrize(
    ("max_entries", "max_bytes", "message"),
    [
        (0, 10, "LruCache max_entries must be at least 1, not 0"),
        (1, -1, "LruCache max_bytes must not be negative, not -1"),
    ],
)
def test_caps_are_checked(max_entries: int, max_bytes: int, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        cache(max_entries, max_bytes)
