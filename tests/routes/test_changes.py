"""The changelog (``app/routes/changes.py``): /changes, its JSON twin, its Atom feed, and each claim's history.

Most tests read three releases of the tiny data made with the release command, so every change is known:
1.0.0 is the tiny data; 1.1.0 corrects e0001's value and adds e0004; 1.2.0 removes e0004.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient

from app.data.make_release import make_release
from app.settings import Settings

from ..clients import app_client
from ..html import BASE, attr, one, parse, text
from ..tiny_data import edit_cell, write_tiny_data

ATOM = "{http://www.w3.org/2005/Atom}"
DAYS = {"1.0.0": date(2026, 1, 5), "1.1.0": date(2026, 2, 10), "1.2.0": date(2026, 3, 2)}


def copy_row(path: Path, row: int, new_id: str) -> None:
    """Append a copy of data row ``row`` (1-based) under ``new_id``."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows.append([new_id, *rows[row][1:]])
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def drop_row(path: Path, row_id: str) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle) if row[0] != row_id]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Iterator[TestClient]:
    data = write_tiny_data(tmp_path_factory.mktemp("released") / "data")
    estimates = data / "estimates.csv"
    make_release(data, "1.0.0", DAYS["1.0.0"])
    edit_cell(estimates, 1, "value_low", "31000")
    edit_cell(estimates, 1, "value_high", "31000")
    copy_row(estimates, 1, "e0004")
    make_release(data, "1.1.0", DAYS["1.1.0"])
    drop_row(estimates, "e0004")
    make_release(data, "1.2.0", DAYS["1.2.0"])
    with app_client(Settings(data_dir=data, cache_dir=cache_dir)) as client:
        yield client


def section(client: TestClient, version: str) -> str:
    return text(parse(client.get("/changes").text), f'section[id="release-{version}"]')


def hrefs(client: TestClient, selector: str, path: str = "/changes") -> list[str]:
    return [attr(link, "href") for link in parse(client.get(path).text).select(selector)]


# The page.


def test_every_release_has_its_section_newest_first(released: TestClient) -> None:
    page = parse(released.get("/changes").text)
    assert [attr(s, "id") for s in page.select("section.release-note")] == [
        "release-1.2.0",
        "release-1.1.0",
        "release-1.0.0",
    ]
    assert "2 Mar 2026" in text(page, '[id="release-1.2.0"] h2')
    assert "latest" in text(page, '[id="release-1.2.0"] h2')
    assert "latest" not in text(page, '[id="release-1.1.0"] h2')


def test_each_release_counts_its_changes_since_the_one_before(released: TestClient) -> None:
    assert "1 claim added, 1 corrected, 0 removed since 1.0.0." in section(released, "1.1.0")
    assert "0 claims added, 0 corrected, 1 removed since 1.1.0." in section(released, "1.2.0")


def test_the_first_release_kept_is_the_starting_set_by_count_not_by_link(released: TestClient) -> None:
    words = " ".join(section(released, "1.0.0").split())
    assert "The first release kept in the archive: its 3 claims and 1 event are the starting set." in words
    assert hrefs(released, '[id="release-1.0.0"] a') == [
        "/v/1.0.0/data/estimates.csv",
        "/v/1.0.0/",
        "/v/1.0.0/data/nk-workers-abroad-1.0.0.zip",
    ]


def test_a_correction_names_its_columns_and_links_both_copies(released: TestClient) -> None:
    item = one(parse(released.get("/changes").text), '[id="release-1.1.0"] ul.corrections li')
    assert " ".join(item.get_text().split()) == "e0001: low value, high value · as it was in 1.0.0"
    assert [attr(a, "href") for a in item.select("a")] == ["/v/1.1.0/estimates/e0001", "/v/1.0.0/estimates/e0001"]


def test_added_claims_link_to_the_release_and_removed_ones_to_the_release_before(released: TestClient) -> None:
    assert "/v/1.1.0/estimates/e0004" in hrefs(released, '[id="release-1.1.0"] ul.id-list a')
    assert hrefs(released, '[id="release-1.2.0"] ul.id-list a') == ["/v/1.1.0/estimates/e0004"]
    assert "Removed claims, as they were in 1.1.0 (1)" in section(released, "1.2.0")


def test_every_link_on_the_page_answers(released: TestClient) -> None:
    """Each release's home, zip, CSV and every claim copy it links to exists."""
    links = {href for href in hrefs(released, "main a") if href.startswith("/")}
    assert {"/v/1.0.0/", "/v/1.1.0/data/nk-workers-abroad-1.1.0.zip", "/changes.atom", "/changes.json"} <= links
    broken = [href for href in sorted(links) if released.get(href).status_code != 200]
    assert broken == []


def test_a_long_list_of_ids_is_folded_and_a_short_one_is_not(client: TestClient) -> None:
    """At 375 px 272 ids would push every other release off the screen (the real data: 2.0.0)."""
    release = one(parse(client.get("/changes").text), '[id="release-2.0.0"]')
    summaries = [" ".join(s.get_text().split()) for s in release.select("details > summary")]
    assert "Added claims (272) show them" in summaries
    assert len(release.select("details ul.id-list a")) == 272
    assert text(release, "h3.id-heading") == "Corrected claims (11)"
    assert "e0108: period start, period end, how the period is known, notes" in " ".join(release.get_text().split())


def test_every_page_links_to_the_changes_and_offers_the_feed(released: TestClient) -> None:
    for path in ("/", "/v/1.0.0/estimates/e0001", "/changes"):
        page = parse(released.get(path).text)
        feed = one(page, 'head link[rel=alternate][type="application/atom+xml"]')
        assert attr(feed, "href") == "/changes.atom", path
        assert "Changes" in [a.get_text() for a in page.select("footer.site-footer a")], path


def test_the_changelog_is_not_pinned_to_a_release(released: TestClient) -> None:
    assert released.get("/v/1.0.0/changes").status_code == 404


# The JSON twin.


def test_the_json_twin_has_the_ids_and_where_each_copy_is(released: TestClient) -> None:
    response = released.get("/changes.json")
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["feed"] == f"{BASE}/changes.atom"
    assert [r["version"] for r in body["releases"]] == ["1.2.0", "1.1.0", "1.0.0"]
    middle = body["releases"][1]
    assert middle["published"] == "2026-02-10"
    assert middle["previous"] == "1.0.0"
    assert middle["zip"] == f"{BASE}/v/1.1.0/data/nk-workers-abroad-1.1.0.zip"
    assert middle["claims"]["added"] == [{"id": "e0004", "url": f"{BASE}/v/1.1.0/estimates/e0004"}]
    assert middle["claims"]["corrected"] == [
        {
            "id": "e0001",
            "columns": ["value_low", "value_high"],
            "columns_in_words": "low value, high value",
            "url": f"{BASE}/v/1.1.0/estimates/e0001",
            "previous_url": f"{BASE}/v/1.0.0/estimates/e0001",
        }
    ]
    assert body["releases"][0]["claims"]["removed"] == [
        {"id": "e0004", "previous_url": f"{BASE}/v/1.1.0/estimates/e0004"}
    ]
    assert body["releases"][2]["claims"]["added"][0]["id"] == "e0001"


# The feed.


def test_the_feed_is_valid_atom_to_a_feed_reader(released: TestClient) -> None:
    response = released.get("/changes.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == f"{BASE}/changes"
    assert feed.feed.updated_parsed[:3] == (2026, 3, 2)
    assert {(link.rel, link.href) for link in feed.feed.links} == {
        ("self", f"{BASE}/changes.atom"),
        ("alternate", f"{BASE}/changes"),
    }
    assert feed.feed.author == "North Korean Workers Abroad"
    assert [entry.title for entry in feed.entries] == [
        "Release 1.2.0: 0 claims added, 0 corrected, 1 removed since 1.1.0",
        "Release 1.1.0: 1 claim added, 1 corrected, 0 removed since 1.0.0",
        "Release 1.0.0: the first release kept in the archive, 3 claims, the starting set",
    ]
    assert [entry.id for entry in feed.entries] == [f"{BASE}/changes#release-{v}" for v in ("1.2.0", "1.1.0", "1.0.0")]
    assert [entry.link for entry in feed.entries] == [
        f"{BASE}/changes#release-{v}" for v in ("1.2.0", "1.1.0", "1.0.0")
    ]
    assert [entry.updated_parsed[:3] for entry in feed.entries] == [(2026, 3, 2), (2026, 2, 10), (2026, 1, 5)]


def test_a_feed_entry_names_the_changed_claims_with_absolute_links(released: TestClient) -> None:
    entry = feedparser.parse(released.get("/changes.atom").content).entries[1]
    assert entry.content[0].type == "text/html"
    body = parse(entry.content[0].value)
    words = " ".join(body.get_text().split())
    assert "1 claim added, 1 corrected, 0 removed since 1.0.0" in words
    assert "Claims corrected: e0001 (low value, high value)" in words
    assert [attr(a, "href") for a in body.select("a")] == [
        f"{BASE}/v/1.1.0/estimates/e0001",
        f"{BASE}/v/1.1.0/estimates/e0004",
        f"{BASE}/v/1.1.0/",
        f"{BASE}/v/1.1.0/data/nk-workers-abroad-1.1.0.zip",
    ]


def test_the_feed_is_atom_to_an_xml_parser(released: TestClient) -> None:
    root = ET.fromstring(released.get("/changes.atom").content)
    assert root.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{child}") is not None, child
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        assert [entry.find(f"{ATOM}{name}") is not None for name in ("id", "title", "updated", "content")] == [True] * 4
        assert entry.find(f"{ATOM}content").get("type") == "html"  # type: ignore[union-attr]


def test_feed_readers_polling_get_a_304(released: TestClient) -> None:
    etag = released.get("/changes.atom").headers["etag"]
    assert released.get("/changes.atom", headers={"If-None-Match": etag}).status_code == 304


def test_the_real_feed_says_what_2_0_0_changed(client: TestClient) -> None:
    feed = feedparser.parse(client.get("/changes.atom").content)
    assert feed.bozo == 0
    assert feed.entries[0].title == ("Release 2.0.0: 272 claims added, 11 corrected, 0 removed since 2.0.0-rc.1")
    assert feed.entries[1].title.startswith("Release 2.0.0-rc.1: the first release kept in the archive, ")


# Each claim's history.


def history(client: TestClient, path: str) -> list[str]:
    page = parse(client.get(path).text)
    return [" ".join(item.get_text().split()) for item in page.select("ul.claim-history li")]


def test_a_claim_page_tells_its_history_with_a_link_to_each_releases_copy(released: TestClient) -> None:
    assert history(released, "/estimates/e0001") == [
        "In 1.0.0 (5 Jan 2026), the first release kept",
        "Corrected in 1.1.0 (10 Feb 2026): low value, high value",
    ]
    assert hrefs(released, "ul.claim-history a", "/estimates/e0001") == [
        "/v/1.0.0/estimates/e0001",
        "/v/1.1.0/estimates/e0001",
    ]


def test_a_removed_claim_links_to_the_last_release_that_had_it(released: TestClient) -> None:
    assert history(released, "/v/1.1.0/estimates/e0004") == [
        "Added in 1.1.0 (10 Feb 2026) (this page)",
        "Removed in 1.2.0 (2 Mar 2026); as it was in 1.1.0",
    ]


def test_a_pinned_claim_corrected_later_says_so_and_links_to_the_latest(released: TestClient) -> None:
    page = parse(released.get("/v/1.0.0/estimates/e0001").text)
    notice = one(page, "main p.newer-data[role=note]")
    assert notice.get_text() == "This claim was corrected in 1.1.0 (low value, high value): see the latest version."
    assert [attr(a, "href") for a in notice.select("a")] == ["/estimates/e0001"]
    assert page.select("main > *")[0] is notice  # first thing read in the page's content


def test_a_pinned_claim_removed_later_says_so_without_a_link(released: TestClient) -> None:
    notice = one(parse(released.get("/v/1.1.0/estimates/e0004").text), "p.newer-data")
    assert notice.get_text() == "This claim was removed in 1.2.0."
    assert notice.select("a") == []


@pytest.mark.parametrize("path", ["/v/1.1.0/estimates/e0001", "/estimates/e0001", "/v/1.2.0/estimates/e0002"])
def test_no_notice_when_nothing_changed_later(released: TestClient, path: str) -> None:
    page = parse(released.get(path).text)
    assert page.select_one("h1") is not None
    assert page.select(".newer-data") == []


@pytest.mark.parametrize("path", ["/estimates/e0004", "/v/1.0.0/estimates/e0004"])
def test_a_claim_missing_from_a_release_is_a_404_naming_the_releases_that_have_it(
    released: TestClient, path: str
) -> None:
    response = released.get(path)
    assert response.status_code == 404
    page = parse(response.text)
    version = path.split("/")[2] if path.startswith("/v/") else "1.2.0"
    assert text(page, ".error-detail") == f"Release {version} has no estimate 'e0004'. It is in release 1.1.0."
    assert hrefs(released, ".error-links a", path) == ["/v/1.1.0/estimates/e0004"]


def test_an_id_never_released_keeps_its_plain_404(released: TestClient) -> None:
    response = released.get("/estimates/e9999")
    assert response.status_code == 404
    assert text(parse(response.text), ".error-detail") == "No estimate 'e9999'. Estimate ids look like e0001."


# The edges: no release kept yet, and a public base URL.


def test_with_no_release_kept_the_page_says_so_and_the_feed_is_still_valid(small_client: TestClient) -> None:
    assert "No release is kept in the archive yet." in text(parse(small_client.get("/changes").text), "main")
    feed = feedparser.parse(small_client.get("/changes.atom").content)
    assert (feed.bozo, feed.entries) == (0, [])
    assert small_client.get("/changes.json").json()["releases"] == []


def test_feed_ids_use_the_public_base_url_whatever_host_was_asked(tiny: Path, cache_dir: Path) -> None:
    make_release(tiny, "1.0.0", DAYS["1.0.0"])
    settings = Settings(data_dir=tiny, cache_dir=cache_dir, base_url="https://workers.example")
    with app_client(settings) as client:
        feed = feedparser.parse(client.get("/changes.atom").content)
    assert feed.bozo == 0
    assert feed.feed.id == "https://workers.example/changes"
    assert [entry.id for entry in feed.entries] == ["https://workers.example/changes#release-1.0.0"]
    body = parse(feed.entries[0].content[0].value)
    assert "The first release kept in the archive: its 3 claims and 1 event are the starting set." in body.get_text()
    assert body.select("a")[0]["href"] == "https://workers.example/v/1.0.0/"
