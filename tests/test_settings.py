"""Settings read from the environment (``app/settings.py``): what a bad or empty value means."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.settings import Settings


@pytest.mark.parametrize("value", ["javascript:alert(1)", "example.org", "ftp://example.org", "https://x.org/?a=1"])
def test_a_base_url_must_be_an_http_address(value: str) -> None:
    with pytest.raises(ValidationError, match="NKW_BASE_URL must be an http"):
        Settings(base_url=value)


def test_an_empty_cache_dir_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read as a path, '' would be the current directory, and compiled templates would land there."""
    monkeypatch.setenv("NKW_CACHE_DIR", "")
    assert Settings().cache_dir is None
