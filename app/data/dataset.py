"""The loaded dataset: one pandas DataFrame per resource, typed from the descriptor."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .descriptor import Category, Descriptor
from .problems import DataValidationError
from .stamp import is_stamped, write_stamp


@dataclass(frozen=True)
class Dataset:
    descriptor: Descriptor
    tables: dict[str, pd.DataFrame]

    @property
    def version(self) -> str:
        return self.descriptor.version

    @property
    def estimates(self) -> pd.DataFrame:
        return self.tables["estimates"]

    @property
    def sources(self) -> pd.DataFrame:
        return self.tables["sources"]

    @property
    def events(self) -> pd.DataFrame:
        return self.tables["events"]

    @property
    def countries(self) -> pd.DataFrame:
        return self.tables["countries"]

    def row_counts(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.tables.items()}

    def indicators(self) -> list[Category]:
        return self.descriptor.categories("estimates", "indicator")


def load_dataset(data_dir: Path, cache_dir: Path | None = None) -> Dataset:
    """Validate ``data_dir`` and load it; raises ``DataValidationError`` listing every problem.

    With a ``cache_dir``, a data directory that validated before, unchanged, is not validated again.
    """
    if not is_stamped(cache_dir, data_dir):
        from .validate import validate_data_dir  # frictionless is imported only when it is needed

        problems = validate_data_dir(data_dir)
        if problems:
            raise DataValidationError(problems)
        write_stamp(cache_dir, data_dir)
    return read_dataset(data_dir)


def read_dataset(data_dir: Path) -> Dataset:
    """Load ``data_dir`` without validating it: only for data that has just been validated."""
    descriptor = Descriptor.read(data_dir)
    tables = {name: read_table(data_dir, descriptor, name) for name in descriptor.resource_names()}
    return Dataset(descriptor=descriptor, tables=tables)


def read_table(data_dir: Path, descriptor: Descriptor, name: str) -> pd.DataFrame:
    """Read one CSV with every cell as text, then type the columns the schema types.

    ``keep_default_na=False`` keeps text such as 'NA' or 'None' as written:
    only the schema decides what is missing.
    """
    path = data_dir / descriptor.resource(name)["path"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for field in descriptor.fields(name):
        column = str(field["name"])
        if field["type"] in ("number", "integer"):
            frame[column] = pd.to_numeric(frame[column])
        elif field["type"] == "date":
            frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    return frame


def as_dicts(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts keyed by column name (its columns are all strings).

    Built from whole columns: many times faster than ``DataFrame.to_dict("records")``,
    which boxes every cell on its own. Dates come out as ``pd.Timestamp`` (or ``NaT``).
    """
    names = [str(name) for name in frame.columns]
    columns = [frame[name].tolist() for name in frame.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
