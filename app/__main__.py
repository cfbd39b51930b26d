"""Command line: ``python -m app validate [DATA_DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import validate_data_dir
from .data.dataset import read_dataset
from .settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check the data files and report every problem")
    validate.add_argument("data_dir", nargs="?", type=Path, default=Settings().data_dir)
    args = parser.parse_args(argv)
    return run_validate(args.data_dir)


def run_validate(data_dir: Path) -> int:
    problems = validate_data_dir(data_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found in {data_dir}", file=sys.stderr)
        return 1
    counts = read_dataset(data_dir).row_counts()
    summary = ", ".join(f"{name} {count} rows" for name, count in counts.items())
    print(f"{data_dir}: valid ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
