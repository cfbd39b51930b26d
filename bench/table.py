"""The benchmark's Markdown table: one row per measure, one column per data size, its target and whether the
target is met. A row measured at 1x only shows a dash in the other columns."""

from __future__ import annotations

from dataclasses import dataclass

NOT_MEASURED = "—"


@dataclass(frozen=True)
class Row:
    name: str
    values: list[str]
    target: str = ""
    passed: bool | None = None  # None: reported, no target

    @property
    def met(self) -> str:
        if self.passed is None:
            return ""
        return "yes" if self.passed else "**no**"


def at_1x_only(value: str, columns: int) -> list[str]:
    return [value] + [NOT_MEASURED] * (columns - 1)


def render(columns: list[str], rows: list[Row]) -> str:
    lines = [
        "| Measure | " + " | ".join(columns) + " | Target | Met |",
        "|" + "---|" * (len(columns) + 3),
    ]
    for row in rows:
        if len(row.values) != len(columns):
            raise ValueError(f"Row {row.name!r} has {len(row.values)} values for {len(columns)} columns")
        lines.append(f"| {row.name} | " + " | ".join(row.values) + f" | {row.target} | {row.met} |")
    return "\n".join(lines)


def all_met(rows: list[Row]) -> bool:
    return all(row.passed is not False for row in rows)


def kib(value: float) -> str:
    return f"{value / 1024:,.1f} KiB"


def ms(value: float) -> str:
    return f"{value:,.0f} ms"


def ratio(value: float, reference: float) -> str:
    return f"{value / reference:.2f}x"
