"""Asks the questions declared in data/questions.toml with questionary.

One function turns a Question model into a prompt (as copier's get_questionary_structure does);
everything the prompt says comes from the data. `prompt_options` (input/output) let tests drive
the prompts through prompt_toolkit's pipe input, without a terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

from explorer.models import Answers, Question
from explorer.wording import personalize

SELECT_HINT = "(arrow keys or number, then Enter)"
CHECKBOX_HINT = "(arrow keys, Space to tick, Enter when done)"


def _end_of_input() -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    return bindings


def ending_on_ctrl_d(prompt: questionary.Question) -> questionary.Question:
    """Ctrl-D (end of input) leaves like Ctrl-C does; questionary's menus would ignore it."""
    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, _end_of_input()])
    return prompt


def message(text: str, width: int) -> str:
    """The question wrapped to the terminal, with the hint or the answer on a line of its own:
    left to the terminal, a long question and its answer would be broken mid-word."""
    return textwrap.fill(text, width=max(width - 2, 20), subsequent_indent="  ") + "\n "


def to_prompt(question: Question, for_whom: str, width: int = 80, **prompt_options: Any) -> questionary.Question:
    text = message(personalize(question.prompt, for_whom), width)
    choices = [questionary.Choice(title=personalize(c.label, for_whom), value=c.value) for c in question.choices]
    if question.kind == "checkbox":
        prompt = questionary.checkbox(text, choices=choices, instruction=CHECKBOX_HINT, **prompt_options)
    else:
        # "I'm not sure" is highlighted first: pressing Enter straight away never states a preference.
        prompt = questionary.select(
            text, choices=choices, default="unsure", use_shortcuts=True, instruction=SELECT_HINT, **prompt_options
        )
    return ending_on_ctrl_d(prompt)


def ask(
    questions: Sequence[Question], say: Callable[[str], None], width: int = 80, **prompt_options: Any
) -> Answers:
    """Asks every question in order; Ctrl-C or end of input raise (KeyboardInterrupt / EOFError)."""
    given: dict[str, Any] = {}
    for_whom = "unsure"
    for question in questions:
        say("\n" + personalize(question.help, for_whom))  # a blank line between questions
        value = to_prompt(question, for_whom, width, **prompt_options).unsafe_ask()
        if value is None:  # questionary's answer to a cancelled prompt
            raise KeyboardInterrupt
        given[question.key] = value
        if question.key == "for_whom":
            for_whom = value
    return Answers.model_validate(given)
