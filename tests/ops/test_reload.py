"""SIGHUP re-reads the data under a running server while readers keep reading (``app/reload.py``)."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import httpx

from ..live_server import LiveServer, RecordProperty, live_server, reading, wait_until
from ..tiny_data import edit_cell

# The figure the tiny data's first claim gets from an edit (its page also quotes the old one, 30,000).
NEW_FIGURE = "45,678"
PAGES = ["/", "/estimates/e0001", "/charts/workers-abroad", "/data/estimates.csv", "/healthz"]
RELOAD_SECONDS = 20


def environment(data: Path, cache: Path) -> dict[str, str]:
    return {"NKW_DATA_DIR": str(data), "NKW_CACHE_DIR": str(cache)}


def reloads_after(server: LiveServer, count: int) -> bool:
    return server.health()["last_reload"] is not None and count_reloads(server) > count


def count_reloads(server: LiveServer) -> int:
    return server.output().count("SIGHUP: reading")


def claim_page(server: LiveServer) -> str:
    return httpx.get(f"{server.url}/estimates/e0001", timeout=10).text


def reload_while_reading(server: LiveServer, record_property: RecordProperty, name: str) -> list[str]:
    """SIGHUP with two readers requesting pages throughout; the failures they met."""
    with reading(server.url, PAGES) as readers:
        wait_until(lambda: sum(reader.made for reader in readers) >= 20, 10, "the readers made no 20 requests")
        server.signal(signal.SIGHUP)
        wait_until(lambda: server.health()["last_reload"] is not None, RELOAD_SECONDS, "no reload was reported")
        time.sleep(0.5)  # and a while after the swap
    made = sum(reader.made for reader in readers)
    record_property(f"{name}_requests", made)
    failures = [failure for reader in readers for failure in reader.failures]
    record_property(f"{name}_failed", len(failures))
    retried = sum(reader.retried for reader in readers)
    record_property(f"{name}_retried", retried)
    assert made >= 40
    assert retried == 0  # a reload in place closes no connection
    return failures


def test_a_rejected_edit_changes_nothing_served(tmp_path: Path, tiny: Path, record_property: RecordProperty) -> None:
    with live_server(environment(tiny, tmp_path / "cache")) as server:
        assert NEW_FIGURE not in claim_page(server)
        edit_cell(tiny / "estimates.csv", 1, "value_low", "abc")
        edit_cell(tiny / "estimates.csv", 1, "value_high", "45678")

        assert reload_while_reading(server, record_property, "rejected_reload") == []
        health = server.health()
        assert NEW_FIGURE not in claim_page(server)  # the edit's other, valid, cell is not served either
        log = server.output()
    assert health["status"] == "degraded"
    assert health["last_reload"]["outcome"] == "rejected"  # type: ignore[index]
    assert health["last_rejected_edit"]["report"] == [  # type: ignore[index]
        f"{tiny}/estimates.csv:2: value_low: 'abc': must be a number",
        "1 problem found; the data was not loaded.",
    ]
    assert health["dataset"]["loaded_from"] == "data"  # type: ignore[index]
    assert f"Reload of {tiny} rejected; still serving" in log
    assert f"{tiny}/estimates.csv:2: value_low: 'abc': must be a number" in log


def test_a_good_edit_is_served_whole(tmp_path: Path, tiny: Path, record_property: RecordProperty) -> None:
    with live_server(environment(tiny, tmp_path / "cache")) as server:
        before = server.health()["dataset"]
        assert NEW_FIGURE not in claim_page(server)  # and the page is now kept in the response cache
        edit_cell(tiny / "estimates.csv", 1, "value_low", "45678")
        edit_cell(tiny / "estimates.csv", 1, "value_high", "45678")
        descriptor = json.loads((tiny / "datapackage.json").read_text(encoding="utf-8"))
        (tiny / "datapackage.json").write_text(json.dumps(descriptor | {"version": "9.0.0"}), encoding="utf-8")

        assert reload_while_reading(server, record_property, "good_reload") == []
        health = server.health()
        page = claim_page(server)
        csv_text = httpx.get(f"{server.url}/data/estimates.csv", timeout=10).text
    assert NEW_FIGURE in page
    assert ",45678,45678," in csv_text
    assert health["status"] == "ok"
    assert health["last_reload"]["outcome"] == "loaded"  # type: ignore[index]
    assert health["dataset"]["version"] == "9.0.0"  # type: ignore[index]
    assert health["dataset"]["fingerprint"] != before["fingerprint"]  # type: ignore[index]


def test_a_restart_with_bad_data_serves_the_last_good_copy(tmp_path: Path, tiny: Path) -> None:
    env = environment(tiny, tmp_path / "cache")
    with live_server(env):
        pass  # a good start keeps a copy of the files
    edit_cell(tiny / "estimates.csv", 1, "source_id", "missing")
    edit_cell(tiny / "estimates.csv", 1, "value_low", "45678")
    edit_cell(tiny / "estimates.csv", 1, "value_high", "45678")
    with live_server(env) as server:
        health = server.health()
        page = claim_page(server)
        log = server.output()
    assert NEW_FIGURE not in page
    assert "Outlet One" in page  # the claim's source, as the last good copy has it
    assert health["status"] == "degraded"
    assert health["dataset"]["loaded_from"] == "last-good"  # type: ignore[index]
    problem = f"{tiny}/estimates.csv:2: source_id: 'missing': not found in column id of sources.csv"
    report = health["last_rejected_edit"]["report"]  # type: ignore[index]
    assert report == [problem, "1 problem found; the data was not loaded."]
    assert f"{tiny} was rejected; serving its last good copy" in log
    assert problem in log


def test_with_several_workers_sighup_to_the_parent_replaces_them_one_by_one(
    tmp_path: Path, tiny: Path, record_property: RecordProperty
) -> None:
    env = environment(tiny, tmp_path / "cache") | {"NKW_WORKERS": "2"}
    with live_server(env) as server:
        edit_cell(tiny / "estimates.csv", 1, "value_low", "45678")
        edit_cell(tiny / "estimates.csv", 1, "value_high", "45678")
        with reading(server.url, PAGES) as readers:
            wait_until(lambda: sum(reader.made for reader in readers) >= 20, 10, "the readers made no 20 requests")
            server.signal(signal.SIGHUP)
            retired = "Finished server process"
            wait_until(lambda: server.output().count(retired) >= 2, 40, "the two workers were not replaced")
        pages = [claim_page(server) for _ in range(6)]  # each worker answers some
    made = sum(reader.made for reader in readers)
    failures = [failure for reader in readers for failure in reader.failures]
    record_property("workers_reload_requests", made)
    record_property("workers_reload_failed", len(failures))
    record_property("workers_reload_retried", sum(reader.retried for reader in readers))
    assert failures == []
    assert all(NEW_FIGURE in page for page in pages)
