"""The descriptor documents every file, column and coded value."""

from __future__ import annotations

import csv

import pytest

from app.data.descriptor import Descriptor

from ..tiny_data import REAL_DATA, dataset_version


@pytest.fixture(scope="module")
def descriptor() -> Descriptor:
    return Descriptor.read(REAL_DATA)


def test_package_metadata(descriptor: Descriptor) -> None:
    raw = descriptor.raw
    for key in ("title", "description", "version", "last_updated"):
        assert str(raw[key]).strip(), key
    assert raw["licenses"][0]["name"] == "CC-BY-4.0"


@pytest.mark.parametrize("name", ["estimates", "sources", "events", "countries"])
def test_columns_match_header_and_are_described(descriptor: Descriptor, name: str) -> None:
    with (REAL_DATA / f"{name}.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    fields = descriptor.fields(name)
    assert [field["name"] for field in fields] == header
    assert all(field.get("description") for field in fields)


@pytest.mark.parametrize(
    ("resource", "field"),
    [
        ("estimates", "indicator"),
        ("estimates", "qualifier"),
        ("estimates", "period_precision"),
        ("estimates", "workforce"),
        ("events", "date_precision"),
    ],
)
def test_every_coded_value_is_defined(descriptor: Descriptor, resource: str, field: str) -> None:
    enum = descriptor.field(resource, field)["constraints"]["enum"]
    categories = descriptor.categories(resource, field)
    assert [category.value for category in categories] == enum
    assert all(category.label and category.description for category in categories)


def test_every_indicator_has_a_unit(descriptor: Descriptor) -> None:
    assert all(category.unit for category in descriptor.categories("estimates", "indicator"))


def test_indicator_vocabulary_starts_from_the_brief(descriptor: Descriptor) -> None:
    values = {category.value for category in descriptor.categories("estimates", "indicator")}
    assert {
        "workers_abroad",
        "workers_sent",
        "workers_repatriated",
        "work_permits",
        "border_entries",
        "revenue_per_year",
        "revenue_total",
        "wage_per_month",
        "wage_share_to_state",
    } <= values


def test_citation_and_changelog_name_the_descriptor_version(descriptor: Descriptor) -> None:
    citation = (REAL_DATA.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert f'\nversion: "{dataset_version()}"\n' in citation
    changelog = (REAL_DATA / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"\n## {dataset_version()} ({descriptor.last_updated})\n" in changelog


def test_citation_file_exists() -> None:
    cff = (REAL_DATA.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version: 1.2.0" in cff
    assert "title:" in cff
