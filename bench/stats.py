"""Median, minimum and maximum of a series: the form every figure is reported in."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values), len(values))

    def show(self, digits: int = 2, scale: float = 1.0) -> str:
        f = f"{{:.{digits}f}}"
        return f"{f.format(self.median * scale)} ({f.format(self.low * scale)}–{f.format(self.high * scale)})"
