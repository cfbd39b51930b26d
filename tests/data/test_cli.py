"""``python -m app validate`` and a server that refuses invalid data, run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..tiny_data import REAL_DATA, ROOT, edit_cell


def run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})}, check=False
    )


def test_validate_reports_row_counts() -> None:
    result = run([sys.executable, "-m", "app", "validate", "data"])
    assert result.returncode == 0, result.stderr
    lines = len((REAL_DATA / "estimates.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert result.stdout.startswith(f"data: valid (estimates {lines} rows, sources ")
    assert result.stdout.count("\n") == 1


def test_validate_lists_every_problem_and_exits_1(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 1, "value_low", "abc")
    edit_cell(tiny / "events.csv", 1, "country", "ZZZ")
    result = run([sys.executable, "-m", "app", "validate", str(tiny)])
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{tiny}/estimates.csv:2: value_low: 'abc': must be a number",
        f"{tiny}/events.csv:2: country: 'ZZZ': not found in column iso3 of countries.csv",
        f"2 problems found in {tiny}",
    ]


def test_server_refuses_to_start_on_invalid_data(tiny: Path) -> None:
    edit_cell(tiny / "estimates.csv", 2, "source_id", "missing")
    result = run(
        [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--port", "0"],
        env={"NKW_DATA_DIR": str(tiny)},
    )
    assert result.returncode == 1
    assert f"{tiny}/estimates.csv:3: source_id: 'missing': not found in column id of sources.csv" in result.stderr
    assert "1 problem found; the data was not loaded." in result.stderr
    assert "Traceback" not in result.stderr


def test_plotly_version_names_the_bundle_the_package_ships() -> None:
    result = run([sys.executable, "-m", "app", "plotly-version"])
    assert result.returncode == 0
    version = result.stdout.strip()
    assert version.count(".") == 2
    bundle_head = (ROOT / "static" / "vendor" / f"plotly-basic-{version}.min.js").read_text(encoding="utf-8")[:80]
    assert f"v{version}" in bundle_head  # `make` fetched the basic bundle of that very version
