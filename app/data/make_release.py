"""Making a release: validate the data, stamp its version and date, freeze it, write its changelog entry."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .changelog import entry, prepend_entry
from .changes import diff_dirs
from .descriptor import DESCRIPTOR_NAME, Descriptor
from .problems import DataValidationError
from .releases import FrozenRelease, ReleaseError, Version, differs_from_release, freeze, frozen_releases


def make_release(data_dir: Path, version: str, day: date) -> FrozenRelease:
    """Release ``data_dir`` as ``version`` on ``day``; ReleaseError or DataValidationError says why not."""
    new = Version.parse(version)
    frozen = frozen_releases(data_dir)
    newest = frozen[-1] if frozen else None
    if newest is not None and new.key <= Version(newest.version).key:
        raise ReleaseError(f"{version} is not newer than the latest release, {newest.version}")
    from .validate import validate_data_dir  # frictionless is imported only when it is needed

    problems = validate_data_dir(data_dir)
    if problems:
        raise DataValidationError(problems)
    if newest is not None and not differs_from_release(data_dir, newest):
        raise ReleaseError(f"nothing changed since {newest.version}: edit the data first")
    set_version(data_dir, version, day)
    release = freeze(data_dir, version)
    changes = diff_dirs(newest.path if newest else None, release.path)
    prepend_entry(data_dir, entry(version, day.isoformat(), newest.version if newest else None, changes))
    return release


def set_version(data_dir: Path, version: str, day: date) -> None:
    """Write ``version`` and ``day`` into the descriptor, keeping its layout (two-space JSON, one final newline)."""
    raw = dict(Descriptor.read(data_dir).raw)
    raw["version"] = version
    raw["last_updated"] = day.isoformat()
    text = json.dumps(raw, indent=2, ensure_ascii=False) + "\n"
    (data_dir / DESCRIPTOR_NAME).write_text(text, encoding="utf-8")
