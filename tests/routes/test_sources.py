"""The bibliography and each source (``app/routes/sources.py``)."""

from __future__ import annotations

from functools import partial

from fastapi.testclient import TestClient

from ..html import assert_safe_html, every_failure
from ..tiny_data import real_ids


def test_every_source_page_answers_with_safe_html(client: TestClient) -> None:
    """Every row of sources.csv has its page (the other pages: tests/http/test_security.py)."""
    failures = every_failure(partial(assert_safe_html, client), [f"/sources/{i}" for i in real_ids("sources")])
    assert failures == [], "\n".join(failures)
