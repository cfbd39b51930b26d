"""The benchmark's synthetic datasets pass the real data's validation, or its growth figures mean nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from app.data.validate import validate_data_dir

from ..tiny_data import REAL_DATA


def test_synthetic_copies_of_the_data_are_valid(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_synthetic", REAL_DATA.parent / "bench" / "make_synthetic.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make(3, tmp_path)
    assert [str(problem) for problem in validate_data_dir(tmp_path)] == []
    assert len((tmp_path / "estimates.csv").read_text(encoding="utf-8").splitlines()) > 3 * 300
