"""The answer space the benchmark evaluates: every single-choice combination × sets of interests."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from explorer.content.answers import Answers

SINGLE_KEYS = ("for_whom", "setting", "dosing", "detox", "counseling", "support_groups")


def interest_sets() -> list[tuple[str, ...]]:
    """None ticked, each one alone, and all of them."""
    every = tuple(i for i in Answers.allowed_values("interests") if i != "unsure")
    return [(), *((one,) for one in every), every]


def every_profile() -> Iterator[Answers]:
    values = [Answers.allowed_values(key) for key in SINGLE_KEYS]
    for combo in itertools.product(*values):
        for interests in interest_sets():
            yield Answers(**dict(zip(SINGLE_KEYS, combo, strict=True)), interests=interests)
