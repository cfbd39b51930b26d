"""One problem found in the data files, reported as ``file:line: column: value: rule``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Problems that concern a whole file (missing, unreadable) have no line or column.
FILE_LEVEL_LINE = 0
FILE_LEVEL_COLUMN = "(file)"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.value!r}: {self.rule}"


class DataValidationError(Exception):
    """The data directory does not validate; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(problem) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; the data was not loaded.")
        return "\n".join(lines)
