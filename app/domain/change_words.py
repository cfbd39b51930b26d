"""How the releases' changes read: each release's counts in a sentence, changed columns in the data dictionary's
words, and one claim's story across releases, for the changelog page, its twins, its feed and the claim pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..data.changes import TableChanges
from ..data.descriptor import Descriptor
from .history import ChangeKind, ChangeLog, ClaimChange, ReleaseNote

ColumnWords = dict[str, str]  # column name -> how the changelog names it


def column_words(descriptor: Descriptor, table: str) -> ColumnWords:
    """Each column's title from the descriptor, lower-cased to sit inside a sentence ('Low value' -> 'low value')."""
    titles = {str(field["name"]): str(field.get("title", "")) for field in descriptor.fields(table)}
    return {name: title[:1].lower() + title[1:] for name, title in titles.items() if title}


def name_columns(columns: Iterable[str], words: ColumnWords) -> str:
    """'low value, notes'; a column without a title reads as its name with spaces ('period_end' -> 'period end')."""
    return ", ".join(words.get(column) or column.replace("_", " ") for column in columns)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def counts(changes: TableChanges, noun: str, previous: str | None) -> str:
    """'272 claims added, 11 corrected, 0 removed since 2.0.0-rc.1'; for the first release kept, its whole set."""
    if previous is None:
        return f"{plural(len(changes.added), noun)}, the starting set"
    added, corrected, removed = len(changes.added), len(changes.corrected), len(changes.removed)
    return f"{plural(added, noun)} added, {corrected} corrected, {removed} removed since {previous}"


@dataclass(frozen=True)
class CorrectedRow:
    id: str
    columns: str  # the changed columns, in words
    names: tuple[str, ...]  # and as the files name them


@dataclass(frozen=True)
class ReleaseEntry:
    """One release as the changelog tells it."""

    note: ReleaseNote
    claims: str  # the claims' counts, in a sentence
    events: str
    corrected_claims: tuple[CorrectedRow, ...]
    corrected_events: tuple[CorrectedRow, ...]

    @property
    def version(self) -> str:
        return self.note.version

    @property
    def first(self) -> bool:
        """The first release kept in the archive: everything in it counts as added."""
        return self.note.previous is None

    @property
    def title(self) -> str:
        if self.first:
            return f"Release {self.version}: the first release kept in the archive, {self.claims}"
        return f"Release {self.version}: {self.claims}"


def corrected(changes: TableChanges, words: ColumnWords) -> tuple[CorrectedRow, ...]:
    return tuple(CorrectedRow(c.id, name_columns(c.columns, words), c.columns) for c in changes.corrected)


def release_entries(log: ChangeLog, claim_words: ColumnWords, event_words: ColumnWords) -> list[ReleaseEntry]:
    """Every release, newest first."""
    return [
        ReleaseEntry(
            note=note,
            claims=counts(note.claims, "claim", note.previous),
            events=counts(note.events, "event", note.previous),
            corrected_claims=corrected(note.claims, claim_words),
            corrected_events=corrected(note.events, event_words),
        )
        for note in log.newest_first
    ]


@dataclass(frozen=True)
class HistoryStep:
    """What one release did to one claim, and which release's copy of the claim to link to."""

    kind: ChangeKind
    version: str
    published: date | None
    columns: str  # for a correction, the changed columns in words
    first_kept: bool  # added by the first release kept: it may well be older than the archive
    copy_in: str  # the release whose copy to link: this one, or for a removal the last one that had it


def claim_history(log: ChangeLog, claim_id: str, words: ColumnWords) -> list[HistoryStep]:
    """The claim's story across the releases kept, oldest first."""
    first = log.notes[0].version if log.notes else None
    steps = []
    for change in log.history_of(claim_id):
        note = log.note(change.version)
        copy_in = (note.previous if note else None) or change.version
        steps.append(
            HistoryStep(
                kind=change.kind,
                version=change.version,
                published=change.published,
                columns=name_columns(change.columns, words),
                first_kept=change.kind == "added" and change.version == first,
                copy_in=copy_in if change.kind == "removed" else change.version,
            )
        )
    return steps


@dataclass(frozen=True)
class ClaimUpdate:
    """On a claim pinned to an older release: what later releases did to it."""

    text: str  # 'This claim was corrected in 2.1.0 (low value)'
    still_there: bool  # the latest release has it, so the notice links to it


def claim_update(log: ChangeLog, claim_id: str, version: str, words: ColumnWords) -> ClaimUpdate | None:
    """None when no release after ``version`` corrected or removed the claim."""
    later = [change for change in log.changes_after(claim_id, version) if change.kind != "added"]
    if not later:
        return None
    return ClaimUpdate(
        text="This claim was " + ", then ".join(_change_words(change, words) for change in later),
        still_there=later[-1].kind != "removed",
    )


def _change_words(change: ClaimChange, words: ColumnWords) -> str:
    columns = f" ({name_columns(change.columns, words)})" if change.columns else ""
    return f"{change.kind} in {change.version}{columns}"


def missing_claim(log: ChangeLog, claim_id: str, version: str) -> tuple[str, list[str]]:
    """Why a release has no such claim, and the releases that do have it (none for an id never released)."""
    having = log.releases_with(claim_id)
    if not having:
        return f"No estimate '{claim_id[:40]}'. Estimate ids look like e0001.", []
    releases = f"release{'s' if len(having) > 1 else ''} {', '.join(having)}"
    return f"Release {version} has no estimate '{claim_id}'. It is in {releases}.", having
