"""A data file the validator cannot or must not read: one message, never a traceback, from the CLI and the server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.data.validate import validate_data_dir

from ..tiny_data import ROOT


def run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})}, check=False
    )


def save_as_latin1(tiny: Path) -> Path:
    path = tiny / "sources.csv"
    text = path.read_text(encoding="utf-8").replace("Outlet Two", "Outlet Tw\u00f6")
    path.write_bytes(text.encode("latin-1"))
    return path


def point_resource_at(tiny: Path, resource: str, path: str) -> None:
    descriptor_path = tiny / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for item in descriptor["resources"]:
        if item["name"] == resource:
            item["path"] = path
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")


def test_latin1_file_names_the_byte_line_and_column(tiny: Path) -> None:
    path = save_as_latin1(tiny)
    line_text = path.read_bytes().splitlines()[2]
    column = line_text.index(b"\xf6") + 1
    [problem] = validate_data_dir(tiny)
    assert (problem.file, problem.line, problem.column) == (str(path), 3, f"column {column}")
    assert problem.rule.startswith("not UTF-8: byte 0xF6 (byte ")


@pytest.mark.parametrize(
    ("path", "rule"),
    [
        ("../../../../etc/passwd", "path must stay inside the data directory ('..' is not allowed)"),
        ("/etc/passwd", "path must be a file name relative to the data directory (no absolute path, no backslash)"),
        ("..\\sources.csv", "path must be a file name relative to the data directory (no absolute path, no backslash)"),
    ],
)
def test_descriptor_path_outside_the_data_is_refused(tiny: Path, path: str, rule: str) -> None:
    point_resource_at(tiny, "sources", path)
    assert [str(problem) for problem in validate_data_dir(tiny)] == [
        f"{tiny}/datapackage.json:0: resource 'sources' path: {path!r}: {rule}"
    ]


def test_symlink_out_of_the_data_is_refused(tiny: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text((tiny / "events.csv").read_text(encoding="utf-8"), encoding="utf-8")  # valid, but elsewhere
    (tiny / "events.csv").unlink()
    (tiny / "events.csv").symlink_to(outside)
    assert [str(problem) for problem in validate_data_dir(tiny)] == [
        f"{tiny}/datapackage.json:0: resource 'events' path: 'events.csv': "
        f"path must stay inside the data directory: it resolves to {outside}"
    ]


def test_cli_reports_unreadable_files_without_a_traceback(tiny: Path) -> None:
    save_as_latin1(tiny)
    point_resource_at(tiny, "events", "/etc/passwd")
    result = run([sys.executable, "-m", "app", "validate", str(tiny)])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{tiny}/sources.csv:3: column ")  # in the descriptor's order of resources
    assert lines[1].startswith(f"{tiny}/datapackage.json:0: resource 'events' path: '/etc/passwd': path must be")
    assert lines[2] == f"2 problems found in {tiny}"


def test_server_refuses_to_start_on_a_latin1_file(tiny: Path, tmp_path: Path) -> None:
    save_as_latin1(tiny)
    result = run(
        [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--port", "0"],
        env={"NKW_DATA_DIR": str(tiny), "NKW_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 1
    assert f"{tiny}/sources.csv:3: column " in result.stderr
    assert "not UTF-8: byte 0xF6" in result.stderr
    assert "Traceback" not in result.stderr
