"""A chart's filters, parsed from the query string and checked, in one normal form (``app/charts/query.py``)."""

from __future__ import annotations

import pytest

from app.charts.query import ChartQuery, QueryError, parse_query
from app.charts.registry import CHARTS


def test_query_normal_form_and_errors() -> None:
    spec = CHARTS["workers-abroad"]
    query = parse_query(spec, {"countries": ["RUS,chn"], "from": ["2017"], "utm_source": ["x"]}, ["CHN", "RUS", "QAT"])
    assert query == ChartQuery(indicator="workers_abroad", countries=("CHN", "RUS"), year_from=2017)
    assert query.params(spec) == {"countries": "chn,rus", "from": "2017"}
    with pytest.raises(QueryError, match="countries: 'xyz' is not a country this chart can show; use chn, qat, rus"):
        parse_query(spec, {"countries": ["chn,xyz"]}, ["CHN", "RUS", "QAT"])
    with pytest.raises(QueryError, match="to: 2016 is before from=2018"):
        parse_query(spec, {"from": ["2018"], "to": ["2016"]}, ["CHN"])
    with pytest.raises(QueryError, match="from: '20x' is not a year from 1950 to 2100"):
        parse_query(spec, {"from": ["20x"]}, ["CHN"])
    with pytest.raises(QueryError, match="indicator: this chart shows only workers_abroad"):
        parse_query(spec, {"indicator": ["work_permits"]}, ["CHN"])
    with pytest.raises(QueryError, match="countries: this chart has no country filter"):
        parse_query(CHARTS["revenue"], {"countries": ["chn"]}, [])


def test_as_of_and_scale_are_checked_and_kept_in_the_normal_form() -> None:
    spec = CHARTS["workers-abroad"]
    query = parse_query(spec, {"as_of": ["2019-12-22"], "scale": ["log"]}, ["CHN"])
    assert query.params(spec) == {"as_of": "2019-12-22", "scale": "log"}
    assert parse_query(spec, {"scale": ["linear"]}, ["CHN"]).params(spec) == {}
    for bad in ("2019-02-30", "2019-1-5", "\uff12\uff10\uff11\uff19-12-22", "1800-01-01", "yesterday"):
        with pytest.raises(QueryError, match=r"as_of: .* is not a date written YYYY-MM-DD"):
            parse_query(spec, {"as_of": [bad]}, ["CHN"])
    with pytest.raises(QueryError, match="scale: 'sqrt' is not one of linear, log"):
        parse_query(spec, {"scale": ["sqrt"]}, ["CHN"])
