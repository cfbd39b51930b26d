"""A second release changes what the latest addresses show and nothing a pinned address shows.

The whole story of issue 11 on the tiny dataset: release 1.0.0, cite and embed it, correct a claim and add one,
release 1.1.0, and check what every address shows afterwards.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient

from app.data.make_release import make_release
from app.main import create_app
from app.settings import Settings

from ..clients import app_client
from ..html import BASE, attr, one, parse
from ..tiny_data import edit_cell, write_tiny_data

EMBED = "/embed/workers-abroad?countries=rus"
FIGURE = "/charts/workers-abroad.plotly?countries=rus"  # what the embed's script draws
OLD_ZIP = "/data/nk-workers-abroad-1.0.0.zip"


def drawn_values(figure_json: str | bytes) -> set[float]:
    """Every value a chart draws: the y of every trace of its Plotly figure (the events lane aside)."""
    figure = json.loads(figure_json)
    values: set[float] = set()
    for trace in figure["data"]:
        if (trace.get("meta") or {}) in ("event", "legend") or trace.get("yaxis", "y") != "y":
            continue
        values |= {float(y) for y in trace.get("y") or [] if isinstance(y, int | float)}
    return values


def add_claim(data: Path, row: dict[str, str]) -> None:
    path = data / "estimates.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with path.open("a", newline="", encoding="utf-8") as handle:
        csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n").writerow(row)


@dataclass
class TwoReleases:
    before: dict[str, bytes]  # what release 1.0.0's addresses answered while it was the latest
    client: TestClient  # the app after release 1.1.0


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoReleases]:
    root = tmp_path_factory.mktemp("releases")
    data = write_tiny_data(root / "data")
    make_release(data, "1.0.0", date(2026, 1, 10))
    settings = Settings(data_dir=data, cache_dir=root / "cache")
    with app_client(settings) as first:
        before = {path: first.get(path).content for path in (OLD_ZIP, "/v/1.0.0" + FIGURE, FIGURE)}
    edit_cell(data / "estimates.csv", 1, "value_low", "35000")  # e0001: about 30,000 workers in Russia -> 35,000
    edit_cell(data / "estimates.csv", 1, "value_high", "35000")
    with (data / "estimates.csv").open(encoding="utf-8") as handle:
        first_claim = next(csv.DictReader(handle))
    add_claim(data, first_claim | {"id": "e0009", "value_low": "40000", "value_high": "40000", "quote": "40,000."})
    make_release(data, "1.1.0", date(2026, 3, 1))
    with app_client(settings) as second:
        yield TwoReleases(before, second)


def figure_of(client: TestClient, embed: str) -> bytes:
    """The figure an embed's script fetches and draws."""
    source = attr(one(parse(client.get(embed).text), ".chart-plot"), "data-figure-src")
    return client.get(source).content


def test_the_pinned_embed_still_draws_the_old_values(two_releases: TwoReleases) -> None:
    client = two_releases.client
    pinned = parse(client.get("/v/1.0.0" + EMBED).text)
    assert attr(one(pinned, ".chart-plot"), "data-figure-src") == "/v/1.0.0" + FIGURE
    assert drawn_values(figure_of(client, "/v/1.0.0" + EMBED)) == {30000.0}
    assert drawn_values(two_releases.before["/v/1.0.0" + FIGURE]) == {30000.0}


def test_the_latest_embed_draws_the_new_values(two_releases: TwoReleases) -> None:
    assert drawn_values(figure_of(two_releases.client, EMBED)) == {35000.0, 40000.0}
    assert drawn_values(two_releases.before[FIGURE]) == {30000.0}


def test_the_newer_data_notice_is_on_the_pinned_embed_only(two_releases: TwoReleases) -> None:
    client = two_releases.client
    notice = one(parse(client.get("/v/1.0.0" + EMBED).text), ".newer-data")
    assert notice.get_text(" ", strip=True).startswith("Newer data: 1 claim added, 1 corrected since this version")
    assert attr(one(notice, "a"), "href") == BASE + "/charts/workers-abroad?countries=rus"  # the latest, in full
    for path in (EMBED, "/v/1.1.0" + EMBED, "/v/1.0.0/embed/revenue"):  # revenue: nothing it shows changed
        assert parse(client.get(path).text).select(".newer-data") == [], path


def test_the_newer_data_notice_is_on_the_pinned_chart_page(two_releases: TwoReleases) -> None:
    page = parse(two_releases.client.get("/v/1.0.0/charts/workers-abroad?countries=rus").text)
    notice = one(page, ".newer-data")
    assert "1 claim added, 1 corrected" in notice.get_text()
    assert attr(one(notice, "a"), "href") == "/charts/workers-abroad?countries=rus"
    assert one(page, ".release-banner").get_text(" ", strip=True).count("1.0.0") >= 1


def test_the_old_zip_is_byte_identical(two_releases: TwoReleases) -> None:
    client = two_releases.client
    pinned = client.get("/v/1.0.0" + OLD_ZIP)
    assert pinned.status_code == 200
    assert pinned.content == two_releases.before[OLD_ZIP]
    assert pinned.headers["cache-control"] == "private, max-age=31536000, immutable"  # no base URL: see README
    moved = client.get(OLD_ZIP, follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (301, "/v/1.0.0" + OLD_ZIP)


def test_a_pinned_page_links_within_its_release(two_releases: TwoReleases) -> None:
    page = parse(two_releases.client.get("/v/1.0.0/charts/workers-abroad?countries=rus").text)
    to_latest = [attr(a, "href") for a in page.select(".newer-data a, .release-banner a")]
    for notice in page.select(".newer-data, .release-banner"):
        notice.decompose()
    links = [attr(a, "href") for a in page.select("a[href^='/']")]
    assert len(links) > 10
    assert [link for link in links if not link.startswith(("/v/1.0.0/", "/changes"))] == []
    assert "/charts/workers-abroad?countries=rus" in to_latest


def test_an_unknown_release_is_a_404_naming_the_known_ones(two_releases: TwoReleases) -> None:
    for path in ("/v/0.9.0/charts/revenue", "/v/latest/", "/v/1.0.0-rc.1/data"):
        response = two_releases.client.get(path, headers={"Accept": "application/json"})
        assert response.status_code == 404, path
        assert "Releases: 1.0.0, 1.1.0" in response.text, path


def test_oembed_pins_the_release_the_address_names(two_releases: TwoReleases) -> None:
    client = two_releases.client
    for url, embed in ((BASE + "/v/1.0.0" + EMBED, "/v/1.0.0" + EMBED), (BASE + EMBED, "/v/1.1.0" + EMBED)):
        body = client.get("/oembed", params={"url": url}).json()
        assert attr(one(parse(body["html"]), "iframe"), "src") == BASE + embed


def test_a_pinned_country_page_marks_the_charts_whose_claims_changed(two_releases: TwoReleases) -> None:
    client = two_releases.client
    pinned = parse(client.get("/v/1.0.0/countries/rus").text)
    notices = {
        attr(one(block, "figure.chart"), "id"): block.select_one(".newer-data")
        for block in pinned.select(".chart-block")
    }
    changed = notices.pop("chart-workers_abroad")
    assert changed is not None
    assert "1 claim added, 1 corrected" in changed.get_text()
    assert notices
    assert all(notice is None for notice in notices.values())  # the repatriation chart did not change
    assert parse(client.get("/countries/rus").text).select(".newer-data") == []


def test_the_atom_feed_names_the_change(two_releases: TwoReleases) -> None:
    response = two_releases.client.get("/changes.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    newest = feed.entries[0]
    assert newest.title == "Release 1.1.0: 1 claim added, 1 corrected, 0 removed since 1.0.0"
    body = newest.content[0].value
    assert f"{BASE}/v/1.1.0/estimates/e0001" in body  # the corrected claim, in the release that corrected it
    assert f"{BASE}/v/1.1.0/estimates/e0009" in body  # the added one


# The zip of each release in the archive, as https://example.org serves it. A change to the code that writes
# zips (CSV cells, the README, the descriptor's layout) would change what a reader downloaded and checksummed:
# released zips stay byte-identical, so such a change must leave old releases' zips alone. (Add a new
# release's digest here once it is out.)
RELEASED_ZIPS = {
    "2.0.0-rc.1": "9bcc097e952bc60a480a299be12f223df6291e61d552817363ee00aca9694b34",
    "2.0.0": "ddc16056232d3cea804542c57ed2158c12cb25a7f3795b9b07a96c76c31de400",
}


def test_every_released_zip_is_the_same_bytes_as_when_it_was_released(cache_dir: Path) -> None:
    settings = Settings(base_url="https://example.org", cache_dir=cache_dir)
    with TestClient(create_app(settings), base_url="https://example.org") as client:
        served = client.get("/healthz").json()["dataset"]["releases"]
        assert set(RELEASED_ZIPS) <= set(served)
        for version, digest in RELEASED_ZIPS.items():
            body = client.get(f"/v/{version}/data/nk-workers-abroad-{version}.zip").content
            assert hashlib.sha256(body).hexdigest() == digest, f"the {version} zip changed"


def test_a_pinned_chart_page_sizes_its_snippet_with_the_newer_data_notice(two_releases: TwoReleases) -> None:
    """The pinned embed shows what changed since; its snippet's height counts that line, as oEmbed's does."""
    client = two_releases.client
    pinned_chart = "/v/1.0.0/charts/workers-abroad?countries=rus"
    answer = client.get("/oembed", params={"url": BASE + pinned_chart}).json()
    latest = client.get("/oembed", params={"url": BASE + "/charts/workers-abroad?countries=rus"}).json()
    assert answer["height"] > latest["height"]  # the notice's lines
    page = client.get(pinned_chart).text.replace("&#34;", '"').replace("&quot;", '"')
    assert f'height="{answer["height"]}"' in page
