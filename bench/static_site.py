"""A static copy of the app's responses for nginx: each target's identity bytes as `file` and the app's own
gzip bytes as `file.gz`, so nginx (`gzip_static on`) sends the very bytes the app sends, without compressing
anything itself. The ratio of req/s then compares serving, not compressing."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx


def file_for(url_path: str) -> str:
    """The file under the web root that nginx serves for ``url_path`` (its config tries `$uri/index.html`)."""
    relative = url_path.lstrip("/")
    return relative + "index.html" if relative == "" or relative.endswith("/") else relative


def fetch_encodings(url: str) -> tuple[bytes, bytes | None]:
    """The identity body and, if the server gzips this response, its gzip body exactly as sent."""
    identity = httpx.get(url, headers={"Accept-Encoding": "identity"})
    identity.raise_for_status()
    with httpx.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as response:
        response.raise_for_status()
        raw = b"".join(response.iter_raw())
        gzipped = raw if response.headers.get("content-encoding") == "gzip" else None
    return identity.content, gzipped


def write_file(www: Path, url_path: str, identity: bytes, gzipped: bytes | None) -> None:
    target = www / file_for(url_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(identity)
    if gzipped is not None:
        target.with_name(target.name + ".gz").write_bytes(gzipped)


def mirror_app(app_url: str, paths: list[str], www: Path) -> None:
    """The app's responses for ``paths``, both encodings, under ``www``."""
    for path in paths:
        write_file(www, path, *fetch_encodings(app_url + path))


def write_precompressed(www: Path, files: dict[str, bytes]) -> None:
    """Files of our own (the reference page, plotly.js), pre-compressed as a build step would."""
    for path, body in files.items():
        write_file(www, path, body, gzip.compress(body, compresslevel=9, mtime=0))
