"""Checks on each data file before any of its cells is read: where it is, and that it is UTF-8 text.

A descriptor is data too: a ``path`` such as ``../../etc/passwd``, an absolute path or a symlink out of
the data directory would have the server read (and serve, as a download) a file that is not the dataset.
A file in another encoding would stop every later reader with a traceback; one problem that names the
first byte that is not UTF-8 says what to fix.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .descriptor import DESCRIPTOR_NAME, Descriptor
from .problems import FILE_LEVEL_LINE, Problem


def check_files(data_dir: Path, descriptor: Descriptor) -> list[Problem]:
    """Problems that stop a file from being read at all; every other check needs this list empty."""
    problems: list[Problem] = []
    for name in descriptor.resource_names():
        raw_path = str(descriptor.resource(name).get("path", ""))
        where_wrong = _path_problem(data_dir, raw_path)
        if where_wrong:
            # The descriptor is what names the file: the problem is there, not in the file it names.
            column = f"resource '{name}' path"
            problems.append(Problem(str(data_dir / DESCRIPTOR_NAME), FILE_LEVEL_LINE, column, raw_path, where_wrong))
            continue
        path = data_dir / raw_path
        if path.is_file():
            problems.extend(_encoding_problems(path, str(path)))
    return problems


def _path_problem(data_dir: Path, raw_path: str) -> str:
    """Why the descriptor's ``path`` of a resource may not be read, or '' when it may."""
    pure = PurePosixPath(raw_path)
    if not raw_path or pure.is_absolute() or Path(raw_path).is_absolute() or "\\" in raw_path:
        return "path must be a file name relative to the data directory (no absolute path, no backslash)"
    if ".." in pure.parts:
        return "path must stay inside the data directory ('..' is not allowed)"
    if not (data_dir / raw_path).resolve().is_relative_to(data_dir.resolve()):
        return f"path must stay inside the data directory: it resolves to {(data_dir / raw_path).resolve()}"
    return ""


def _encoding_problems(path: Path, display: str) -> list[Problem]:
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start : error.start + 1].hex().upper()
        rule = (
            f"not UTF-8: byte 0x{byte} (byte {error.start} of the file) cannot be read; "
            "save the file as UTF-8 (a Latin-1 or Windows-1252 export is the usual cause)"
        )
        return [Problem(display, line, f"column {column}", "", rule)]
    return []
