"""What changed between two versions of the data, row by row, by id: added, corrected, removed.

Compared as the CSV files' text, not as loaded frames, so that any two releases compare, whatever the loader
of the day makes of them. A column one of the two versions lacks reads as empty there: adding an empty
column corrects nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .descriptor import Descriptor

# The tables whose rows are claims or events, each keyed by its 'id' column.
CHANGE_TABLES = ("estimates", "events")
Row = dict[str, str]


@dataclass(frozen=True)
class Correction:
    id: str
    columns: tuple[str, ...]  # the columns whose text changed, in the newer file's order


@dataclass(frozen=True)
class TableChanges:
    added: tuple[str, ...]  # in the newer file's order
    corrected: tuple[Correction, ...]
    removed: tuple[str, ...]  # in the older file's order

    @property
    def empty(self) -> bool:
        return not (self.added or self.corrected or self.removed)


NO_CHANGES = TableChanges((), (), ())


def read_rows(data_dir: Path, table: str) -> dict[str, Row]:
    """A table's rows by id, every cell as the file writes it."""
    path = data_dir / str(Descriptor.read(data_dir).resource(table)["path"])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def diff_rows(older: dict[str, Row], newer: dict[str, Row]) -> TableChanges:
    added = tuple(row_id for row_id in newer if row_id not in older)
    removed = tuple(row_id for row_id in older if row_id not in newer)
    corrected = []
    for row_id, row in newer.items():
        before = older.get(row_id)
        if before is None:
            continue
        columns = list(row) + [column for column in before if column not in row]
        changed = tuple(column for column in columns if row.get(column, "") != before.get(column, ""))
        if changed:
            corrected.append(Correction(row_id, changed))
    return TableChanges(added, tuple(corrected), removed)


def diff_dirs(older: Path | None, newer: Path) -> dict[str, TableChanges]:
    """Claims (estimates) and events changed from ``older`` to ``newer``; with no older, every row is added."""
    return {
        table: diff_rows(read_rows(older, table) if older else {}, read_rows(newer, table)) for table in CHANGE_TABLES
    }
