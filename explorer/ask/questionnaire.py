"""Asks the questions declared in data/questions.toml, one after another.

Everything a question says comes from the data (as copier declares its questions); how it is asked
(arrow-key or numbered menus) comes from the `Menus` passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from explorer.ask.menus import Menus
from explorer.ask.terminal import Terminal
from explorer.content.wording import personalize

if TYPE_CHECKING:  # pydantic is imported once the first question is on screen (content/arriving.py)
    from explorer.content.answers import Answers
    from explorer.content.questions import Question


def ask_one(question: Question, for_whom: str, menus: Menus) -> Any:
    text = personalize(question.prompt, for_whom)
    choices = [(personalize(choice.label, for_whom), choice.value) for choice in question.choices]
    if question.kind == "checkbox":
        return menus.checkbox(text, choices)
    # "I'm not sure" is the default: pressing Enter straight away never states a preference.
    return menus.select(text, choices, default="unsure")


def ask(questions: Sequence[Question], terminal: Terminal) -> Answers:
    """Asks every question in order; Ctrl-C or end of input raise (KeyboardInterrupt / EOFError)."""
    given: dict[str, Any] = {}
    for_whom = "unsure"
    for question in questions:
        terminal.say("\n" + personalize(question.help, for_whom))  # a blank line between questions
        given[question.key] = ask_one(question, for_whom, terminal.menus)
        if question.key == "for_whom":
            for_whom = given[question.key]
    from explorer.content.answers import Answers

    return Answers.model_validate(given)
