"""A resource name in a path with its format: ``revenue.csv`` is the chart 'revenue' as CSV.

A page and its twins share one route, so no other route can shadow them and the
order routers are included in does not matter.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import HTTPException


def split_format(name: str, formats: Sequence[str]) -> tuple[str, str | None]:
    """('revenue', 'csv') for 'revenue.csv', ('revenue', None) for 'revenue'; 400 for a format not offered."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        return name, None
    if extension not in formats:
        quoted = [f"'{item}'" for item in formats]
        choices = " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
        raise HTTPException(400, f"extension: Input should be {choices}")
    return stem, extension
