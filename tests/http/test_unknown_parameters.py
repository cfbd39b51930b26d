"""Query parameters no route reads (tracking tags, an attacker's ?x=1, ?x=2...) neither force a render nor reach
a page: the response cache drops them before its key and before the app."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.params import known_query
from app.templating import Page


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The template of every page the app renders, in order."""
    rendered: list[str] = []
    render = Page.render

    def counted(self: Page, template: str, *args: Any, **kwargs: Any) -> Any:
        rendered.append(template)
        return render(self, template, *args, **kwargs)

    monkeypatch.setattr(Page, "render", counted)
    return rendered


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("/charts/workers-abroad?from=2015&utm_source=JUNKMARK1", "/charts/workers-abroad?fbclid=JUNKMARK2&from=2015"),
        ("/countries/rus?JUNKMARK1=1", "/countries/rus?JUNKMARK2=%C2%B2"),
        ("/embed/revenue?theme=dark&page=JUNKMARK1", "/embed/revenue?url=JUNKMARK2&theme=dark"),
        ("/sources?from=JUNKMARK1", "/sources?x=JUNKMARK2"),
        ("/?q=JUNKMARK1", "/?q=JUNKMARK2"),
    ],
)
def test_unknown_parameters_render_once_and_never_show(
    tiny_client: TestClient, renders: list[str], first: str, second: str
) -> None:
    answers = [tiny_client.get(path) for path in (first, second)]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert len(renders) == 1
    assert answers[0].content == answers[1].content
    assert "JUNKMARK" not in answers[0].text


def test_known_parameters_in_any_order_are_one_view(tiny_client: TestClient, renders: list[str]) -> None:
    for path in ("/charts/workers-abroad?to=2020&from=2015", "/charts/workers-abroad?from=2015&to=2020"):
        assert tiny_client.get(path).status_code == 200
    assert len(renders) == 1


@pytest.mark.parametrize(
    ("path", "query", "kept"),
    [
        ("/charts/x", b"utm_source=a&to=2020&countries=rus&from=2015", b"countries=rus&from=2015&to=2020"),
        ("/v/2.0.0/charts/x.csv", b"countries=rus&x=1&countries=chn", b"countries=rus&countries=chn"),
        ("/countries/rus", b"countries=chn&from=2015", b"from=2015"),
        ("/oembed", b"maxwidth=300&url=%2Fcharts%2Fx&theme=dark", b"url=%2Fcharts%2Fx&maxwidth=300"),
        ("/map.csv", b"as_of=2019-12-31&from=2015&ind%69cator=visas", b"ind%69cator=visas&as_of=2019-12-31"),
        ("/data/estimates.csv", b"from=2015", b""),
        ("/charts/x", b"%ff%fe=1&&=&from", b"from"),
    ],
)
def test_known_query_keeps_what_the_route_reads_in_one_order(path: str, query: bytes, kept: bytes) -> None:
    assert known_query(path, query) == kept
