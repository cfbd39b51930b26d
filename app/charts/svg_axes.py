"""Axes for the server-drawn SVG: nice value ticks on linear and log scales, and time ticks by year.

Plotly picks its own ticks in the browser; these follow the same rules of thumb (steps of 1, 2 or 5
times a power of ten from zero; a tick at each power of ten on a log scale; years on the time axis)
so that the chart a reader sees before the swap reads like the one after it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from .query import Scale

NICE_STEPS = (1.0, 2.0, 5.0, 10.0)  # Plotly's own steps


@dataclass(frozen=True)
class ValueAxis:
    """Maps a value to a fraction of the plot's height (0 at the bottom), with the ticks to draw."""

    low: float
    high: float
    scale: Scale
    ticks: tuple[float, ...]

    def fraction(self, value: float) -> float:
        if self.scale == "log":
            value = math.log10(value)
        span = self.high - self.low
        return (value - self.low) / span if span else 0.5


def nice_step(span: float, most: int) -> float:
    """The smallest step of 1, 2 or 5 times a power of ten that covers ``span`` in at most ``most`` steps."""
    if span <= 0:
        return 1.0
    rough = span / max(1, most)
    power: float = 10.0 ** math.floor(math.log10(rough))
    return next(step * power for step in NICE_STEPS if step * power >= rough * (1 - 1e-9))


def value_axis(values: list[float], scale: Scale, most_ticks: int = 5) -> ValueAxis:
    """From zero (linear) or the power of ten below the smallest figure (log) to a tick just above the largest."""
    if scale == "log":
        positive = [value for value in values if value > 0] or [1.0]
        low = math.floor(math.log10(min(positive)))
        high = max(low + 1, math.ceil(math.log10(max(positive))))
        return ValueAxis(low, high, scale, tuple(10.0**power for power in range(low, high + 1)))
    top = max([0.0, *values])
    step = nice_step(top or 1.0, most_ticks)
    count = max(1, math.ceil(top / step - 1e-9))
    return ValueAxis(0.0, count * step, scale, tuple(step * index for index in range(count + 1)))


def value_label(value: float) -> str:
    """A tick's words: thousands separated, no trailing '.0'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def year_ticks(first: date, last: date, most: int) -> list[date]:
    """The first of January of every year (or every 2nd, 5th, 10th) inside the range, at most ``most`` of them."""
    years = list(range(first.year + (first > date(first.year, 1, 1)), last.year + 1))
    for step in (1, 2, 5, 10, 20, 50):
        chosen = [year for year in years if year % step == 0]
        if len(chosen) <= max(1, most):
            return [date(year, 1, 1) for year in chosen]
    return [date(years[0], 1, 1)] if years else []


def day_fraction(day: date, first: date, last: date) -> float:
    """Where a day sits across the time axis, from 0 (left) to 1 (right)."""
    span = (last - first).days
    return (day - first).days / span if span else 0.5
