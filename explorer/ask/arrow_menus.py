"""Menus with questionary: arrow keys or a number, Space to tick, Enter to go on."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys

from explorer.ask.menus import Choice

SELECT_HINT = "(arrow keys or number, then Enter)"
CHECKBOX_HINT = "(arrow keys, Space to tick, Enter when done)"


def _safe_keys(enter: Any) -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    if enter is not None:
        # Esc then Enter (also Alt+Enter) would reach prompt_toolkit's own binding for it, which
        # ends a menu with an empty answer: here it is Enter, whatever the menu.
        @bindings.add("escape", "enter", eager=True)
        def _(event: Any) -> None:
            enter.handler(event)

    return bindings


def ending_on_ctrl_d(prompt: questionary.Question) -> questionary.Question:
    """Ctrl-D (end of input) leaves like Ctrl-C does; questionary's menus would ignore it; Esc
    then Enter is Enter."""
    app = prompt.application
    own = app.key_bindings
    enters = own.get_bindings_for_keys((Keys.ControlM,)) if own is not None else []
    app.key_bindings = merge_key_bindings([*filter(None, [own]), _safe_keys(enters[-1] if enters else None)])
    return prompt


def _asked(prompt: questionary.Question, when_drawn: Sequence[Callable[[], None]] = ()) -> Any:
    waiting = list(when_drawn)

    def drawn(_app: Any) -> None:  # prompt_toolkit's after_render: the menu is on screen
        while waiting:
            waiting.pop(0)()

    if waiting:
        prompt.application.after_render += drawn
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
        self._when_drawn: list[Callable[[], None]] = []

    def when_drawn(self, callback: Callable[[], None]) -> None:
        """Calls `callback` once the next menu is on screen (the session loads its content then)."""
        self._when_drawn.append(callback)

    def _take_when_drawn(self) -> list[Callable[[], None]]:
        taken, self._when_drawn = self._when_drawn, []
        return taken

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
        values = [value for _, value in choices]
        while True:  # never an answer that is not one of the choices
            answer = _asked(
                questionary.select(
                    self._message(text),
                    choices=options,
                    default=default,
                    use_shortcuts=shortcuts,
                    instruction=SELECT_HINT if shortcuts else "(arrow keys, then Enter)",
                    **self.prompt_options,
                ),
                self._take_when_drawn(),
            )
            if answer in values:
                return answer

    def checkbox(self, text: str, choices: Sequence[Choice]) -> list[Any]:
        lead = POINTER_WIDTH + len("○ ")
        options = [questionary.Choice(title=_title(label, lead, self.width), value=value) for label, value in choices]
        values = [value for _, value in choices]
        while True:  # never an answer that is not among the choices
            answer = _asked(
                questionary.checkbox(
                    self._message(text), choices=options, instruction=CHECKBOX_HINT, **self.prompt_options
                ),
                self._take_when_drawn(),
            )
            if isinstance(answer, list) and all(item in values for item in answer):
                return answer

    def confirm(self, text: str, default: bool = False) -> bool:
        while True:
            answer = _asked(questionary.confirm(message(text, self.width), default=default, **self.prompt_options))
            if isinstance(answer, bool):
                return answer

    def text(self, text: str, default: str = "") -> str:
        return _asked(questionary.text(message(text, self.width), default=default, **self.prompt_options))
