from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.data import Dataset, load_dataset
from app.main import create_app
from app.settings import Settings

from .tiny_data import REAL_DATA, write_tiny_data


@pytest.fixture(scope="session")
def real_dataset() -> Dataset:
    return load_dataset(REAL_DATA)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(data_dir=REAL_DATA))) as test_client:
        yield test_client


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A fresh copy of the tiny valid data directory, safe to edit."""
    return write_tiny_data(tmp_path / "data")


@pytest.fixture
def tiny_client(tiny: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(data_dir=tiny))) as test_client:
        yield test_client
