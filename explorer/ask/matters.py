""" "What matters to me": the optional step after the questions, asked through any `Menus`.

Everything it says comes from data/matters.toml. It opens with one choice whose first item is
"Skip this step", so one key skips it; every question has "I'm not sure", which is also what
Enter alone picks. No prompt library is imported here.
"""

from __future__ import annotations

from typing import Any

from explorer.ask.menus import Menus
from explorer.content.answers import Matters
from explorer.content.matters import MattersContent
from explorer.content.wording import personalize
from explorer.i18n import _, language

SKIP, ASK, UNSURE = "skip", "ask", "unsure"
SKIP_THE_REST = "skip-the-rest"


def opening_choices(for_whom: str) -> list[tuple[str, Any]]:
    return [
        (_("Skip this step"), SKIP),
        (personalize(_("Yes, say what matters to {you}"), for_whom, language()), ASK),
        (_("I'm not sure"), UNSURE),
    ]


def ask_matters(questions: MattersContent, for_whom: str, menus: Menus) -> Matters:
    """Asks the step; skipping it (or "I'm not sure" at its opening) leaves every priority "unsure".
    Ctrl-C or end of input raise (KeyboardInterrupt / EOFError), as every question does."""
    opening = menus.select(
        personalize(questions.step_prompt, for_whom, language()), opening_choices(for_whom), default=SKIP
    )
    if opening != ASK:
        return Matters()
    choices: list[tuple[str, Any]] = [(c.label, c.value) for c in questions.choices]
    choices.append((_("Skip the rest of this step"), SKIP_THE_REST))
    given: dict[str, str] = {}
    count = len(questions.priorities)
    for number, priority in enumerate(questions.priorities, start=1):
        asked = _("{number} of {count}: ").format(number=number, count=count) + personalize(
            priority.prompt, for_whom, language()
        )  # where it stands
        value = menus.select(asked, choices, default="unsure")
        if value == SKIP_THE_REST:
            break
        given[priority.key] = value
    return Matters.model_validate(given)
