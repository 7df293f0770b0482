"""The content as tests use it: the seeds, a private copy to damage, the answer space."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from explorer.content.answers import Answers
from explorer.errors import CatalogError

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the checkout (the program finds its content itself)
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


def edit_file(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replaces the first `count` of `old` in a test's copy of a content file (which must contain it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def refused(load: Callable[[], object], file_name: str) -> CatalogError:
    """The CatalogError that `load` raises, which must name `file_name`."""
    with pytest.raises(CatalogError) as caught:
        load()
    assert caught.value.path.name == file_name
    return caught.value


SINGLE_KEYS = ("for_whom", "setting", "dosing", "detox", "counseling", "support_groups")


# Interest sets: none, one, the safety pair, the reading topics, the topics the documents are
# silent on (answered by the explorer's own notes), and every topic at once.
INTEREST_SETS = (
    (),
    ("how_medications_work",),
    ("overdose", "side_effects"),
    ("withdrawal", "understanding_addiction", "finding_a_program"),
    ("relapse_and_cravings", "pregnancy", "cost_and_coverage"),
    tuple(i for i in Answers.allowed_values("interests") if i != "unsure"),
)


def every_profile():
    values = [Answers.allowed_values(key) for key in SINGLE_KEYS]
    for combo in itertools.product(*values):
        for interests in INTEREST_SETS:
            yield Answers(**dict(zip(SINGLE_KEYS, combo, strict=True)), interests=interests)


def json_strings(value: object) -> Iterator[str]:
    """Every string in parsed JSON, keys included: what a scan of the words must read."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
