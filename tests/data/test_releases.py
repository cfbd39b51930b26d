"""The archive of releases: versions in order, frozen files that cannot change unseen, releases made by command."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.__main__ import main
from app.data.changes import Correction, diff_dirs, diff_rows, read_rows
from app.data.dataset import read_dataset
from app.data.make_release import make_release
from app.data.releases import (
    CHECKSUMS_NAME,
    ReleaseError,
    Version,
    checksum_problems,
    differs_from_release,
    frozen_releases,
)
from app.domain import Release
from app.main import create_app
from app.settings import Settings

from ..clients import LOCAL_URL
from ..tiny_data import REAL_DATA, edit_cell, write_tiny_data

DAY = date(2026, 1, 10)


def test_versions_sort_as_semantic_versioning_says() -> None:
    shuffled = ["2.0.0", "1.10.0", "2.0.0-rc.10", "1.9.0", "2.0.0-rc.2", "2.0.0-alpha", "2.0.0-rc.1", "10.0.0"]
    ordered = sorted(shuffled, key=lambda text: Version.parse(text).key)
    assert ordered == ["1.9.0", "1.10.0", "2.0.0-alpha", "2.0.0-rc.1", "2.0.0-rc.2", "2.0.0-rc.10", "2.0.0", "10.0.0"]


# The last four carry Arabic-Indic or fullwidth digits after an ASCII one, which Python's \d would take.
NOT_VERSIONS = ["v2.0.0", "2.0", "02.0.0", "2.0.0+build.1", "2.0.0-", "latest", "2.0.0/x"]
NOT_VERSIONS += ["1\u0662.0.0", "2.1\uff10.0", "2.0.1\u0661", "2.0.0-rc.\u0661"]


@pytest.mark.parametrize("text", NOT_VERSIONS)
def test_a_version_that_is_not_one_is_refused_with_the_form_it_should_take(text: str) -> None:
    with pytest.raises(ReleaseError, match=re.escape("write MAJOR.MINOR.PATCH")):
        Version.parse(text)


def test_the_bundled_archive_is_intact_and_the_data_is_its_latest_release() -> None:
    releases = frozen_releases(REAL_DATA)
    assert [release.version for release in releases][-1] == Version.parse(releases[-1].version).text
    assert {"2.0.0-rc.1", "2.0.0"} <= {release.version for release in releases}
    for release in releases:
        assert checksum_problems(release) == [], release.version
    assert differs_from_release(REAL_DATA, releases[-1]) == [], "data/ changed: run python -m app release X.Y.Z"


def test_checksums_are_what_sha256sum_checks(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    release = make_release(data, "1.0.0", DAY)
    result = subprocess.run(["sha256sum", "--check", CHECKSUMS_NAME], cwd=release.path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": OK") == 5


def test_the_changelog_counts_are_the_diff_of_the_releases() -> None:
    """Each entry of data/CHANGELOG.md states, for claims and events, what the two frozen releases' files show."""
    changelog = (REAL_DATA / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = frozen_releases(REAL_DATA)
    for older, newer in itertools.pairwise(releases):
        section = changelog.split(f"\n## {newer.version} (", 1)[1].split("\n## ", 1)[0]
        changes = diff_dirs(older.path, newer.path)
        for table, heading in (("estimates", "Estimates"), ("events", "Events")):
            stated = re.search(rf"### {heading}: (\d+) added, (\d+) corrected, (\d+) removed", section)
            assert stated, (newer.version, heading)
            change = changes[table]
            found = (len(change.added), len(change.corrected), len(change.removed))
            assert tuple(int(n) for n in stated.groups()) == found, (newer.version, heading)


def test_an_edited_release_is_named_and_the_server_does_not_start(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    release = make_release(data, "1.0.0", DAY)
    edit_cell(release.path / "estimates.csv", 1, "value_low", "1")
    [problem] = checksum_problems(release)
    assert problem.startswith(f"{release.path / 'estimates.csv'}: changed since release 1.0.0 was frozen")
    with pytest.raises(SystemExit) as stopped:
        create_app(Settings(data_dir=data, cache_dir=None))
    assert "estimates.csv: changed since release 1.0.0" in str(stopped.value.code)


def test_a_release_stamps_the_descriptor_freezes_the_files_and_writes_the_changelog(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    make_release(data, "1.0.0", DAY)
    edit_cell(data / "estimates.csv", 1, "value_low", "35000")
    edit_cell(data / "estimates.csv", 1, "value_high", "35000")
    edit_cell(data / "events.csv", 1, "label", "A new label")
    release = make_release(data, "1.1.0", date(2026, 2, 1))
    assert release.path == data / "releases" / "1.1.0"
    assert differs_from_release(data, release) == []
    assert '"version": "1.1.0"' in (data / "datapackage.json").read_text(encoding="utf-8")
    assert release.last_updated == "2026-02-01"
    changelog = (data / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("## 1.1.0 (2026-02-01)") < changelog.index("## 1.0.0 (2026-01-10)")
    entry = changelog.split("## 1.1.0", 1)[1].split("## 1.0.0", 1)[0]
    assert "### Estimates: 0 added, 1 corrected, 0 removed (since 1.0.0)" in entry
    assert "Corrected: e0001 (value_low, value_high)" in entry
    assert "### Events: 0 added, 1 corrected, 0 removed (since 1.0.0)" in entry


def test_a_release_is_refused_when_it_is_not_newer_or_nothing_changed(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    make_release(data, "1.0.0", DAY)
    with pytest.raises(ReleaseError, match=re.escape("nothing changed since 1.0.0")):
        make_release(data, "1.0.1", DAY)
    edit_cell(data / "estimates.csv", 1, "notes", "A note.")
    for version in ("1.0.0", "0.9.0", "1.0.0-rc.1"):
        with pytest.raises(ReleaseError, match=re.escape("is not newer than the latest release, 1.0.0")):
            make_release(data, version, DAY)
    assert [release.version for release in frozen_releases(data)] == ["1.0.0"]


def test_the_release_command_refuses_invalid_data_and_freezes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_tiny_data(tmp_path / "data")
    edit_cell(data / "estimates.csv", 1, "value_low", "lots")
    assert main(["release", "1.0.0", "--data-dir", str(data), "--date", "2026-01-10"]) == 1
    assert "estimates.csv:2: value_low" in capsys.readouterr().err
    assert frozen_releases(data) == []
    assert '"version": "1.0.0"' not in (data / "datapackage.json").read_text(encoding="utf-8")


def test_the_release_command_says_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_tiny_data(tmp_path / "data")
    assert main(["release", "3.0.0", "--data-dir", str(data), "--date", "2026-01-10"]) == 0
    assert "Release 3.0.0 frozen in" in capsys.readouterr().out
    assert main(["release", "banana", "--data-dir", str(data)]) == 1
    assert "Not released: 'banana' is not a version" in capsys.readouterr().err


def test_a_column_added_empty_corrects_nothing_and_one_filled_in_does() -> None:
    older = {"e1": {"id": "e1", "value": "5"}}
    assert diff_rows(older, {"e1": {"id": "e1", "value": "5", "notes": ""}}).empty
    changed = diff_rows(older, {"e1": {"id": "e1", "value": "5", "notes": "Checked."}, "e2": {"id": "e2"}})
    assert changed.corrected == (Correction("e1", ("notes",)),)
    assert changed.added == ("e2",)
    assert diff_rows(older, {}).removed == ("e1",)


def test_a_release_zip_is_dated_by_its_release_so_it_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    data = write_tiny_data(tmp_path / "data")
    make_release(data, "1.0.0", DAY)
    with TestClient(create_app(Settings(data_dir=data, cache_dir=None)), base_url=LOCAL_URL) as client:
        body = client.get("/data/nk-workers-abroad-1.0.0.zip").content
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 10, 0, 0, 0)}


def test_every_release_in_the_archive_loads_with_todays_code() -> None:
    """A release is served by the code of the day: a change to the loader must still read every release kept."""
    for frozen in frozen_releases(REAL_DATA):
        release = Release.from_dataset(read_dataset(frozen.path))
        assert release.version == frozen.version
        assert len(release.claims) == len(read_rows(frozen.path, "estimates"))


def test_a_release_edited_under_the_running_server_is_refused_not_served(tmp_path: Path) -> None:
    """Archived releases are read on first request: an edit made after start must not reach readers."""
    data = write_tiny_data(tmp_path / "data")
    old = make_release(data, "1.0.0", DAY)
    edit_cell(data / "estimates.csv", 1, "notes", "Checked again.")
    make_release(data, "1.1.0", DAY)
    with TestClient(create_app(Settings(data_dir=data, cache_dir=None)), base_url=LOCAL_URL) as client:
        edit_cell(old.path / "estimates.csv", 1, "value_low", "999999")
        response = client.get("/v/1.0.0/charts/workers-abroad", headers={"Accept": "application/json"})
        assert response.status_code == 503
        assert "Release 1.0.0 cannot be served: its files no longer match the checksums" in response.text
        assert str(old.path) not in response.text
        assert client.get("/charts/workers-abroad").status_code == 200  # the latest is untouched
