"""The security review's cases, each a 500 before: a 400 (or the oEmbed 404) naming the parameter and the value."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from ..html import BASE, parse, text

# The values that reached int() through str.isdigit (superscripts, circled, subscript and Ethiopic digits) and
# a year of 4,300 digits, the longest int() reads before it refuses.
REVIEW_VALUES = ["²", "①", "20¹7", "₂₀₁₇", "፩", "9" * 4300]


def shown(value: str) -> str:
    """The value as an error message quotes it: its first 40 characters."""
    return value if len(value) <= 40 else value[:40] + "…"


def detail(response: Any) -> str:
    if response.headers["content-type"].startswith("application/json"):
        return str(response.json()["error"]["detail"])
    return text(parse(response.text), ".error-detail")


@pytest.mark.parametrize("value", REVIEW_VALUES)
@pytest.mark.parametrize(
    ("template", "parameter", "kind"),
    [
        ("/charts/workers-abroad?from={}", "from", "text/html"),
        ("/charts/workers-abroad.csv?to={}", "to", "application/json"),
        ("/charts/workers-abroad.json?from={}", "from", "application/json"),
        ("/embed/workers-abroad?to={}", "to", "text/html"),
        ("/countries/rus?from={}", "from", "text/html"),
        ("/v/2.0.0/countries/rus?to={}", "to", "text/html"),
        ("/sources/page/{}", "number", "text/html"),
        ("/sources?page={}", "page", "text/html"),
        ("/oembed?url=http%3A%2F%2Flocalhost%2Fcharts%2Frevenue&maxwidth={}", "maxwidth", "application/json"),
    ],
)
def test_a_hostile_number_is_a_400_naming_it(
    client: TestClient, template: str, parameter: str, kind: str, value: str
) -> None:
    response = client.get(template.format(quote(value, safe="")), follow_redirects=False)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(kind)
    assert "content-security-policy" in response.headers
    assert detail(response).startswith(f"{parameter}: '{shown(value)}' is not a ")


@pytest.mark.parametrize("value", REVIEW_VALUES[:-1])  # the longest makes an address past the length allowed
def test_a_hostile_year_inside_an_oembed_url_is_a_404_naming_it(client: TestClient, value: str) -> None:
    url = f"{BASE}/charts/workers-abroad?from={quote(value, safe='')}"
    response = client.get(f"/oembed?url={quote(url, safe='')}")
    assert response.status_code == 404
    assert f"from: '{shown(value)}' is not a year from 1950 to 2100" in detail(response)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[", "'http://[' is not an address of this site, http://localhost/...: it is not a well-formed URL"),
        ("http://localhost:99x/charts/revenue", "it is not a well-formed URL"),
        ("http://user:secret@localhost/charts/revenue", "it must be http(s), without a user name or password"),
        ("javascript:alert(1)", "it must be http(s), without a user name or password"),
        ("http://localhost/charts/revenue\x00", "it has spaces, control or non-ASCII characters"),
        ("http://localhost/charts/révenue", "it has spaces, control or non-ASCII characters"),
        ("not a url", "it has spaces, control or non-ASCII characters"),
        ("http://localhost/charts/" + "a" * 2100, "it is longer than 2048 characters"),
    ],
)
def test_a_malformed_oembed_url_is_a_400_saying_why(client: TestClient, url: str, message: str) -> None:
    response = client.get(f"/oembed?url={quote(url, safe='')}")
    assert response.status_code == 400
    assert detail(response).startswith("url: '")
    assert message in detail(response)


def test_an_oembed_url_may_be_a_path_of_this_site(client: TestClient) -> None:
    response = client.get(f"/oembed?url={quote('/charts/revenue', safe='')}")
    assert response.status_code == 200
    assert response.json()["title"] == client.get(f"/oembed?url={quote(BASE + '/charts/revenue')}").json()["title"]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("format=yaml", 400, "format: 'yaml' is not one of json, xml"),
        ("format=%C2%B2", 400, "format: '²' is not one of json, xml"),
        ("maxheight=0", 400, "maxheight: '0' is not a whole number from 1 to 10000"),
        ("maxheight=1_000", 400, "maxheight: '1_000' is not a whole number from 1 to 10000"),
    ],
)
def test_oembed_format_and_sizes_are_parsed_strictly(client: TestClient, query: str, status: int, message: str) -> None:
    response = client.get(f"/oembed?url={quote(BASE + '/charts/revenue', safe='')}&{query}")
    assert response.status_code == status
    assert detail(response) == message
