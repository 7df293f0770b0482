"""Figures 1 to 4: the explorer's start-up against a floor, measured in interleaved pairs.

Each pair runs the floor and the explorer back to back, in alternating order, so that load from
other processes on the machine falls on both alike; the figure is the ratio within each pair. With
another checkout (`--against`), its explorer takes the floor's place: the same commands, this
checkout's against that one's, for a before/after on one machine at one time.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomli, a dependency there
    import tomli as tomllib

from bench.processes import Run, run, time_to_text
from bench.stats import Spread

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EXPLORER = str(BIN / "treatment-explorer")
PYTHON = sys.executable
# The floors: what each path cannot do without. The first question needs the
# prompt library; a scripted run needs the rule engine and pydantic validating one small model.
QUESTIONARY_FLOOR = [PYTHON, "-c", "import questionary"]
SCRIPTED_FLOOR = [
    PYTHON,
    "-c",
    "import durable.lang\n"
    "from pydantic import BaseModel\n"
    "class Floor(BaseModel):\n"
    "    name: str\n"
    "Floor.model_validate({'name': 'floor'})",
]
BARE_FLOOR = [PYTHON, "-c", "pass"]
# What `compare` cannot do without: pydantic validating a small model (it draws a table of them).
PYDANTIC_FLOOR = [
    PYTHON,
    "-c",
    "from pydantic import BaseModel\nclass Floor(BaseModel):\n    name: str\nFloor.model_validate({'name': 'floor'})",
]
ANSWERS = {"setting": "doctor_office", "dosing": "monthly", "detox": "in_progress", "interests": ["overdose"]}


@dataclass(frozen=True)
class Pairs:
    """Explorer and floor, run by run: times in seconds, peak memory in KiB."""

    explorer: list[Run]
    floor: list[Run]

    def seconds(self) -> tuple[Spread, Spread, Spread]:
        mine = [r.seconds for r in self.explorer]
        base = [r.seconds for r in self.floor]
        return Spread.of(mine), Spread.of(base), Spread.of([m / b for m, b in zip(mine, base, strict=True)])

    def memory(self) -> tuple[Spread, Spread, Spread]:
        mine = [r.peak_kib / 1024 for r in self.explorer]
        base = [r.peak_kib / 1024 for r in self.floor]
        return Spread.of(mine), Spread.of(base), Spread.of([m / b for m, b in zip(mine, base, strict=True)])


def interleaved(explorer: Callable[[], Run], floor: Callable[[], Run], runs: int) -> Pairs:
    explorer(), floor()  # warm the file cache; not counted
    mine, base = [], []
    for number in range(runs):
        order = (explorer, floor) if number % 2 == 0 else (floor, explorer)
        first, second = (f() for f in order)
        one, other = (first, second) if order[0] is explorer else (second, first)
        for result, name in ((one, "explorer"), (other, "floor")):
            if result.status not in (0, 130):
                raise RuntimeError(f"the {name} run ended with exit code {result.status}")
        mine.append(one)
        base.append(other)
    return Pairs(mine, base)


def first_question_text() -> str:
    """The first question as the explorer words it before the first answer ("you")."""
    with (ROOT / "data" / "questions.toml").open("rb") as handle:
        first = tomllib.load(handle)["question"][0]
    return first["prompt"].replace("{you}", "you").replace("{your}", "your")


def measure(runs: int, against: Path | None = None) -> dict[str, Pairs]:
    """Each figure's pairs: (this checkout's explorer, its floor), or with `against` (a checkout
    with its own .venv), (this checkout's explorer, that checkout's explorer)."""
    other = str(against / ".venv" / "bin" / "treatment-explorer") if against else None
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as folder:
        answers = os.path.join(folder, "answers.json")
        Path(answers).write_text(json.dumps(ANSWERS))
        scripted = ["--answers", answers, "--format", "json"]
        needle = first_question_text()

        def floor_or_other(floor: list[str], args: list[str]) -> Callable[[], Run]:
            return (lambda: run([other, *args])) if other else (lambda: run(floor))

        first_floor = (lambda: time_to_text([other], needle)) if other else (lambda: run(QUESTIONARY_FLOOR))
        return {
            "scripted": interleaved(lambda: run([EXPLORER, *scripted]), floor_or_other(SCRIPTED_FLOOR, scripted), runs),
            "first_question": interleaved(lambda: time_to_text([EXPLORER], needle), first_floor, runs),
            "help": interleaved(lambda: run([EXPLORER, "--help"]), floor_or_other(BARE_FLOOR, ["--help"]), runs),
            "compare": interleaved(
                lambda: run([EXPLORER, "compare"]), floor_or_other(PYDANTIC_FLOOR, ["compare"]), runs
            ),
        }
