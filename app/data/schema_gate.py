"""A fast proof that the tables meet their Table Schema, on whole pandas columns, so frictionless runs only if not.

frictionless checks a table row by row in Python: at 50 MB of data that was 12 of the 17 seconds of a
validation. Valid data, the case at every start and release, needs no row-by-row report, only the proof.
This gate checks what the descriptor asks for (header, cell counts, types, required, enum, pattern,
minimum, maxLength, unique, primary and foreign keys) and is stricter than frictionless wherever the two
could differ (a number must be plain ASCII digits, an address plain RFC 3986 characters, any schema
keyword it does not know fails it). When it does not pass, frictionless runs as before and its report,
with exact lines and rules, is what the reader sees: the gate never writes a problem of its own.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from frictionless import Package

from .descriptor import Descriptor

Frame = pd.DataFrame
KNOWN_FIELD_KEYS = frozenset({"name", "type", "format", "constraints", "title", "description", "categories"})
KNOWN_CONSTRAINTS = frozenset({"required", "enum", "pattern", "minimum", "maxLength", "unique"})
KNOWN_SCHEMA_KEYS = frozenset({"fields", "primaryKey", "foreignKeys"})
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
PLAIN_INTEGER = re.compile(r"-?[0-9]+")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Every character RFC 3986 allows in a URI, and nothing else: frictionless's 'uri' format is no stricter.
PLAIN_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+")


def passes_schema(data_dir: Path, descriptor: Descriptor, read: Callable[[Path], Frame | None]) -> bool:
    """True only if frictionless would find no problem; ``read`` gives a file's cells as text (None: unreadable)."""
    if not Package.validate_descriptor(descriptor.raw).valid:
        return False
    frames: dict[str, Frame] = {}
    for name in descriptor.resource_names():
        path = data_dir / str(descriptor.resource(name)["path"])
        frame = read(path) if path.is_file() and not _starts_with_bom(path) else None
        if frame is None or not _table_passes(frame, descriptor.resource(name)["schema"]):
            return False
        frames[name] = frame
    return all(
        _keys_pass(frames[name], frames, descriptor.resource(name)["schema"], name)
        for name in descriptor.resource_names()
    )


def _starts_with_bom(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(3) == codecs.BOM_UTF8  # how frictionless reads the header then is its own affair


def _table_passes(frame: Frame, schema: dict[str, Any]) -> bool:
    fields = schema["fields"]
    if set(schema) - KNOWN_SCHEMA_KEYS or [str(c) for c in frame.columns] != [f["name"] for f in fields]:
        return False
    if not frame.attrs.get("well_formed") or bool((frame == "").all(axis=1).any()):
        return False  # a row of the wrong length, or a blank one
    key = schema.get("primaryKey", [])
    if any((frame[column] == "").any() for column in ([key] if isinstance(key, str) else key)):
        return False
    return all(_column_passes(frame[field["name"]], field) for field in fields)


def _column_passes(cells: pd.Series, field: dict[str, Any]) -> bool:
    constraints = field.get("constraints", {})
    if set(field) - KNOWN_FIELD_KEYS or set(constraints) - KNOWN_CONSTRAINTS:
        return False
    given = cells[cells != ""]
    if constraints.get("required") and len(given) != len(cells):
        return False
    if not _type_passes(given, field.get("type", "string"), field.get("format", "default")):
        return False
    if "enum" in constraints and not given.isin([str(value) for value in constraints["enum"]]).all():
        return False
    if "pattern" in constraints and not given.str.fullmatch(constraints["pattern"]).all():
        return False
    if "maxLength" in constraints and (given.str.len() > constraints["maxLength"]).any():
        return False
    if "minimum" in constraints and (
        field.get("type") not in ("number", "integer") or (pd.to_numeric(given) < constraints["minimum"]).any()
    ):
        return False
    return not (constraints.get("unique") and given.duplicated().any())


def _type_passes(given: pd.Series, kind: str, fmt: str) -> bool:
    if kind == "string":
        return fmt == "default" or (fmt == "uri" and bool(given.str.fullmatch(PLAIN_URI).all()))
    if fmt != "default":
        return False
    if kind in ("number", "integer"):
        return bool(given.str.fullmatch(PLAIN_NUMBER if kind == "number" else PLAIN_INTEGER).all())
    if kind == "date":
        days = pd.to_datetime(given, format="%Y-%m-%d", errors="coerce")
        return bool(given.str.fullmatch(ISO_DATE).all() and days.notna().all())
    return False


def _keys_pass(frame: Frame, frames: dict[str, Frame], schema: dict[str, Any], name: str) -> bool:
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else list(key)
    if key and frame.duplicated(subset=key).any():
        return False
    for foreign in schema.get("foreignKeys", []):
        fields, reference = list(foreign["fields"]), foreign["reference"]
        target = frames.get(reference.get("resource") or name)
        if target is None or len(fields) != 1 or len(reference["fields"]) != 1:
            return False  # composite keys are frictionless's to check
        values = frame[fields[0]]
        if not values[values != ""].isin(target[reference["fields"][0]]).all():
            return False
    return True
