"""Write a synthetic copy of the dataset with N times the estimates and sources, for the growth benchmark.

    python bench/make_synthetic.py 10 /tmp/nkw-data-10x

Each copy of a source is moved by a whole number of years (so dates stay on the boundaries
of their precision), and each copy of an estimate gets a new id, that copy of its source, its
period moved by the same years (so no claim describes a time after its source appeared) and
its values scaled, so that charts and tables grow the way a larger real dataset would. Copies
carry no citation chain (`repeats`): an original's copy may have moved to a later year.
Events and countries are kept as they are. The output is never committed.
"""

from __future__ import annotations

import calendar
import csv
import random
import shutil
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shift_years(text: str, years: int) -> str:
    """The same day ``years`` later; a month's last day stays its month's last day (28 or 29 February)."""
    if not text:
        return text
    day = date.fromisoformat(text)
    year = day.year + years
    last = calendar.monthrange(day.year, day.month)[1]
    if day.day == last:
        return day.replace(year=year, day=calendar.monthrange(year, day.month)[1]).isoformat()
    return day.replace(year=year).isoformat()


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def make(factor: int, out: Path, source: Path = ROOT / "data", seed: int = 2397) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("datapackage.json", "events.csv", "countries.csv"):
        shutil.copy(source / name, out / name)
    source_header, sources = read(source / "sources.csv")
    estimate_header, estimates = read(source / "estimates.csv")
    new_sources = list(sources)
    new_estimates = list(estimates)
    next_id = len(estimates) + 1
    for copy in range(1, factor):
        shifts: dict[str, int] = {}
        for row in sources:
            shifts[row["id"]] = years = rng.randint(-3, 3)
            new_sources.append(row | {"id": f"{row['id']}-c{copy}", "published": shift_years(row["published"], years)})
        for row in estimates:
            years = shifts[row["source_id"]]
            scale = rng.uniform(0.5, 1.5)
            low, high = float(row["value_low"]), float(row["value_high"])
            new_low = round(low * scale)
            new_high = new_low if low == high else max(round(high * scale), new_low + 1)
            new_estimates.append(
                row
                | {
                    "id": f"e{next_id:04d}",
                    "source_id": f"{row['source_id']}-c{copy}",
                    "value_low": str(new_low),
                    "value_high": str(new_high),
                    "period_start": shift_years(row["period_start"], years),
                    "period_end": shift_years(row["period_end"], years),
                    "repeats": "",
                }
            )
            next_id += 1
    write(out / "sources.csv", source_header, new_sources)
    write(out / "estimates.csv", estimate_header, new_estimates)


if __name__ == "__main__":
    make(int(sys.argv[1]), Path(sys.argv[2]))
