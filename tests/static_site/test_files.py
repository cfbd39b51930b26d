"""Where each address lands in the export, and its compressed copies (``app/static_site/files.py``)."""

from __future__ import annotations

import gzip
from pathlib import PurePosixPath

import brotli
import pytest

from app.static_site.files import UnexportableError, compressed_twins, file_for, gzipped, is_compressible


@pytest.mark.parametrize(
    ("path", "file"),
    [
        ("/", "index.html"),
        ("/charts", "charts/index.html"),
        ("/charts/revenue", "charts/revenue/index.html"),
        ("/v/2.0.0/", "v/2.0.0/index.html"),
        ("/sources/page/2", "sources/page/2/index.html"),
        ("/countries/c%C3%B4te", "countries/côte/index.html"),  # nginx looks for the decoded name
    ],
)
def test_a_page_is_its_folder_s_index(path: str, file: str) -> None:
    assert file_for(path, is_html=True) == PurePosixPath(file)


@pytest.mark.parametrize(
    ("path", "file"),
    [
        ("/charts/revenue.csv", "charts/revenue.csv"),
        ("/data/nk-workers-abroad-2.0.0.zip", "data/nk-workers-abroad-2.0.0.zip"),
        ("/assets/site.0123456789ab.css", "assets/site.0123456789ab.css"),
        ("/oembed/charts/revenue.json", "oembed/charts/revenue.json"),
        ("/CITATION.cff", "CITATION.cff"),
    ],
)
def test_any_other_file_keeps_its_name(path: str, file: str) -> None:
    assert file_for(path, is_html=False) == PurePosixPath(file)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/healthz", "'/healthz' answers something other than HTML without an extension in its path"),
        ("/", "'/' answers something other than HTML without an extension"),
        ("/charts/revenue?from=2017", "'/charts/revenue?from=2017' is not a path without a query"),
        ("/a/../../etc/passwd.txt", "would leave the export's folder"),
        ("/a/%2E%2E/x.txt", "would leave the export's folder"),
        ("/a/b%2Fc.txt", "would leave the export's folder"),
    ],
)
def test_an_address_with_no_file_name_is_refused_saying_why(path: str, message: str) -> None:
    with pytest.raises(UnexportableError) as error:
        file_for(path, is_html=False)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("name", "compressible"),
    [
        ("index.html", True),
        ("site.0123.css", True),
        ("plotly.0123.js", True),
        ("revenue.json", True),
        ("revenue.csv", True),
        ("revenue.svg", True),
        ("changes.atom", True),
        ("citation.bib", True),
        ("citation.ris", True),
        ("CITATION.cff", True),
        ("revenue.png", False),
        ("nk-workers-abroad-2.0.0.zip", False),
    ],
)
def test_text_formats_are_compressed_images_and_zips_not(name: str, compressible: bool) -> None:
    assert is_compressible(PurePosixPath("x", name)) is compressible


BODY = ("Nord-Korea · 북한 " * 400).encode()


def test_both_copies_decompress_to_the_file() -> None:
    copies = compressed_twins(BODY)
    assert set(copies) == {".gz", ".br"}
    assert gzip.decompress(copies[".gz"]) == BODY
    assert brotli.decompress(copies[".br"]) == BODY
    assert len(copies[".gz"]) < len(BODY) / 10
    assert len(copies[".br"]) < len(BODY) / 10


def test_gzip_is_level_9_without_a_time_stamp_so_an_export_is_reproducible() -> None:
    first = gzipped(BODY)
    assert first == gzipped(BODY)
    assert first[4:8] == b"\0\0\0\0"  # MTIME (RFC 1952, 2.3.1)
    assert first[8] == 2  # XFL 2: the slowest, best compression
