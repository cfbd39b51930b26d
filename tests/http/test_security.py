"""Security: the headers on every response, pages that need no inline script, hostile data shown as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.charts.registry import CHARTS
from app.settings import Settings

from ..clients import app_client
from ..html import assert_safe_html, attr, figures, parse, text
from ..tiny_data import edit_cell, write_tiny_data

HOSTILE_SCRIPT = "<script>alert('x')</script>"
HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(1)>'

PAGES = ["/", "/about", "/charts", "/countries", "/sources"] + [f"/charts/{slug}" for slug in [*CHARTS, "indicator"]]
PAGES += [f"/countries/{code}" for code in ("wld", "chn", "rus", "qat", "kwt", "pol", "mng")]


# Every estimate and source page is checked too, a table to a test: tests/routes/test_estimates.py, test_sources.py.
@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_safe_html(client: TestClient, path: str) -> None:
    assert_safe_html(client, path)


def test_content_security_policy_forbids_inline_and_eval(client: TestClient) -> None:
    policy = client.get("/charts/revenue").headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script_src.strip() == "script-src 'self'"


def test_framing_headers(client: TestClient) -> None:
    charts_js = next(attr(s, "src") for s in parse(client.get("/embed/revenue").text).select("script[src]"))
    # The embed code pins a release: /v/{version}/embed/ must be embeddable anywhere, as /embed/ is.
    for path in ("/embed/revenue", "/v/2.0.0/embed/revenue", "/v/2.0.0-rc.1/embed/revenue", "/embed.js", charts_js):
        headers = client.get(path).headers
        assert headers["content-security-policy"].endswith("frame-ancestors *"), path
        assert "x-frame-options" not in headers, path
    for path in ("/", "/charts/revenue", "/countries/rus", "/v/2.0.0/charts/revenue", "/v/2.0.0/"):
        headers = client.get(path).headers
        assert headers["content-security-policy"].endswith("frame-ancestors 'self'"), path
        assert headers["x-frame-options"] == "SAMEORIGIN", path


@pytest.fixture
def hostile_client(tmp_path: Path, cache_dir: Path) -> TestClient:
    data = write_tiny_data(tmp_path / "data")
    edit_cell(data / "estimates.csv", 1, "claimant", HOSTILE_SCRIPT)
    edit_cell(data / "estimates.csv", 1, "measure", HOSTILE_ATTRIBUTE)
    edit_cell(data / "estimates.csv", 1, "quote", HOSTILE_SCRIPT + HOSTILE_ATTRIBUTE)
    edit_cell(data / "estimates.csv", 1, "notes", HOSTILE_ATTRIBUTE)
    edit_cell(data / "sources.csv", 1, "title", HOSTILE_ATTRIBUTE)
    edit_cell(data / "events.csv", 1, "label", "<b>x</b>" + HOSTILE_ATTRIBUTE[:20])
    return app_client(Settings(data_dir=data, cache_dir=cache_dir))


@pytest.mark.parametrize(
    "path", ["/", "/charts/workers-abroad", "/countries/rus", "/estimates/e0001", "/sources/s-one", "/sources"]
)
def test_hostile_text_is_escaped(hostile_client: TestClient, path: str) -> None:
    response = hostile_client.get(path)
    assert response.status_code == 200
    page = parse(response.text)
    assert not page.select("img")
    assert all(attr(s, "src") or attr(s, "type") == "application/json" for s in page.select("script"))
    assert HOSTILE_SCRIPT not in response.text
    for figure in figures(hostile_client, page):
        text = json.dumps(figure)
        assert "<script>" not in text
        assert "<img" not in text


def test_hostile_text_is_shown_as_text(hostile_client: TestClient) -> None:
    page = parse(hostile_client.get("/estimates/e0001").text)
    assert text(page, ".quote p") == HOSTILE_SCRIPT + HOSTILE_ATTRIBUTE


@pytest.mark.parametrize(
    ("path", "ancestors"), [("/charts/revenue", "frame-ancestors 'self'"), ("/embed/revenue", "frame-ancestors *")]
)
def test_kept_answers_carry_the_security_headers(tiny_client: TestClient, path: str, ancestors: str) -> None:
    """The response cache answers before anything else: a hit and a 304 must carry what the first answer did."""
    first = tiny_client.get(path)
    hit = tiny_client.get(path)
    not_modified = tiny_client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert (first.status_code, hit.status_code, not_modified.status_code) == (200, 200, 304)
    for answer in (first, hit, not_modified):
        assert answer.headers["content-security-policy"].endswith(ancestors)
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["permissions-policy"].startswith("accelerometer=()")
        # Each once: kept headers and headers added on the way out must not both be there.
        assert len(answer.headers.get_list("content-security-policy")) == 1
