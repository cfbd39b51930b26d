"""Where a crawled address lands in the export, and the pre-compressed copies written beside it."""

from __future__ import annotations

import gzip
from pathlib import PurePosixPath
from urllib.parse import unquote

import brotli

# Text formats a static server sends pre-compressed (nginx gzip_static, brotli_static); images and zips are
# compressed already.
COMPRESSIBLE_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".json", ".csv", ".svg", ".atom", ".xml", ".txt", ".bib", ".ris", ".cff", ".md"}
)
INDEX_FILE = "index.html"
# 10, not 11: on the bundled data 11 takes three times as long (12 s against 4 s of CPU for 10.7 MB of text) for
# files 2% smaller; the export runs on CI's budget, and the app itself serves pages at 9.
BROTLI_QUALITY = 10


class UnexportableError(ValueError):
    """An address the export cannot give a file name that a static server would find again."""


def file_for(path: str, *, is_html: bool) -> PurePosixPath:
    """The file, relative to the export's folder, that a static server answers ``path`` from.

    An HTML page is a folder's index (``/charts/revenue`` -> ``charts/revenue/index.html``), which nginx finds
    with ``try_files $uri $uri/index.html``; anything else keeps its own name, which must have an extension
    for the server to know its type.
    """
    if not path.startswith("/") or "?" in path or "#" in path:
        raise UnexportableError(f"'{path}' is not a path without a query")
    parts = [unquote(part) for part in path.split("/") if part]
    if any(part in (".", "..") or "/" in part or "\\" in part for part in parts):
        raise UnexportableError(f"'{path}' has a segment that would leave the export's folder")
    if is_html:
        return PurePosixPath(*parts, INDEX_FILE)
    if not parts or not PurePosixPath(parts[-1]).suffix:
        raise UnexportableError(
            f"'{path}' answers something other than HTML without an extension in its path: "
            "a static server could not tell its type"
        )
    return PurePosixPath(*parts)


def is_compressible(file: PurePosixPath) -> bool:
    return file.suffix.lower() in COMPRESSIBLE_SUFFIXES


def gzipped(body: bytes) -> bytes:
    """gzip -9 with no time stamp, so that the same site exports to the same bytes."""
    return gzip.compress(body, compresslevel=9, mtime=0)


def brotli_compressed(body: bytes) -> bytes:
    return bytes(brotli.compress(body, quality=BROTLI_QUALITY))


def compressed_twins(body: bytes) -> dict[str, bytes]:
    """The ``.gz`` and ``.br`` copies of a file, by the suffix added to its name."""
    return {".gz": gzipped(body), ".br": brotli_compressed(body)}
