"""The last good copy of the data (``app/reload.py``): only files that validated are kept."""

from __future__ import annotations

from pathlib import Path

from app.data.stamp import fingerprint
from app.reload import keep_last_good, last_good_dir

from ..tiny_data import edit_cell, write_tiny_data


def test_the_files_that_validated_are_kept_beside_the_cache(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    keep_last_good(data, tmp_path / "cache", fingerprint(data))
    kept = last_good_dir(tmp_path / "cache", data)
    assert kept is not None
    assert (kept / "estimates.csv").read_bytes() == (data / "estimates.csv").read_bytes()
    assert fingerprint(kept) == fingerprint(data)
    assert sorted(path.name for path in kept.parent.iterdir()) == [kept.name]  # nothing left half-written


def test_an_edit_saved_after_validation_is_not_kept(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    validated = fingerprint(data)
    edit_cell(data / "estimates.csv", 1, "value_low", "abc")  # saved while the server was validating
    keep_last_good(data, tmp_path / "cache", validated)
    kept = last_good_dir(tmp_path / "cache", data)
    assert kept is not None
    assert not kept.exists()
    assert list((tmp_path / "cache" / "last-good").iterdir()) == []  # and no half copy beside it


def test_two_data_directories_keep_two_copies(tmp_path: Path) -> None:
    one, two = write_tiny_data(tmp_path / "one" / "data"), write_tiny_data(tmp_path / "two" / "data")
    assert last_good_dir(tmp_path / "cache", one) != last_good_dir(tmp_path / "cache", two)
    assert last_good_dir(None, one) is None  # no cache directory, no copy
