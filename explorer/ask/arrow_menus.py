"""Menus with questionary: arrow keys or a number, Space to tick, Enter to go on."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

from explorer.ask.menus import Choice

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
    app.key_bindings = merge_key_bindings([*filter(None, [app.key_bindings]), _end_of_input()])
    return prompt


def _asked(prompt: questionary.Question) -> Any:
    answer = ending_on_ctrl_d(prompt).unsafe_ask()
    if answer is None:  # questionary's answer to a cancelled prompt
        raise KeyboardInterrupt
    return answer


def message(text: str, width: int) -> str:
    """The question wrapped to the terminal, continuation lines indented: left to the terminal,
    a long question would be broken mid-word."""
    return textwrap.fill(
        text, width=max(width - 2, 20), subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


POINTER_WIDTH = 3  # questionary draws " » " (or three spaces) before every choice


def _title(label: str, lead: int, width: int) -> str:
    """The label wrapped under itself: left to the terminal, a long label breaks mid-word."""
    lines = textwrap.wrap(label, width=max(width - lead, 12), break_long_words=False, break_on_hyphens=False)
    return ("\n" + " " * lead).join(lines)


class ArrowMenus:
    """`prompt_options` (input/output) let tests drive the menus through prompt_toolkit's pipe input."""

    def __init__(self, width: int = 80, **prompt_options: Any) -> None:
        self.width = width
        self.prompt_options = prompt_options

    def _message(self, text: str) -> str:
        return message(text, self.width) + "\n "  # the hint or the answer goes on a line of its own

    def select(self, text: str, choices: Sequence[Choice], default: Any = None) -> Any:
        # Up to nine choices a digit picks one (questionary's shortcuts); a longer list, such as
        # the reading list, is numbered here so its numbers match the overview's.
        shortcuts = len(choices) <= 9
        options = []
        for number, (label, value) in enumerate(choices, start=1):
            prefix = "" if shortcuts else f"{number}. "
            lead = POINTER_WIDTH + (len("1) ") if shortcuts else len(prefix))
            options.append(questionary.Choice(title=prefix + _title(label, lead, self.width), value=value))
        return _asked(
            questionary.select(
                self._message(text),
                choices=options,
                default=default,
                use_shortcuts=shortcuts,
                instruction=SELECT_HINT if shortcuts else "(arrow keys, then Enter)",
                **self.prompt_options,
            )
        )

    def checkbox(self, text: str, choices: Sequence[Choice]) -> list[Any]:
        lead = POINTER_WIDTH + len("○ ")
        options = [questionary.Choice(title=_title(label, lead, self.width), value=value) for label, value in choices]
        return _asked(
            questionary.checkbox(self._message(text), choices=options, instruction=CHECKBOX_HINT, **self.prompt_options)
        )

    def confirm(self, text: str, default: bool = False) -> bool:
        return _asked(questionary.confirm(message(text, self.width), default=default, **self.prompt_options))

    def text(self, text: str, default: str = "") -> str:
        return _asked(questionary.text(message(text, self.width), default=default, **self.prompt_options))
