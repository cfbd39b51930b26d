"""What a reader learns about where a claim comes from: how it was checked, what it repeats, what repeats it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

from ..html import one, parse, text
from ..tiny_data import edit_cell


@pytest.fixture
def chained(tiny: Path) -> Iterator[TestClient]:
    """e0003 repeats e0001, which repeats e0002 (the original, published first); e0003 is a headcount too."""
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "repeats", "e0002")
    edit_cell(path, 3, "repeats", "e0001")
    edit_cell(path, 3, "indicator", "workers_abroad")
    edit_cell(path, 3, "verification", "republished_copy")
    with TestClient(create_app(Settings(data_dir=tiny, cache_dir=None))) as client:
        yield client


def chain_links(page_html: str, position: int) -> list[str]:
    """The estimate links of the ``position``-th list in the citation chain section."""
    section = one(parse(page_html), "section[aria-labelledby=chain-heading]")
    lists = section.select("ol.chain, ul.chain")
    return [str(link["href"]) for link in lists[position].select("a")]


def test_a_repetition_leads_back_to_the_original(chained: TestClient) -> None:
    page = chained.get("/estimates/e0003").text
    assert chain_links(page, 0) == ["/estimates/e0001", "/estimates/e0002"]
    assert "(the original)" in one(parse(page), "ol.chain li:last-child").get_text()


def test_an_original_lists_every_claim_that_repeats_it(chained: TestClient) -> None:
    page = chained.get("/estimates/e0002").text
    section = text(parse(page), "section[aria-labelledby=chain-heading]")
    assert "This claim is an original" in section
    assert "2 later claims repeat this figure; they are not independent evidence for it" in section
    assert chain_links(page, 0) == ["/estimates/e0001", "/estimates/e0003"]


def test_a_claim_outside_any_chain_says_so(tiny_client: TestClient) -> None:
    section = text(parse(tiny_client.get("/estimates/e0001").text), "section[aria-labelledby=chain-heading]")
    assert "This claim is an original" in section
    assert "No later claim in the dataset repeats it." in section


def test_the_claim_page_says_how_the_words_were_checked(chained: TestClient) -> None:
    facts = text(parse(chained.get("/estimates/e0003").text), "dl.facts")
    assert "How the words were checked" in facts
    assert "Republished copy: The quoted words were seen only in a republished" in facts


def test_a_quote_in_another_language_keeps_its_words_and_shows_a_translation(tiny: Path) -> None:
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "quote", "약 3만 명이 일한다.")
    edit_cell(path, 1, "quote_language", "ko")
    edit_cell(path, 1, "quote_translation", "About 30,000 work there.")
    with TestClient(create_app(Settings(data_dir=tiny, cache_dir=None))) as client:
        page = parse(client.get("/estimates/e0001").text)
    quote = one(page, "blockquote.quote")
    assert quote["lang"] == "ko"
    assert quote.p is not None
    assert quote.p.get_text() == "약 3만 명이 일한다."
    assert "About 30,000 work there." in text(page, ".quote-translation")


def test_chart_counts_independent_originals(chained: TestClient) -> None:
    page = parse(chained.get("/charts/workers-abroad").text)
    expected = "2 claims about workers abroad (1 independent original; 1 claim repeats an earlier figure)"
    assert expected in text(page, ".chart-description")
    assert "(1 independent original; 1 claim repeats an earlier figure)" in text(page, "details.chart-data summary")


def test_chart_download_carries_verification_and_chain(chained: TestClient) -> None:
    body = chained.get("/charts/workers-abroad.csv").content.decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(body))}
    assert {key: rows["e0003"][key] for key in ("verification", "repeats", "original_id", "quote_language")} == {
        "verification": "republished_copy",
        "repeats": "e0001",
        "original_id": "e0002",
        "quote_language": "en",
    }
    assert rows["e0001"]["original_id"] == "e0002"


def test_countries_are_grouped_by_region_with_counts(tiny_client: TestClient) -> None:
    page = parse(tiny_client.get("/countries").text)
    groups = [section.h2.get_text() for section in page.select("section.country-group") if section.h2]
    assert groups == ["Worldwide", "Russia and Central Asia"]
    russia = page.select("section.country-group")[1]
    assert "1 host country, 2 claims" in text(russia, ".section-note")
    assert " ".join(text(page, ".lede").split()).startswith("1 host country with at least one claim")
