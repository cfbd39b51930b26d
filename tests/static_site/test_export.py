"""Crawling an app and writing its files (``app/static_site/crawl.py``, ``export.py``), on small apps of our own
that have exactly the links each test needs; the real site served by nginx is in test_nginx.py."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from app.__main__ import main
from app.static_site.export import ExportError, export_site

SITE = "https://example.org"


def site(pages: dict[str, str], files: dict[str, str] | None = None, moved: dict[str, str] | None = None) -> FastAPI:
    """An app answering each page as HTML, each file as text, each moved address with a 301, anything else 404."""
    app = FastAPI()
    files = files or {}
    moved = moved or {}

    @app.get("/{path:path}")
    def answer(path: str) -> Response:
        address = "/" + path
        if address in pages:
            return HTMLResponse(pages[address])
        if address in files:
            return PlainTextResponse(files[address])
        if address in moved:
            return RedirectResponse(moved[address], status_code=301)
        return PlainTextResponse("not found", status_code=404)

    return app


def written(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_the_pages_and_files_links_lead_to_are_written_with_their_compressed_copies(tmp_path: Path) -> None:
    app = site(
        {
            "/": '<a href="/about">About</a><a href="https://example.org/notes.txt">notes</a>'
            '<a href="https://elsewhere.example/">away</a><a href="/about?x=1">filtered</a><a href="/old">old</a>',
            "/about": '<a href="/">Home</a><a href="/?page=2">more</a><a href="/about?x=1#y">filtered again</a>',
            "/new": "moved here",
        },
        {"/notes.txt": "The notes. " * 50, "/unlinked.txt": "nobody links here"},
        {"/old": "/new"},
    )
    done = export_site(app, SITE, ["/"], tmp_path / "out")
    out = tmp_path / "out"
    pages = {"index.html", "about/index.html", "new/index.html", "notes.txt"}
    assert written(out) == pages | {f"{name}{suffix}" for name in pages for suffix in (".gz", ".br")}
    notes = (out / "notes.txt").read_bytes()
    assert notes == ("The notes. " * 50).encode()
    assert gzip.decompress((out / "notes.txt.gz").read_bytes()) == notes
    assert brotli.decompress((out / "notes.txt.br").read_bytes()) == notes
    assert (done.pages, done.files, done.dynamic, done.redirects) == (4, 12, 2, 1)
    assert done.bytes == sum((out / name).stat().st_size for name in written(out))


def test_seeds_reach_what_no_page_links_to(tmp_path: Path) -> None:
    app = site({"/": "<p>no links</p>"}, {"/unlinked.txt": "nobody links here"})
    export_site(app, SITE, ["/", "/unlinked.txt"], tmp_path / "out")
    assert "unlinked.txt" in written(tmp_path / "out")


def test_a_broken_link_fails_the_export_naming_it_and_where_it_is_and_writes_nothing(tmp_path: Path) -> None:
    app = site({"/": '<a href="/about">About</a>', "/about": '<img src="/missing.png" alt="">'})
    with pytest.raises(ExportError) as error:
        export_site(app, SITE, ["/", "/no-seed"], tmp_path / "out")
    assert str(error.value) == (
        "2 broken links in the site; nothing was written:\n"
        "  /missing.png answered 404 (linked from /about)\n"
        "  /no-seed answered 404 (a seed)"
    )
    assert not (tmp_path / "out").exists()


def test_a_file_without_an_extension_cannot_be_exported(tmp_path: Path) -> None:
    app = site({"/": '<a href="/healthz">health</a>'}, {"/healthz": "ok"})
    with pytest.raises(ExportError, match="'/healthz' answers something other than HTML without an extension"):
        export_site(app, SITE, ["/"], tmp_path / "out")


def test_two_addresses_of_one_file_are_an_error_not_a_silent_loss(tmp_path: Path) -> None:
    app = site({"/": '<a href="/about">a</a><a href="/about/">b</a>', "/about": "one", "/about/": "other"})
    with pytest.raises(ExportError, match=r"^/about and /about/ would both be written to about/index\.html$"):
        export_site(app, SITE, ["/"], tmp_path / "out")


def test_an_export_never_writes_over_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="is not empty: export into a new or empty folder"):
        export_site(site({"/": "home"}), SITE, ["/"], tmp_path)
    assert written(tmp_path) == {"keep.txt"}


def test_the_command_needs_the_public_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NKW_BASE_URL", raising=False)
    assert main(["export", str(tmp_path / "out")]) == 2
    assert "needs the site's public address" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "out"), "--base-url", "example.org"]) == 2
    assert "--base-url: Value error, NKW_BASE_URL must be an http(s) address" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
