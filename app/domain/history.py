"""The releases' history: what each release added, corrected and removed, and one claim's story across them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..data.changes import TableChanges

ChangeKind = Literal["added", "corrected", "removed"]


@dataclass(frozen=True)
class ReleaseNote:
    """One release and what changed since the release before it (``previous``; None for the first one kept)."""

    version: str
    published: date | None  # the descriptor's last_updated
    previous: str | None
    claims: TableChanges
    events: TableChanges

    @property
    def changed_claims(self) -> int:
        return len(self.claims.added) + len(self.claims.corrected) + len(self.claims.removed)


@dataclass(frozen=True)
class ClaimChange:
    """What one release did to one claim."""

    version: str
    published: date | None
    kind: ChangeKind
    columns: tuple[str, ...] = ()  # for a correction, the columns that changed


@dataclass(frozen=True)
class ChangeLog:
    notes: tuple[ReleaseNote, ...]  # oldest first

    @property
    def versions(self) -> list[str]:
        return [note.version for note in self.notes]

    @property
    def newest_first(self) -> list[ReleaseNote]:
        return list(reversed(self.notes))

    def note(self, version: str) -> ReleaseNote | None:
        return next((note for note in self.notes if note.version == version), None)

    def after(self, version: str) -> list[ReleaseNote]:
        """The releases made after ``version``, oldest first (all of them for a version the log does not know)."""
        versions = self.versions
        return list(self.notes[versions.index(version) + 1 :]) if version in versions else list(self.notes)

    def history_of(self, claim_id: str) -> list[ClaimChange]:
        """Every release that added, corrected or removed the claim, oldest first."""
        changes = []
        for note in self.notes:
            claims = note.claims
            if claim_id in claims.added:
                changes.append(ClaimChange(note.version, note.published, "added"))
            elif claim_id in claims.removed:
                changes.append(ClaimChange(note.version, note.published, "removed"))
            else:
                correction = next((c for c in claims.corrected if c.id == claim_id), None)
                if correction is not None:
                    changes.append(ClaimChange(note.version, note.published, "corrected", correction.columns))
        return changes

    def releases_with(self, claim_id: str) -> list[str]:
        """The releases that have the claim, oldest first: from the one that added it until one removed it."""
        having, present = [], False
        for note in self.notes:
            if claim_id in note.claims.added:
                present = True
            elif claim_id in note.claims.removed:
                present = False
            if present:
                having.append(note.version)
        return having

    def changes_after(self, claim_id: str, version: str) -> list[ClaimChange]:
        """What the releases after ``version`` did to the claim (nothing for a version the log does not know)."""
        if version not in self.versions:
            return []
        later = {note.version for note in self.after(version)}
        return [change for change in self.history_of(claim_id) if change.version in later]


EMPTY_LOG = ChangeLog(())
