"""Validate a data directory: the descriptor's schemas and keys, then the extra rules."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from .cross_rules import check_cross_rules
from .csvfile import read_cells, read_rows
from .descriptor import DESCRIPTOR_NAME, Descriptor
from .file_checks import check_files
from .frictionless_report import validate_with_frictionless
from .problems import FILE_LEVEL_COLUMN, FILE_LEVEL_LINE, Problem
from .rules import check_rules
from .schema_gate import passes_schema
from .text_rules import check_text


def validate_data_dir(data_dir: Path) -> list[Problem]:
    """Every problem in ``data_dir``, in file order then line order; empty when valid."""
    descriptor_path = data_dir / DESCRIPTOR_NAME
    try:
        descriptor = Descriptor.read(data_dir)
    except FileNotFoundError:
        return [Problem(str(descriptor_path), FILE_LEVEL_LINE, FILE_LEVEL_COLUMN, "", "file not found")]
    except json.JSONDecodeError as exc:
        return [Problem(str(descriptor_path), exc.lineno, FILE_LEVEL_COLUMN, "", f"invalid JSON: {exc.msg}")]
    except UnicodeDecodeError as exc:
        rule = f"not UTF-8: byte {exc.start} of the file cannot be read; save the descriptor as UTF-8"
        return [Problem(str(descriptor_path), FILE_LEVEL_LINE, FILE_LEVEL_COLUMN, "", rule)]
    unreadable = check_files(data_dir, descriptor)
    if unreadable:
        return unreadable  # every later check would read a file outside the data or fail to decode it
    # Each file is parsed once in each form: columns for the gate and the text rules, then rows for the rules.
    # The columns are let go before the rows are read: at 50 MB, holding both costs about 150 MB more at peak.
    read = functools.cache(read_cells)
    problems = [] if passes_schema(data_dir, descriptor, read) else validate_with_frictionless(data_dir, descriptor)
    problems += check_text(data_dir, descriptor, read)
    read.cache_clear()
    rows = functools.cache(read_rows)
    problems += check_rules(data_dir, rows) + check_cross_rules(data_dir, rows)
    order = {str(data_dir / descriptor.resource(name)["path"]): i for i, name in enumerate(descriptor.resource_names())}
    return sorted(problems, key=lambda p: (order.get(p.file, len(order)), p.line))
