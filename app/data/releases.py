"""The archive of releases: every released version of the data, kept byte for byte in ``data/releases/{version}/``.

A folder in the data, not git tags, because the archive must travel wherever the data is served: a Docker
image has no ``.git``, CI clones can be shallow and tag-less, a downloaded tarball has no history. Each frozen
folder carries a ``SHA256SUMS`` written when it was frozen; a file that no longer matches it is a clear error
at start, never a silently different "archived" chart.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .descriptor import DESCRIPTOR_NAME, Descriptor

RELEASES_DIR_NAME = "releases"
CHECKSUMS_NAME = "SHA256SUMS"
# Semantic Versioning 2.0.0 without build metadata: 2.1.0, 2.0.0-rc.1.
# ASCII digits only: Python's \d also takes Arabic-Indic or fullwidth digits, which no URL or tool expects.
VERSION_PATTERN = re.compile(
    r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
)


class ReleaseError(ValueError):
    """A release that cannot be made or read; the message says what to do."""


@dataclass(frozen=True)
class Version:
    """A release's version, ordered as Semantic Versioning orders them (2.0.0-rc.1 < 2.0.0 < 2.1.0)."""

    text: str

    @classmethod
    def parse(cls, text: str) -> Version:
        if not VERSION_PATTERN.fullmatch(text):
            raise ReleaseError(f"'{text[:40]}' is not a version: write MAJOR.MINOR.PATCH, as 2.1.0 or 2.1.0-rc.1")
        return cls(text)

    @property
    def key(self) -> tuple[int, int, int, int, tuple[tuple[int, int | str], ...]]:
        match = VERSION_PATTERN.fullmatch(self.text)
        assert match is not None  # parse() let only valid versions through
        major, minor, patch, pre = match.groups()
        if pre is None:  # a release comes after all its pre-releases
            return int(major), int(minor), int(patch), 1, ()
        # Numeric identifiers compare as numbers and before alphanumeric ones.
        parts = tuple((0, int(part)) if part.isdigit() else (1, part) for part in pre.split("."))
        return int(major), int(minor), int(patch), 0, parts


@dataclass(frozen=True)
class FrozenRelease:
    """One released version's files, as they were released."""

    version: str
    path: Path

    @property
    def last_updated(self) -> str:
        return Descriptor.read(self.path).last_updated


def releases_dir(data_dir: Path) -> Path:
    return data_dir / RELEASES_DIR_NAME


def data_files(data_dir: Path) -> list[str]:
    """The names of a data folder's files: the descriptor and every file it describes."""
    descriptor = Descriptor.read(data_dir)
    return [DESCRIPTOR_NAME, *(str(descriptor.resource(name)["path"]) for name in descriptor.resource_names())]


def frozen_releases(data_dir: Path) -> list[FrozenRelease]:
    """Every frozen release under ``data_dir``, oldest first; ReleaseError for a folder that is not one."""
    folder = releases_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not path.is_dir():
            continue
        Version.parse(path.name)
        version = Descriptor.read(path).version
        if version != path.name:
            raise ReleaseError(f"{path / DESCRIPTOR_NAME}: says version '{version}', but its folder is '{path.name}'")
        found.append(FrozenRelease(path.name, path))
    return sorted(found, key=lambda release: Version(release.version).key)


def checksums(data_dir: Path, names: list[str]) -> str:
    """``SHA256SUMS`` for ``names`` in ``data_dir``, in the format ``sha256sum --check`` reads."""
    lines = [f"{hashlib.sha256((data_dir / name).read_bytes()).hexdigest()}  {name}\n" for name in names]
    return "".join(lines)


def checksum_problems(release: FrozenRelease) -> list[str]:
    """What no longer matches the release's SHA256SUMS: a frozen release must never be edited."""
    listed = release.path / CHECKSUMS_NAME
    if not listed.is_file():
        return [f"{listed}: missing; a frozen release lists its files' checksums"]
    problems = []
    for line in listed.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        path = release.path / name
        if not path.is_file():
            problems.append(f"{path}: missing from release {release.version}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(
                f"{path}: changed since release {release.version} was frozen; a release is never edited: "
                "restore it (git checkout) and make the change in a new release"
            )
    return problems


def differs_from_release(data_dir: Path, release: FrozenRelease) -> list[str]:
    """The data files of ``data_dir`` that differ from ``release``'s copies (none: it is that release)."""
    names = data_files(data_dir)
    if names != data_files(release.path):
        return names
    return [name for name in names if (data_dir / name).read_bytes() != (release.path / name).read_bytes()]


def freeze(data_dir: Path, version: str) -> FrozenRelease:
    """Copy ``data_dir``'s data files to ``releases/{version}/`` with their checksums."""
    target = releases_dir(data_dir) / version
    if target.exists():
        raise ReleaseError(f"{target}: release {version} is already frozen; a release is never made twice")
    names = data_files(data_dir)
    target.mkdir(parents=True)
    for name in names:
        shutil.copyfile(data_dir / name, target / name)
    (target / CHECKSUMS_NAME).write_text(checksums(target, names), encoding="utf-8")
    return FrozenRelease(version, target)
