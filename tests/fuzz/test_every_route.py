"""Hostile URLs through every GET route: never a 5xx, always the security headers, and a 400 names what it refuses.

Every route of the route table, plain and pinned under /v/{version}/, with generated path parameters and query
strings: the parameters each route reads with hostile values (digits of other scripts, superscripts, numbers of
thousands of digits, empty, repeated, long, control characters, broken %-escapes), and names it does not read.
Derandomized and bounded, so a run is the same run and takes well under a minute.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Match, Route

from app.params import EMBED_PARAMETERS, OEMBED_PARAMETERS, SOURCE_LIST_PARAMETERS, known_parameters
from app.settings import Settings

from ..clients import app_client
from ..html import parse, text
from ..routes.test_route_table import ROUTE_TABLE, routes
from ..tiny_data import write_tiny_data

EXAMPLES = 2000  # about 20 s on one core; a run answered 989 200s, 167 400s, 816 404s and 28 redirects
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")
NAMED_PARAMETERS = sorted({*EMBED_PARAMETERS, *OEMBED_PARAMETERS, *SOURCE_LIST_PARAMETERS})
# The review's cases, and their kin: values str.isdigit and int() misread or refuse, or refuse slowly.
HOSTILE = [
    "²",
    "①",
    "20¹7",
    "₂₀₁₇",
    "፩",
    "٢٠١٧",
    "\uff12\uff10\uff11\uff17",
    "9" * 4300,
    "",
    " ",
    "-1",
    "0",
    "1_000",
    "+5",
    "12.0",
    "2017",
    "1949",
    "2019-12-31",
    "2019-02-30",
    "rus",
    "chn,rus,",
    "RUS",
    "log",
    "json",
    "xml",
    "dark",
    "\x00",
    "\u202e",
    "a" * 3000,
    "%",
    "%ff",
    "<script>",
    "http://localhost/charts/revenue",
    "http://localhost/countries/rus#chart-x",
    "http://[",
    "http://localhost:99999/",
    "//evil.example/charts/revenue",
    "javascript:alert(1)",
    "http://user:pass@localhost/charts/revenue",
    "/charts/revenue?from=%C2%B2",
    "2.0.0",
    "e0001",
    "s-one",
]
RAW_JUNK = ["%ff%fe=%zz", "%", "&&", "=", "from=%C2%B2", "to=%E2%82%82%E2%82%80", "page=%F0%9F%98%80"]

values = st.one_of(
    st.sampled_from(HOSTILE), st.text(max_size=30), st.text(st.characters(categories=["Nd", "No"]), max_size=6)
)
names = st.one_of(st.sampled_from(NAMED_PARAMETERS), st.text(min_size=1, max_size=12))
pairs = st.lists(st.tuples(names, values), max_size=5)


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Iterator[TestClient]:
    """The app on the tiny dataset, its images drawn as fixed bytes: this is about addresses, not Chromium."""
    data = write_tiny_data(tmp_path_factory.mktemp("fuzz") / "data")
    with app_client(Settings(data_dir=data, cache_dir=cache_dir)) as client, pytest.MonkeyPatch.context() as patch:
        patch.setattr(client.app.state.context.images, "render", lambda *_args: b"image")  # type: ignore[attr-defined]
        yield client


def get_routes() -> list[Route]:
    return [route for route in routes() if "GET" in (route.methods or ())]


def example_params(route: Route, version: str) -> dict[str, str]:
    """A route's path parameters as the route table's example path has them (an address that exists)."""
    for path, _endpoint in ROUTE_TABLE:
        for candidate in (path, f"/v/{version}{path}"):
            matched, child = route.matches({"type": "http", "path": candidate, "method": "GET", "root_path": ""})
            if matched == Match.FULL:
                return {name: str(value) for name, value in child["path_params"].items()}
    raise AssertionError(f"no example in the route table for {route.path}")


@st.composite
def addresses(draw: st.DrawFn, version: str) -> tuple[str, set[str]]:
    """A path of one route and a query string; and the names a refusal may name."""
    route = draw(st.sampled_from(get_routes()))
    params = example_params(route, version)
    for name in params:
        if draw(st.booleans()):
            params[name] = draw(values)
    path = route.path_format.format(**{name: quote(value, safe="") for name, value in params.items()})
    given = draw(pairs)
    query = [f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in given]
    query += draw(st.lists(st.sampled_from(RAW_JUNK), max_size=2))
    nameable = {name for name, _ in given} | set(params) | set(known_parameters(path)) | {"extension"}
    return f"{path}?{'&'.join(query)}" if query else path, nameable


def refusal(response_text: str, content_type: str) -> str:
    if content_type.startswith("application/json"):
        return str(json.loads(response_text)["error"]["detail"])
    return text(parse(response_text), ".error-detail")


def test_every_get_route_is_in_the_fuzz(fuzz_client: TestClient) -> None:
    """A guard on the guard: the fuzz draws from every GET route the route table knows, plain and pinned."""
    endpoints = {route.endpoint.__name__ for route in get_routes()}
    assert endpoints == {endpoint for _path, endpoint in ROUTE_TABLE}
    assert any(route.path.startswith("/v/{version}") for route in get_routes())


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_no_address_reaches_a_5xx(fuzz_client: TestClient, data: st.DataObject) -> None:
    version = fuzz_client.app.state.context.release.version  # type: ignore[attr-defined]
    url, nameable = data.draw(addresses(version))
    response = fuzz_client.get(url, follow_redirects=False)
    assert response.status_code < 500, (url, response.text[:300])
    for header in SECURITY_HEADERS:
        assert header in response.headers, (url, header)
    if response.status_code == 400:
        detail = refusal(response.text, response.headers.get("content-type", ""))
        named = detail.partition(":")[0]
        assert named in nameable, (url, detail)
