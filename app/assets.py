"""Static assets under names that carry their content hash, pre-compressed once.

A hashed name never changes meaning, so browsers and CDNs may keep it for a year
(``Cache-Control: immutable``) and a repeat visit fetches no asset at all.

plotly.js is the official basic bundle (scatter, bar and pie: all this site draws),
fetched by ``make`` from the npm registry at the version the plotly package ships;
without it the plotly package's full bundle is served instead.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import brotli

from .cache_files import write_atomically

PLOTLY_HEADER = re.compile(rb"plotly\.js(?: \(basic - minified\))? v(\d+\.\d+\.\d+)")
OWN_ASSETS = ("site.css", "charts.js", "map.js", "copy.js", "embed-frame.js", "explorer.js", "favicon.svg")
BROTLI_QUALITY_AT_START = 9  # fast; `python -m app prepare` stores quality 11 in the cache
BROTLI_QUALITY_PREPARED = 11
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


def plotly_package_bundle() -> Path:
    """The full plotly.js bundle inside the installed plotly package, found without importing plotly."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or spec.origin is None:
        raise RuntimeError("The plotly package is not installed")
    return Path(spec.origin).parent / "package_data" / "plotly.min.js"


def plotly_js_version(bundle: Path) -> str:
    with bundle.open("rb") as handle:
        match = PLOTLY_HEADER.search(handle.read(300))
    if match is None:
        raise RuntimeError(f"No plotly.js version in the header of '{bundle}'")
    return match.group(1).decode()


def basic_bundle_path(vendor_dir: Path, version: str) -> Path:
    return vendor_dir / f"plotly-basic-{version}.min.js"


@dataclass(frozen=True)
class Asset:
    name: str  # logical name used by templates: "site.css", "plotly.js"
    url: str
    media_type: str
    etag: str
    body: bytes
    encoded: dict[str, bytes] = field(repr=False)  # "br", "gzip"


def _compressed(body: bytes, digest: str, cache_dir: Path | None, keep: bool = False) -> dict[str, bytes]:
    """gzip and brotli forms of ``body``, read from the cache `prepare` filled, else made now (and, with ``keep``,
    left in the cache for the next start: for assets the server builds, which `prepare` does not know)."""
    encoded = {}
    for coding, make in (
        ("br", lambda: brotli.compress(body, quality=BROTLI_QUALITY_AT_START)),
        ("gzip", lambda: gzip.compress(body, compresslevel=9, mtime=0)),
    ):
        cached = cache_dir / f"asset-{digest}.{coding}" if cache_dir else None
        if cached is not None and cached.is_file():
            encoded[coding] = cached.read_bytes()
            continue
        encoded[coding] = make()
        if keep and cached is not None:
            write_atomically(cached, encoded[coding])
    return encoded


def make_asset(name: str, path: Path, cache_dir: Path | None) -> Asset:
    return asset_from_bytes(name, path.read_bytes(), cache_dir)


def asset_from_bytes(name: str, body: bytes, cache_dir: Path | None, keep: bool = False) -> Asset:
    digest = hashlib.sha256(body).hexdigest()
    stem, suffix = Path(name).stem, Path(name).suffix
    media_type = MEDIA_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Asset(
        name=name,
        url=f"/assets/{stem}.{digest[:12]}{suffix}",
        media_type=media_type,
        etag=f'"{digest[:20]}"',
        body=body,
        encoded=_compressed(body, digest, cache_dir, keep),
    )


def asset_sources(static_dir: Path, vendor_dir: Path) -> dict[str, Path]:
    """Logical name to file: our own assets and the plotly.js bundle to serve."""
    sources = {name: static_dir / name for name in OWN_ASSETS}
    full = plotly_package_bundle()
    basic = basic_bundle_path(vendor_dir, plotly_js_version(full))
    # The basic bundle only when it is the very version the plotly package ships.
    usable = basic.is_file() and plotly_js_version(basic) == plotly_js_version(full)
    sources["plotly.js"] = basic if usable else full
    return sources


class Assets:
    def __init__(
        self, static_dir: Path, vendor_dir: Path, cache_dir: Path | None, built: Mapping[str, bytes] | None = None
    ) -> None:
        """``built``: assets the server makes at start (the map's projected shapes), by logical name."""
        sources = asset_sources(static_dir, vendor_dir)
        self.plotly_bundle = sources["plotly.js"]
        self.by_name = {name: make_asset(name, path, cache_dir) for name, path in sources.items()}
        self.by_name |= {
            name: asset_from_bytes(name, body, cache_dir, keep=True) for name, body in (built or {}).items()
        }
        self.by_url = {asset.url: asset for asset in self.by_name.values()}

    def url(self, name: str) -> str:
        return self.by_name[name].url


def prepare_assets(static_dir: Path, vendor_dir: Path, cache_dir: Path) -> list[Path]:
    """Store brotli at its best quality for every asset, so the server need not spend seconds on it."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in asset_sources(static_dir, vendor_dir).values():
        body = path.read_bytes()
        digest = hashlib.sha256(body).hexdigest()
        for coding, make in (
            ("br", lambda: brotli.compress(body, quality=BROTLI_QUALITY_PREPARED)),  # noqa: B023 - used at once
            ("gzip", lambda: gzip.compress(body, compresslevel=9, mtime=0)),  # noqa: B023 - used at once
        ):
            target = cache_dir / f"asset-{digest}.{coding}"
            if not target.is_file():
                target.write_bytes(make())
            written.append(target)
    return written
