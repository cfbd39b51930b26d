"""Embeds (``app/routes/embeds.py``): the chart with minimal chrome for an iframe, and oEmbed."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from app.embeds import EMBED_SOURCES_SHOWN

from ..html import BASE, attr, figures, one, parse, text
from ..tiny_data import dataset_version

PINNED = f"/v/{dataset_version()}"  # where an embed code points by default: the release of the day


def oembed(client: TestClient, url: str, **params: Any) -> Any:
    query = "&".join([f"url={quote(url, safe='')}"] + [f"{k}={v}" for k, v in params.items()])
    return client.get(f"/oembed?{query}")


def test_oembed_answers_field_by_field(client: TestClient) -> None:
    response = oembed(client, f"{BASE}/charts/workers-abroad?countries=rus,chn&from=2017", format="json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {
        "type",
        "version",
        "title",
        "provider_name",
        "provider_url",
        "cache_age",
        "html",
        "width",
        "height",
    }
    assert body["type"] == "rich"
    assert body["version"] == "1.0"
    assert body["title"] == "North Korean workers in each host country: China, Russia"
    assert body["provider_name"] == "North Korean Workers Abroad"
    assert body["provider_url"] == f"{BASE}/"
    assert body["cache_age"] == 86400
    assert body["width"] == 720
    assert 420 < body["height"] < 2000  # the page's height at 720 px (tests/test_embed_size.py checks it)
    frame = one(parse(body["html"]), "iframe")
    assert attr(frame, "src") == f"{BASE}{PINNED}/embed/workers-abroad?countries=chn,rus&from=2017"
    assert attr(frame, "title") == body["title"]
    assert attr(frame, "loading") == "lazy"
    assert attr(frame, "height") == str(body["height"])
    assert attr(one(parse(body["html"]), "script"), "src") == f"{BASE}/embed.js"


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("/embed/revenue?theme=dark", "/embed/revenue?theme=dark"),
        ("/charts/revenue?theme=auto&indicator=revenue_total", "/embed/revenue?indicator=revenue_total&theme=auto"),
        (
            "/charts/workers-abroad?scale=log&to=2020&from=2010&as_of=2019-12-31&countries=rus,chn&theme=dark",
            "/embed/workers-abroad?countries=chn,rus&from=2010&to=2020&as_of=2019-12-31&scale=log&theme=dark",
        ),
        ("/embed/revenue?theme=light", "/embed/revenue"),  # light is the default, so the address leaves it out
    ],
)
def test_oembed_keeps_every_filter_and_the_theme(client: TestClient, url: str, embed: str) -> None:
    body = oembed(client, BASE + url).json()
    # Pinned to today's release: the article keeps showing what its words describe.
    assert attr(one(parse(body["html"]), "iframe"), "src") == BASE + PINNED + embed
    assert client.get(PINNED + embed).status_code == 200


def test_oembed_iframe_fills_its_column(client: TestClient) -> None:
    for params in ({}, {"maxwidth": 500}, {"maxwidth": 1400}):
        frame = one(parse(oembed(client, f"{BASE}/charts/revenue", **params).json()["html"]), "iframe")
        style = {
            rule.split(":")[0].strip(): rule.split(":")[1].strip() for rule in attr(frame, "style").split(";") if rule
        }
        assert style["width"] == "100%"
        assert "max-width" not in style
        assert frame.get("width") is None  # an attribute would fix its width where a CMS strips the style


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/charts/revenue",
        "https://example.org/countries/rus",
        f"{BASE}/countries",
        f"{BASE}/sources/yonhap-2019-12-23",
        f"{BASE}/charts/pie",
        f"{BASE}/charts/workers-abroad?countries=xx",
        "http://elsewhere.example/charts/revenue",
    ],
)
def test_oembed_404_for_urls_that_are_not_our_charts(client: TestClient, url: str) -> None:
    response = oembed(client, url)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_oembed_in_xml_says_what_the_json_says(client: TestClient) -> None:
    """The spec's other format (section 2.3.4), for consumers that ask for it: the same fields, the html as text."""
    url = f"{BASE}/charts/revenue?theme=dark"
    answer = oembed(client, url, format="xml", maxwidth="480")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/xml")
    assert answer.content.startswith(b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>')
    root = ElementTree.fromstring(answer.content)
    assert root.tag == "oembed"
    expected = oembed(client, url, maxwidth="480").json()
    assert {element.tag: element.text for element in root} == {name: str(value) for name, value in expected.items()}
    assert "<iframe" in (root.findtext("html") or "")
    assert b"<iframe" not in answer.content  # escaped, not markup of the XML document


def test_oembed_400_for_a_bad_maxwidth(client: TestClient) -> None:
    assert oembed(client, f"{BASE}/charts/revenue", maxwidth="wide").status_code == 400


@pytest.mark.parametrize(
    ("path", "oembed", "embed"),
    [
        # A default page's answer has a path of its own, which a static copy of the site serves too.
        ("/charts/revenue", "/oembed/charts/revenue.json", "/embed/revenue"),
        ("/embed/revenue", "/oembed/embed/revenue.json", "/embed/revenue"),
        ("/embed/revenue?theme=light", "/oembed/embed/revenue.json", "/embed/revenue"),
        ("/countries/rus", "/oembed/countries/rus.json", "/embed/indicator?countries=rus"),
        # A filtered one's is the query form, which only the app answers.
        ("/embed/revenue?theme=dark", "/oembed?url=", "/embed/revenue?theme=dark"),
        ("/charts/revenue?from=2017", "/oembed?url=", "/embed/revenue?from=2017"),
    ],
)
def test_discovery_tag(client: TestClient, path: str, oembed: str, embed: str) -> None:
    link = one(parse(client.get(path).text), 'head link[rel="alternate"][type="application/json+oembed"]')
    href = attr(link, "href")
    assert href.startswith(BASE + oembed)
    body = client.get(href.removeprefix(BASE)).json()
    assert attr(one(parse(body["html"]), "iframe"), "src") == BASE + PINNED + embed
    assert attr(link, "title") == body["title"]


@pytest.mark.parametrize(
    "page",
    [
        "/charts/revenue",
        "/embed/workers-abroad",
        "/countries/rus",
        "/countries/RUS",
        "/v/2.0.0-rc.1/charts/revenue",
        "/v/2.0.0-rc.1/embed/revenue",
        "/v/2.0.0/countries/rus",
    ],
)
def test_oembed_at_a_page_s_own_address_answers_as_the_query_form(client: TestClient, page: str) -> None:
    own = client.get(f"/oembed{page}.json")
    query = oembed(client, BASE + page)
    assert own.status_code == query.status_code == 200
    assert own.content == query.content
    assert own.headers["content-type"] == query.headers["content-type"] == "application/json"
    assert own.headers["cache-control"] == query.headers["cache-control"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/oembed/charts/nothing.json", "names no chart of this site: No chart 'nothing'"),
        ("/oembed/about/x.json", f"'{BASE}/about/x' is not a chart or country page of this site"),
        ("/oembed/countries/atlantis.json", "names no host country 'atlantis'"),
    ],
)
def test_oembed_address_naming_no_chart_is_404_saying_why(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert message in response.json()["error"]["detail"]


def test_oembed_of_a_country_page_is_its_first_chart(client: TestClient) -> None:
    page = parse(client.get("/countries/rus").text)
    first = page.select("figure.chart")[0]
    body = oembed(client, f"{BASE}/countries/rus").json()
    assert body["title"] == text(first, ".chart-title") == "Workers abroad: Russia"
    src = attr(one(parse(body["html"]), "iframe"), "src")
    assert src == f"{BASE}{PINNED}/embed/indicator?countries=rus"
    assert text(parse(client.get(src.removeprefix(BASE)).text), ".chart-title") == body["title"]


def test_oembed_of_a_country_chart_named_by_its_fragment(client: TestClient) -> None:
    page = parse(client.get("/countries/rus").text)
    anchor = attr(one(page, 'nav.on-this-page a[href="#chart-work_permits"]'), "href")
    body = oembed(client, f"{BASE}/countries/rus?theme=dark&from=2015{anchor}").json()
    assert body["title"] == text(one(page, "figure#chart-work_permits"), ".chart-title")
    src = attr(one(parse(body["html"]), "iframe"), "src")
    assert src == f"{BASE}{PINNED}/embed/indicator?countries=rus&from=2015&indicator=work_permits&theme=dark"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            f"{BASE}/countries/xx",
            f"'{BASE}/countries/xx' names no host country 'xx'. Known countries: wld, ",
        ),
        (
            f"{BASE}/countries/rus#chart-revenue_total",
            f"'{BASE}/countries/rus#chart-revenue_total': Russia has no chart '#chart-revenue_total'. "
            "Its charts: #chart-workers_abroad, ",
        ),
        (
            f"{BASE}/embed/revenue?theme=neon",
            f"'{BASE}/embed/revenue?theme=neon' names no embed of this site: "
            "theme: 'neon' is not one of light, dark, auto",
        ),
    ],
)
def test_oembed_404_says_what_is_unknown(client: TestClient, url: str, message: str) -> None:
    response = oembed(client, url)
    assert response.status_code == 404
    assert response.json()["error"]["detail"].startswith(message)


def test_embed_page_has_minimal_chrome(client: TestClient) -> None:
    response = client.get("/embed/workers-abroad?countries=rus&theme=dark")
    assert response.status_code == 200
    page = parse(response.text)
    assert attr(one(page, "html"), "data-theme") == "dark"
    assert text(page, ".chart-title") == "North Korean workers in each host country: Russia"
    assert text(page, ".chart-subtitle")
    assert text(page, ".source-line").startswith("Sources: ")
    links = {a.get_text(): attr(a, "href") for a in page.select(".embed-links a")}
    assert links["Get the data"] == "/charts/workers-abroad.csv?countries=rus"
    assert links["Full view with every claim and quote"] == "/charts/workers-abroad?countries=rus"
    assert not page.select("nav, table")
    assert len(figures(client, page)) == 1


def test_embed_is_light_unless_asked(client: TestClient) -> None:
    for path, theme in [("/embed/revenue", "light"), ("/embed/revenue?theme=auto", "auto")]:
        assert attr(one(parse(client.get(path).text), "html"), "data-theme") == theme


def test_embed_theme_must_be_known(client: TestClient) -> None:
    response = client.get("/embed/revenue?theme=neon")
    assert response.status_code == 400
    assert "theme" in text(parse(response.text), ".error-detail")


def test_an_embed_names_its_most_cited_publishers_and_counts_the_rest(client: TestClient) -> None:
    rows = client.get("/charts/workers-abroad.json").json()["rows"]
    cited = Counter(
        f"{r['original_publisher']} (via {r['publisher']})" if r["original_publisher"] else r["publisher"] for r in rows
    )
    most_cited = sorted(cited, key=lambda name: (-cited[name], name))
    assert len(most_cited) > EMBED_SOURCES_SHOWN
    embed = text(parse(client.get("/embed/workers-abroad").text), ".source-line")
    listed = "; ".join(most_cited[:EMBED_SOURCES_SHOWN])
    assert embed == f"Sources: {listed}; and {len(most_cited) - EMBED_SOURCES_SHOWN} more, in the full view."
    full = text(parse(client.get("/charts/workers-abroad").text), ".source-line")
    assert full == f"Sources: {'; '.join(most_cited)}."
