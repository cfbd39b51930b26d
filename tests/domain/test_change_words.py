"""How the releases' changes read (``app/domain/change_words.py``) and one claim's story (``ChangeLog``)."""

from __future__ import annotations

from datetime import date

from app.data.changes import Correction, TableChanges
from app.domain.change_words import claim_history, claim_update, counts, missing_claim, name_columns
from app.domain.history import ChangeLog, ReleaseNote

NONE = TableChanges((), (), ())
WORDS = {"value_low": "low value", "notes": "notes"}


def note(version: str, previous: str | None, claims: TableChanges) -> ReleaseNote:
    return ReleaseNote(version, date(2026, 1, int(version[2]) + 1), previous, claims, NONE)


# e0001 is in every release, corrected in 1.1 and 1.3; e0002 is removed in 1.2; e0003 arrives in 1.1.
LOG = ChangeLog(
    (
        note("1.0.0", None, TableChanges(("e0001", "e0002"), (), ())),
        note("1.1.0", "1.0.0", TableChanges(("e0003",), (Correction("e0001", ("value_low",)),), ())),
        note("1.2.0", "1.1.0", TableChanges((), (), ("e0002",))),
        note("1.3.0", "1.2.0", TableChanges((), (Correction("e0001", ("notes", "period_end")),), ())),
    )
)


def test_columns_read_as_the_dictionary_names_them_else_as_their_names_with_spaces() -> None:
    assert name_columns(("value_low", "period_end"), WORDS) == "low value, period end"


def test_counts_say_what_changed_since_the_release_before() -> None:
    assert counts(TableChanges(("e1",), (), ("e2", "e3")), "claim", "1.0.0") == (
        "1 claim added, 0 corrected, 2 removed since 1.0.0"
    )
    assert counts(TableChanges(("e1", "e2"), (), ()), "claim", None) == "2 claims, the starting set"


def test_the_releases_that_have_a_claim_run_from_its_addition_to_its_removal() -> None:
    assert LOG.releases_with("e0001") == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
    assert LOG.releases_with("e0002") == ["1.0.0", "1.1.0"]
    assert LOG.releases_with("e0003") == ["1.1.0", "1.2.0", "1.3.0"]
    assert LOG.releases_with("e9999") == []


def test_changes_after_a_release_leave_out_that_release_and_the_ones_before() -> None:
    assert [c.version for c in LOG.changes_after("e0001", "1.1.0")] == ["1.3.0"]
    assert LOG.changes_after("e0001", "1.3.0") == []
    assert LOG.changes_after("e0001", "9.9.9") == []  # a version the archive does not know: no claim of news


def test_the_newer_data_notice_names_every_later_correction_and_removal() -> None:
    every = claim_update(LOG, "e0001", "1.0.0", WORDS)
    assert every is not None
    assert every.text == "This claim was corrected in 1.1.0 (low value), then corrected in 1.3.0 (notes, period end)"
    assert every.still_there
    removed = claim_update(LOG, "e0002", "1.1.0", WORDS)
    assert removed is not None
    assert (removed.text, removed.still_there) == ("This claim was removed in 1.2.0", False)
    assert claim_update(LOG, "e0001", "1.3.0", WORDS) is None
    assert claim_update(LOG, "e0003", "1.2.0", WORDS) is None


def test_a_claims_history_links_each_step_to_a_copy_that_exists() -> None:
    steps = claim_history(LOG, "e0002", WORDS)
    assert [(s.kind, s.version, s.first_kept, s.copy_in) for s in steps] == [
        ("added", "1.0.0", True, "1.0.0"),
        ("removed", "1.2.0", False, "1.1.0"),
    ]
    added = claim_history(LOG, "e0003", WORDS)[0]
    assert (added.first_kept, added.published) == (False, date(2026, 1, 2))
    assert claim_history(LOG, "e0001", WORDS)[1].columns == "low value"


def test_a_missing_claim_names_the_releases_that_have_it() -> None:
    assert missing_claim(LOG, "e0002", "1.3.0") == (
        "Release 1.3.0 has no estimate 'e0002'. It is in releases 1.0.0, 1.1.0.",
        ["1.0.0", "1.1.0"],
    )
    assert missing_claim(LOG, "e9999", "1.3.0") == ("No estimate 'e9999'. Estimate ids look like e0001.", [])
