"""The changelog entry a release writes from its diff: claims and events added, corrected and removed, by id.

The editor adds the why in prose under it; the ids and counts are never typed by hand.
"""

from __future__ import annotations

from pathlib import Path

from .changes import TableChanges

CHANGELOG_NAME = "CHANGELOG.md"
HEADINGS = {"estimates": "Estimates", "events": "Events"}
PREAMBLE = "# Dataset changelog\n\nEvery release of the dataset, newest first.\n"


def entry(version: str, day: str, previous: str | None, changes: dict[str, TableChanges]) -> str:
    """The Markdown section for one release."""
    since = f" (since {previous})" if previous else " (the first release kept)"
    lines = [f"## {version} ({day})", ""]
    for table, heading in HEADINGS.items():
        change = changes[table]
        counts = f"{len(change.added)} added, {len(change.corrected)} corrected, {len(change.removed)} removed"
        lines.append(f"### {heading}: {counts}{since}")
        if change.added:
            lines.append(f"Added: {', '.join(change.added)}")
        if change.corrected:
            lines.append("Corrected: " + "; ".join(f"{c.id} ({', '.join(c.columns)})" for c in change.corrected))
        if change.removed:
            lines.append(f"Removed: {', '.join(change.removed)}")
        lines.append("")
    return "\n".join(lines) + "\n"


def prepend_entry(data_dir: Path, text: str) -> Path:
    """Put ``text`` above the newest entry of ``data_dir/CHANGELOG.md`` (the file is made when missing)."""
    path = data_dir / CHANGELOG_NAME
    current = path.read_text(encoding="utf-8") if path.is_file() else PREAMBLE
    head, marker, rest = current.partition("\n## ")
    updated = f"{head.rstrip()}\n\n{text}" + (f"## {rest}" if marker else "")
    path.write_text(updated, encoding="utf-8")
    return path
