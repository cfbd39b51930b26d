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
