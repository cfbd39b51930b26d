"""A claim's page (``app/routes/estimates.py``): its quote, how it was checked, what it repeats, what repeats it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from fastapi.testclient import TestClient

from app.settings import Settings

from ..clients import app_client
from ..html import assert_safe_html, every_failure, one, parse, text
from ..tiny_data import edit_cell, real_ids


def test_every_estimate_page_answers_with_safe_html(client: TestClient) -> None:
    """Every row of estimates.csv has its page (the other pages: tests/http/test_security.py)."""
    failures = every_failure(partial(assert_safe_html, client), [f"/estimates/{i}" for i in real_ids("estimates")])
    assert failures == [], "\n".join(failures)


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
    with app_client(Settings(data_dir=tiny, cache_dir=None)) as client:
        page = parse(client.get("/estimates/e0001").text)
    quote = one(page, "blockquote.quote")
    assert quote["lang"] == "ko"
    assert quote.p is not None
    assert quote.p.get_text() == "약 3만 명이 일한다."
    assert "About 30,000 work there." in text(page, ".quote-translation")


def test_estimate_page_has_the_quote_and_the_disagreeing_claims(client: TestClient) -> None:
    page = parse(client.get("/estimates/e0004").text)  # Russia repatriated 18,533 (Yonhap)
    assert "18,533" in text(page, ".quote p")
    facts = {
        dt.get_text(): dd.get_text() for dt, dd in zip(page.select(".facts dt"), page.select(".facts dd"), strict=True)
    }
    assert facts["Claimant"].startswith("Russian government")
    assert facts["Period described"].startswith("Dec 2017 to Dec 2018")
