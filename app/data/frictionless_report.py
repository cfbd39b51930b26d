"""Turn a frictionless validation report into ``Problem`` objects with line numbers.

frictionless counts rows by position (the header is row 1); editors need the
physical line, which differs once a quoted cell spans lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frictionless import Package, Report, errors

from .csvfile import line_numbers
from .descriptor import Descriptor
from .problems import FILE_LEVEL_COLUMN, FILE_LEVEL_LINE, Problem

_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_FIRST_ROW = re.compile(r"row at position (\d+)")
EXTRA_CELL = "extra cell: the row has more cells than the header"
_TYPE_RULES = {
    "number": "must be a number",
    "integer": "must be a whole number",
    "date": "must be a date written YYYY-MM-DD",
    "string": "must be text",
}


def validate_with_frictionless(data_dir: Path, descriptor: Descriptor) -> list[Problem]:
    package = Package(descriptor.raw, basepath=str(data_dir))
    report: Report = package.validate()
    problems: list[Problem] = []
    for task in report.tasks:
        name = task.name
        path = data_dir / descriptor.resource(name)["path"]
        lines = line_numbers(path) if path.is_file() else []
        display = _display(data_dir, path)
        for error in task.errors:
            problems.extend(_convert(error, display, lines, descriptor, name))
    return problems


def _display(data_dir: Path, path: Path) -> str:
    return str(data_dir / path.name)


def _line(lines: list[int], row_number: int) -> int:
    if 0 < row_number <= len(lines):
        return lines[row_number - 1]
    return row_number


def _convert(error: Any, file: str, lines: list[int], descriptor: Descriptor, resource: str) -> Iterator[Problem]:
    if isinstance(error, errors.ForeignKeyError):
        # A reference to the same table (estimates.repeats -> estimates.id) names no resource.
        target = descriptor.resource(error.reference_name or resource)["path"]
        for name, cell in zip(error.field_names, error.field_cells, strict=False):
            rule = f"not found in column {'/'.join(error.reference_field_names)} of {target}"
            yield Problem(file, _line(lines, error.row_number), name, cell, rule)
    elif isinstance(error, errors.PrimaryKeyError):
        key = descriptor.resource(resource)["schema"]["primaryKey"]
        fields = [field["name"] for field in descriptor.fields(resource)]
        values = [error.cells[fields.index(name)] if name in fields else "" for name in key]
        first = _FIRST_ROW.search(error.note)
        where = f"; first used on line {_line(lines, int(first.group(1)))}" if first else ""
        yield Problem(
            file, _line(lines, error.row_number), "/".join(key), "/".join(values), f"duplicate {'/'.join(key)}{where}"
        )
    elif isinstance(error, errors.LabelError):
        yield Problem(file, 1, f"column {error.field_number}", error.label, _label_rule(error))
    elif isinstance(error, errors.BlankRowError):
        yield Problem(file, _line(lines, error.row_number), FILE_LEVEL_COLUMN, "", "blank row")
    elif isinstance(error, errors.ExtraCellError):
        yield Problem(
            file,
            _line(lines, error.row_number),
            f"column {error.field_number}",
            error.cell,
            "extra cell: the row has more cells than the header",
        )
    elif isinstance(error, errors.CellError):
        schema_field = descriptor.field(resource, error.field_name)
        rule = _cell_rule(error, schema_field)
        yield Problem(file, _line(lines, error.row_number), error.field_name, error.cell, rule)
    elif isinstance(error, errors.RowError):
        yield Problem(file, _line(lines, error.row_number), FILE_LEVEL_COLUMN, "", error.note)
    else:
        yield Problem(file, FILE_LEVEL_LINE, FILE_LEVEL_COLUMN, "", error.note or error.message)


def _label_rule(error: errors.LabelError) -> str:
    if isinstance(error, errors.ExtraLabelError):
        return "column not in the schema"
    if isinstance(error, errors.MissingLabelError):
        return f"column '{error.field_name}' is missing"
    return f"header must be '{error.field_name}'"


def _cell_rule(error: errors.CellError, field: dict[str, Any]) -> str:
    if isinstance(error, errors.MissingCellError):
        return "missing cell: the row has fewer cells than the header"
    if isinstance(error, errors.TypeError):
        return _TYPE_RULES.get(field["type"], f"must be of type {field['type']}")
    if isinstance(error, errors.UniqueError):
        return "must be unique"
    if isinstance(error, errors.ConstraintError):
        match = _CONSTRAINT.search(error.note)
        name = match.group(1) if match else ""
        constraints = field.get("constraints", {})
        if name == "required":
            return "required"
        if name == "enum":
            return "must be one of: " + ", ".join(constraints["enum"])
        if name == "pattern":
            return f"must match the pattern {constraints['pattern']}"
        if name == "minimum":
            return f"must be at least {constraints['minimum']}"
        if name == "maxLength":
            return f"must be at most {constraints['maxLength']} characters"
    return str(error.note)
