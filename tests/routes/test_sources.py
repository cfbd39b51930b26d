"""The bibliography and each source (``app/routes/sources.py``)."""

from __future__ import annotations

from functools import partial

import pytest
from fastapi.testclient import TestClient

from ..html import assert_safe_html, attr, every_failure, one, parse, text
from ..tiny_data import real_ids


def test_every_source_page_answers_with_safe_html(client: TestClient) -> None:
    """Every row of sources.csv has its page (the other pages: tests/http/test_security.py)."""
    failures = every_failure(partial(assert_safe_html, client), [f"/sources/{i}" for i in real_ids("sources")])
    assert failures == [], "\n".join(failures)


def test_later_pages_of_the_bibliography_have_paths_of_their_own(client: TestClient) -> None:
    """A static copy of the site ignores query strings: page 2 must be a path, and the pager must link to it."""
    first = parse(client.get("/sources").text)
    older = attr(one(first, 'nav.pager a[rel="next"]'), "href")
    assert older == "/sources/page/2"
    second = parse(client.get(older).text)
    assert text(second, "nav.pager span") == "Page 2 of 3"
    assert attr(one(second, 'nav.pager a[rel="prev"]'), "href") == "/sources"
    first_ids = {attr(a, "href") for a in first.select("tbody a")}
    second_ids = {attr(a, "href") for a in second.select("tbody a")}
    assert len(second_ids) == 100
    assert not first_ids & second_ids


@pytest.mark.parametrize(
    ("old", "new"),
    [("/sources?page=2", "/sources/page/2"), ("/sources?page=1", "/sources"), ("/sources/page/1", "/sources")],
)
def test_old_and_duplicate_page_addresses_move_to_the_one_address(client: TestClient, old: str, new: str) -> None:
    response = client.get(old, follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == new


@pytest.mark.parametrize("path", ["/sources/page/4", "/sources?page=4"])
def test_a_page_past_the_last_is_404_saying_how_many_there_are(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "There are 3 pages of sources; no page 4." in response.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/sources/page/0", "number: '0' is not a whole number from 1 to 10000"),
        ("/sources/page/two", "number: 'two' is not a whole number from 1 to 10000"),
        ("/sources/page/%C2%B2", "number: '²' is not a whole number from 1 to 10000"),
        ("/sources?page=0", "page: '0' is not a whole number from 1 to 10000"),
    ],
)
def test_a_bad_page_number_is_400_naming_it(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert message in text(parse(response.text), "main")
