"""nginx's copy of the app holds, for each address, the file its config serves and the app's own gzip bytes."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from bench.reference import page_html
from bench.static_site import file_for, write_file, write_precompressed


@pytest.mark.parametrize(
    ("url_path", "file"),
    [
        ("/", "index.html"),
        ("/reference/", "reference/index.html"),
        ("/countries/rus", "countries/rus"),
        ("/data/estimates.csv", "data/estimates.csv"),
    ],
)
def test_each_address_has_the_file_nginx_tries(url_path: str, file: str) -> None:
    assert file_for(url_path) == file


def test_the_gzip_sibling_holds_the_bytes_given(tmp_path: Path) -> None:
    write_file(tmp_path, "/embed/x", b"<html>", b"\x1f\x8b exactly as sent")
    write_file(tmp_path, "/small", b"ok", None)
    assert (tmp_path / "embed/x").read_bytes() == b"<html>"
    assert (tmp_path / "embed/x.gz").read_bytes() == b"\x1f\x8b exactly as sent"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["embed", "small"]


def test_files_of_our_own_are_precompressed(tmp_path: Path) -> None:
    write_precompressed(tmp_path, {"/reference/plotly.min.js": b"var Plotly = {};" * 100})
    assert gzip.decompress((tmp_path / "reference/plotly.min.js.gz").read_bytes()) == b"var Plotly = {};" * 100


def test_the_reference_page_carries_the_figure_whole_even_a_closing_tag_in_it() -> None:
    figure = {"data": [{"x": [1], "name": "</script><b>"}], "layout": {}}
    html = page_html(figure)
    blob = re.search(r'<script type="application/json" id="figure">(.*?)</script>', html, re.S)
    assert blob is not None
    assert json.loads(blob.group(1)) == figure
    assert '<script src="plotly.min.js"></script>' in html
