from __future__ import annotations

from pathlib import Path

import pytest

from app.data import load_dataset
from app.domain import Release

from ..tiny_data import write_tiny_data


@pytest.fixture
def release(tmp_path: Path) -> Release:
    """The tiny dataset as a release: two sources, three claims, one event."""
    return Release.from_dataset(load_dataset(write_tiny_data(tmp_path / "data"), cache_dir=None))
