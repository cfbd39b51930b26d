"""Shared fixtures. Nothing a test does writes inside the project: apps keep their cache in a tmp folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.charts.views import ChartViews
from app.data import Dataset, load_dataset
from app.domain import Release
from app.editions import chart_links
from app.settings import Settings
from app.urls import Urls

from .clients import app_client
from .tiny_data import REAL_DATA, edit_cell, write_many_countries, write_tiny_data

# tests/html.py has helpers that assert: their failures explain themselves, as a test's own asserts do.
pytest.register_assert_rewrite("tests.html")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tmp cache for every app the tests build, never the project's ``.cache/``.

    It starts with the pre-compressed assets `make prepare` stored (read, not changed), since
    compressing plotly.js again at every app start would cost a third of a second each time.
    """
    cache = tmp_path_factory.mktemp("cache")
    prepared = Settings().cache_dir
    if prepared is not None and prepared.is_dir():
        for asset in prepared.glob("asset-*"):
            shutil.copy(asset, cache)
    return cache


@pytest.fixture(scope="session", autouse=True)
def _cache_in_tmp(cache_dir: Path) -> Iterator[None]:
    """``Settings()`` read without a cache_dir, here or in a child process (the CLI tests), uses the tmp cache too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NKW_CACHE_DIR", str(cache_dir))
        yield


@pytest.fixture(scope="session")
def real_dataset() -> Dataset:
    return load_dataset(REAL_DATA)


@pytest.fixture(scope="session")
def client(cache_dir: Path) -> Iterator[TestClient]:
    with app_client(Settings(data_dir=REAL_DATA, cache_dir=cache_dir)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def small_client(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Iterator[TestClient]:
    """The app on the tiny dataset, shared by the tests that only read it (HTTP behaviour, not the real data)."""
    data = write_tiny_data(tmp_path_factory.mktemp("small") / "data")
    with app_client(Settings(data_dir=data, cache_dir=cache_dir)) as test_client:
        yield test_client


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A fresh copy of the tiny valid data directory, safe to edit."""
    return write_tiny_data(tmp_path / "data")


@pytest.fixture
def tiny_client(tiny: Path, cache_dir: Path) -> Iterator[TestClient]:
    with app_client(Settings(data_dir=tiny, cache_dir=cache_dir)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def views(real_dataset: Dataset) -> ChartViews:
    return ChartViews(Release.from_dataset(real_dataset), chart_links(Urls()))


@pytest.fixture
def chained(tiny: Path, cache_dir: Path) -> Iterator[TestClient]:
    """e0003 repeats e0001, which repeats e0002 (the original, published first); e0003 is a headcount too."""
    path = tiny / "estimates.csv"
    edit_cell(path, 1, "repeats", "e0002")
    edit_cell(path, 3, "repeats", "e0001")
    edit_cell(path, 3, "indicator", "workers_abroad")
    edit_cell(path, 3, "verification", "republished_copy")
    with app_client(Settings(data_dir=tiny, cache_dir=cache_dir)) as client:
        yield client


@pytest.fixture(scope="module")
def many_countries_client(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Iterator[TestClient]:
    """More host countries than an every-country chart draws (see ``write_many_countries``)."""
    data = write_many_countries(tmp_path_factory.mktemp("many") / "data")
    with app_client(Settings(data_dir=data, cache_dir=cache_dir)) as test_client:
        yield test_client
