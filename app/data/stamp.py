"""Remember that a data directory validated, so an unchanged one is not validated again at every start.

The stamp's name is a hash of every data file and of the validating code, so any
change to the data, the descriptor or the rules means a full validation again.
Validating thousands of rows takes seconds; checking the stamp takes milliseconds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

VALIDATOR_SOURCES = (
    "validate.py",
    "rules.py",
    "cross_rules.py",
    "text_rules.py",
    "file_checks.py",
    "schema_gate.py",
    "frictionless_report.py",
    "csvfile.py",
    "descriptor.py",
)


def fingerprint(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in [*sorted(data_dir.glob("*.csv")), data_dir / "datapackage.json"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    here = Path(__file__).parent
    for name in VALIDATOR_SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def stamp_path(cache_dir: Path, data_dir: Path) -> Path:
    return cache_dir / f"validated-{fingerprint(data_dir)}"


def is_stamped(cache_dir: Path | None, data_dir: Path) -> bool:
    return cache_dir is not None and stamp_path(cache_dir, data_dir).is_file()


def write_stamp(cache_dir: Path | None, data_dir: Path) -> None:
    """Record a successful validation; a cache directory that cannot be written is simply not used."""
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        stamp_path(cache_dir, data_dir).write_text(str(data_dir.resolve()) + "\n", encoding="utf-8")
    except OSError:
        pass
