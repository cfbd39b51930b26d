"""The dataset's citation files (``app/citations.py``), read back by the parsers reference managers and tools use.

BibTeX through bibtexparser, RIS through rispy, CITATION.cff through a YAML parser against the keys and
formats of the Citation File Format 1.2.0 schema (cffconvert, the format's own validator, pins
jsonschema < 4, which frictionless cannot live with).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import rispy
import yaml
from bibtexparser.entrypoint import parse_string
from fastapi.testclient import TestClient

from app.__main__ import main
from app.data.citations import DatasetCitation, bibtex, citation_cff, ris, text_citation
from app.settings import PROJECT_ROOT

from ..html import BASE
from ..tiny_data import REAL_DATA, dataset_version

VERSION = dataset_version()
# Citation File Format 1.2.0: the keys its schema allows at the top level, and those it requires.
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers", "keywords",
    "license", "license-url", "message", "preferred-citation", "references", "repository", "repository-artifact",
    "repository-code", "title", "type", "url", "version",
}  # fmt: skip
CFF_REQUIRED = {"authors", "cff-version", "message", "title"}


def descriptor() -> dict[str, Any]:
    with (REAL_DATA / "datapackage.json").open(encoding="utf-8") as handle:
        found: dict[str, Any] = json.load(handle)
    return found


def test_bibtex_parses_to_the_release(client: TestClient) -> None:
    response = client.get("/data/citation.bib")
    assert response.headers["content-disposition"] == f'attachment; filename="nk-workers-abroad-{VERSION}.bib"'
    library = parse_string(response.text)
    assert library.failed_blocks == []
    [entry] = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert entry.entry_type == "misc"
    assert fields["title"] == "{" + descriptor()["title"] + "}"  # braced: styles keep its capitals
    assert fields["author"] == "{North Korean Workers Abroad}"  # braced: one organisation, not a surname
    assert fields["version"] == VERSION
    assert fields["year"] == descriptor()["last_updated"][:4]
    assert fields["url"] == f"{BASE}/v/{VERSION}/data"  # pinned: it keeps showing this release


def test_bibtex_escapes_what_would_break_an_entry() -> None:
    cite = DatasetCitation.from_descriptor(
        descriptor() | {"title": "Wages} & 100% {of_pay #1"}, publisher="A & B", url="https://example.org/data"
    )
    library = parse_string(bibtex(cite))
    assert library.failed_blocks == []
    fields = {field.key: field.value for field in library.entries[0].fields}
    assert fields["title"] == r"{Wages\} \& 100\% \{of\_pay \#1}"
    assert fields["author"] == r"{A \& B}"


def test_ris_parses_to_the_release(client: TestClient) -> None:
    response = client.get("/data/citation.ris")
    body = response.content.decode("utf-8")
    assert body.endswith("ER  - \r\n")
    assert "\n" not in body.replace("\r\n", "")  # RIS lines end in CR LF
    [record] = rispy.loads(body)
    assert record["type_of_reference"] == "DATA"
    assert record["title"] == descriptor()["title"]
    assert record["authors"] == ["North Korean Workers Abroad"]
    assert record["edition"] == VERSION
    assert record["date"] == descriptor()["last_updated"].replace("-", "/")
    assert record["urls"] == [f"{BASE}/v/{VERSION}/data"]
    assert record["keywords"] == descriptor()["keywords"]


def check_cff(text: str) -> dict[str, Any]:
    """The CFF 1.2.0 schema's rules for the keys this file uses; returns the parsed file."""
    cff: dict[str, Any] = yaml.safe_load(text)
    assert set(cff) <= CFF_KEYS, set(cff) - CFF_KEYS
    assert set(cff) >= CFF_REQUIRED
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] in ("dataset", "software")
    assert cff["authors"]
    assert all(isinstance(author["name"], str) and author["name"] for author in cff["authors"])
    assert isinstance(cff["version"], str)
    assert isinstance(cff["date-released"], str)  # a string, not a YAML timestamp
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cff["date-released"])
    assert all(isinstance(word, str) for word in cff["keywords"])
    return cff


def test_served_citation_cff_names_the_release_and_its_address(client: TestClient) -> None:
    response = client.get("/CITATION.cff")
    assert response.headers["content-type"] == "application/yaml; charset=utf-8"
    cff = check_cff(response.text)
    assert cff["title"] == descriptor()["title"]
    assert cff["version"] == VERSION
    assert cff["date-released"] == descriptor()["last_updated"]
    assert cff["license"] == descriptor()["licenses"][0]["name"]
    assert cff["url"] == f"{BASE}/v/{VERSION}/data"


def test_committed_citation_cff_is_what_the_command_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NKW_BASE_URL", raising=False)
    monkeypatch.delenv("NKW_SITE_NAME", raising=False)
    monkeypatch.delenv("NKW_DATA_DIR", raising=False)
    written = tmp_path / "CITATION.cff"
    assert main(["citation-cff", str(written)]) == 0
    committed = (PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert committed == written.read_text(encoding="utf-8"), "run `python -m app citation-cff` and commit the file"
    assert "url" not in check_cff(committed)  # no public address is configured for the committed file


def test_citation_cff_command_names_the_public_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NKW_BASE_URL", "https://example.org/")
    written = tmp_path / "CITATION.cff"
    assert main(["citation-cff", str(written)]) == 0
    assert check_cff(written.read_text(encoding="utf-8"))["url"] == f"https://example.org/v/{VERSION}/data"


def test_every_format_names_the_same_release() -> None:
    cite = DatasetCitation.from_descriptor(descriptor(), publisher="Site", url="https://example.org/data")
    for body in (bibtex(cite), ris(cite), citation_cff(cite), text_citation(cite, accessed=date(2027, 1, 2))):
        assert VERSION in body
        assert "https://example.org/data" in body
    assert "Accessed 2 January 2027." in text_citation(cite, accessed=date(2027, 1, 2))
