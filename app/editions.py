"""Editions: each release as the site serves it. The latest answers at every plain address; every release,
the latest included, also answers pinned under /v/{version}/, so that what an article cited stays put.

The latest edition is built at start. An archived one is built on its first request (reading a frozen
release and its chart views costs about a second, so a start does not pay it for every release ever made)
and a few are kept.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .charts.images import DatasetCredit
from .charts.views import ChartLinks, ChartViews
from .data.changes import diff_dirs
from .data.citations import DatasetCitation
from .data.dataset import read_dataset
from .data.package_zip import build_zip
from .data.releases import FrozenRelease, checksum_problems, differs_from_release
from .domain import Release
from .domain.history import ChangeLog, ReleaseNote
from .http.large_download import Packed, pack
from .lru import LruCache, MiB
from .urls import TableFormat, Urls

log = logging.getLogger(__name__)

ARCHIVED_EDITIONS_KEPT = 3
# Dataset zips kept per edition, one per public base URL (the README inside names the site's address);
# without a configured base URL there is one per allowed host, so a handful at most.
ZIPS_KEPT = 4
ZIP_BYTES_KEPT = 64 * MiB
# Whole tables as CSV and JSON: a few per release, each built once. At 100x data estimates.csv is 28 MB and
# took 1.8 s to write, past the response cache's body cap, so it was written again for every download.
TABLE_DOWNLOADS_KEPT = 16
TABLE_DOWNLOAD_BYTES_KEPT = 256 * MiB


class ArchiveError(RuntimeError):
    """The archive of releases is not as it was released; the message lists every problem."""


@dataclass(frozen=True, eq=False)
class Edition:
    """One release as the site serves it: its typed data, its chart views, its downloads."""

    release: Release
    views: ChartViews
    pinned: bool  # served under /v/{version}/, with links that stay there
    zips: LruCache[str, bytes] = field(default_factory=lambda: LruCache(ZIPS_KEPT, ZIP_BYTES_KEPT, size=len))
    tables: LruCache[tuple[str, str], bytes] = field(
        default_factory=lambda: LruCache(TABLE_DOWNLOADS_KEPT, TABLE_DOWNLOAD_BYTES_KEPT, size=len)
    )
    # The gzip form of the tables too large for the response cache (app/http/large_download.py).
    packed_tables: LruCache[tuple[str, str], Packed] = field(
        default_factory=lambda: LruCache(TABLE_DOWNLOADS_KEPT, TABLE_DOWNLOAD_BYTES_KEPT, size=lambda p: p.size)
    )

    @property
    def version(self) -> str:
        return self.release.version

    @property
    def credit(self) -> DatasetCredit:
        """What an image of this edition's charts says of the data: its version and licence."""
        licence = "; ".join(str(licence) for licence in self.release.licences)
        return DatasetCredit(version=self.version, licence=licence)

    def citation(self, urls: Urls, publisher: str) -> DatasetCitation:
        """How to cite this release: at its pinned data page, which keeps showing it after the next release."""
        pinned = urls.release(self.version)
        url = pinned.absolute(pinned.data()) if urls.base_url else ""
        return DatasetCitation.from_descriptor(self.release.descriptor, publisher=publisher, url=url)

    def dataset_zip(self, urls: Urls, publisher: str) -> bytes:
        """The dataset zip for this address (its README names the site); built once, even when asked at once."""
        cite = self.citation(urls, publisher)
        return self.zips.get_or_create(
            urls.base_url, lambda: build_zip(self.release.frames, cite, urls.base_url, _day(self.release.last_updated))
        )

    def table_download(self, table: str, fmt: TableFormat) -> bytes:
        """A whole table as its CSV or JSON download; built once, even when asked at once."""

        def build() -> bytes:
            if fmt == "csv":
                return self.release.table_csv(table).encode("utf-8")
            # As a JSONResponse writes it, so the bytes do not depend on which way they were served.
            rows = self.release.table_json(table)
            return json.dumps(rows, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()

        return self.tables.get_or_create((table, fmt), build)

    def packed_table(self, table: str, fmt: TableFormat) -> Packed:
        """The download's gzip form and entity tag; made once, even when asked at once."""
        return self.packed_tables.get_or_create((table, fmt), lambda: pack(self.table_download(table, fmt)))


def chart_links(urls: Urls) -> ChartLinks:
    return ChartLinks(claim=urls.estimate, event=urls.event, chart=urls.chart)


class Editions:
    """The latest edition and the archive's, by version."""

    def __init__(self, latest: Edition, frozen: list[FrozenRelease], latest_frozen: bool) -> None:
        self.latest = latest
        self._frozen = {release.version: release for release in frozen}
        # The latest is read from data/ itself when data/ is exactly its frozen release (or not frozen yet).
        self._latest_frozen = latest_frozen
        self._kept = LruCache[str, Edition](ARCHIVED_EDITIONS_KEPT, ARCHIVED_EDITIONS_KEPT, size=lambda _: 1)

    @property
    def versions(self) -> list[str]:
        """Every version served, oldest first; the latest last."""
        older = [version for version in self._frozen if version != self.latest.version]
        return [*older, self.latest.version]

    def get(self, version: str) -> Edition | None:
        """The edition pinned at ``version``; None for a version never released."""
        if version not in self.versions:
            return None
        return self._kept.get_or_create(version, lambda: self._build(version))

    def _build(self, version: str) -> Edition:
        if version == self.latest.version and (self._latest_frozen or version not in self._frozen):
            release = self.latest.release
        else:
            # Checked again here, not only at start: an archived release is read on its first request, and its
            # files may have been edited under the running server since.
            check_archive([self._frozen[version]])
            release = Release.from_dataset(read_dataset(self._frozen[version].path))
        return pinned_edition(release, self.latest.version)


def pinned_edition(release: Release, latest_version: str) -> Edition:
    links = chart_links(Urls(version=release.version, latest_version=latest_version).pin())
    return Edition(release=release, views=ChartViews(release, links), pinned=True)


def check_archive(frozen: list[FrozenRelease]) -> None:
    """Stop with every problem if any frozen release was edited since it was frozen."""
    problems = [problem for release in frozen for problem in checksum_problems(release)]
    if problems:
        raise ArchiveError("The archive of releases was changed:\n" + "\n".join(problems))


def latest_is_frozen(data_dir: Path, frozen: list[FrozenRelease], version: str) -> bool:
    """Whether data/ is exactly its version's frozen release; a warning when it says that version but is not."""
    release = next((release for release in frozen if release.version == version), None)
    if release is None:
        log.warning("data/ is version %s, which is not released yet: python -m app release %s", version, version)
        return False
    differing = differs_from_release(data_dir, release)
    if differing:
        log.warning(
            "data/ says version %s but differs from its frozen release (%s): /v/%s serves the frozen files; "
            "release the changes as a new version (python -m app release X.Y.Z)",
            version,
            ", ".join(differing),
            version,
        )
    return not differing


def change_log(frozen: list[FrozenRelease]) -> ChangeLog:
    """What each frozen release changed since the one before (the first one kept: every row added)."""
    notes = []
    previous: FrozenRelease | None = None
    for release in frozen:
        changes = diff_dirs(previous.path if previous else None, release.path)
        published = _day(release.last_updated)
        notes.append(
            ReleaseNote(
                version=release.version,
                published=published,
                previous=previous.version if previous else None,
                claims=changes["estimates"],
                events=changes["events"],
            )
        )
        previous = release
    return ChangeLog(tuple(notes))


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
