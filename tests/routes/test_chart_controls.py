"""The filter form without JavaScript: what it offers, and that submitting it lands on the normal-form address."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.html import attr, figures, one, parse, text


def test_a_submitted_form_is_sent_to_the_normal_form_address(client: TestClient) -> None:
    form = "countries=rus&countries=chn&from=2017&to=&as_of=&scale=linear"
    answer = client.get(f"/charts/workers-abroad?{form}", follow_redirects=False)
    assert answer.status_code == 302
    assert answer.headers["location"] == "/charts/workers-abroad?countries=chn,rus&from=2017"


def test_a_normal_form_address_is_answered_in_place(client: TestClient) -> None:
    answer = client.get("/charts/workers-abroad?countries=chn,rus&from=2017&utm_source=x", follow_redirects=False)
    assert answer.status_code == 200


def test_the_default_indicator_and_scale_are_left_out(client: TestClient) -> None:
    answer = client.get("/charts/revenue?indicator=revenue_per_year&scale=linear&as_of=", follow_redirects=False)
    assert answer.headers["location"] == "/charts/revenue"


def test_the_form_offers_every_country_of_the_chart_by_region(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad?countries=chn,rus").text)
    form = one(page, "form[data-explorer-form]")
    assert attr(form, "method") == "get"
    assert attr(form, "action") == "/charts/workers-abroad"
    regions = {text(fieldset, "legend"): fieldset for fieldset in form.select("fieldset.country-region")}
    assert len(regions) > 3
    boxes = form.select("input[type=checkbox][name=countries]")
    assert {attr(box, "value") for box in boxes if box.has_attr("checked")} == {"chn", "rus"}
    assert len(boxes) > 20
    assert text(page, ".country-picker-chosen") == "China, Russia"
    assert attr(one(form, "input[name=as_of]"), "type") == "date"
    assert [attr(radio, "value") for radio in form.select("input[name=scale]")] == ["linear", "log"]
    assert not form.select("select[name=indicator]")  # one indicator: nothing to choose
    assert attr(one(form, "[data-explorer-reset]"), "href") == "/charts/workers-abroad"


def test_a_chart_of_several_indicators_offers_them_and_no_countries(client: TestClient) -> None:
    page = parse(client.get("/charts/revenue?indicator=revenue_total").text)
    select = one(page, "select[name=indicator]")
    assert [attr(option, "value") for option in select.select("option")] == ["revenue_per_year", "revenue_total"]
    assert attr(one(select, "option[selected]"), "value") == "revenue_total"
    assert not page.select("input[name=countries]")


def test_the_parts_of_a_chart_page_follow_the_controls_in_order(client: TestClient) -> None:
    page = parse(client.get("/charts/workers-abroad").text)
    targets = [attr(a, "href") for a in page.select(".chart-tabs a")]
    assert targets == ["#part-chart", "#part-table", "#part-sources", "#part-take-away"]
    assert [f"#{section['id']}" for section in page.select("section.chart-part")] == targets
    assert not one(page, "#part-table details.chart-data").has_attr("open")  # the table starts folded
    assert page.select("#part-sources .source-list li a[href^='/sources/']")


def test_a_country_page_applies_its_form_to_every_chart(client: TestClient) -> None:
    answer = client.get("/countries/rus?from=2018&to=&as_of=&scale=linear", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (302, "/countries/rus?from=2018")
    page = parse(client.get("/countries/rus?from=2018").text)
    assert attr(one(page, "form[data-explorer-form]"), "action") == "/countries/rus"
    assert not page.select("input[name=countries]")
    for figure in figures(client, page):
        assert all(
            str(x)[:4] >= "2017"
            for trace in figure["data"]
            if trace.get("name") != "Events"
            for x in trace.get("x", [])
            if x
        )
    links = [attr(a, "href") for a in page.select(".chart-links a")]
    assert links
    assert all("countries=rus" in link and "from=2018" in link for link in links)
    assert page.select("details.chart-take-away textarea[id^=embed-code-]")


def test_a_country_page_refuses_a_bad_year(client: TestClient) -> None:
    answer = client.get("/countries/rus?from=20x7")
    assert answer.status_code == 400
    assert text(parse(answer.text), ".error-detail") == "from: '20x7' is not a year from 1950 to 2100"
