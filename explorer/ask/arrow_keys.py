"""The keys the arrow menus add to questionary's: a number moves to an entry, Ctrl-D ends like
Ctrl-C, Esc then Enter is Enter, and in a checkbox a choice that goes alone ("I'm not sure")
unticks the others when ticked, and is unticked when another is.

In every list the entries are numbered, and typing an entry's number moves the cursor to it; Enter
then picks it (in a checkbox, Space ticks it). A number moves rather than picks so that a
two-digit number can be typed: "1" then "2" reaches entry 12. A digit typed after a pause of more
than NUMBER_PAUSE seconds, or after any other key, starts a new number; a digit that would make a
number past the last entry starts a new one too ("2", "5" in a list of 24 reaches entry 5); zeros
in front count for nothing ("012" is 12, "0" moves nothing).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from questionary.prompts.common import InquirerControl, Separator

NUMBER_PAUSE = 1.0  # seconds: long enough to type a second digit, short enough to start over
DIGITS = tuple("0123456789")


def selectable(control: InquirerControl) -> list[int]:
    """The positions of the entries that can be chosen (not the headings), in their order."""
    return [i for i, choice in enumerate(control.choices) if not isinstance(choice, Separator) and not choice.disabled]


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


class _TypedNumber:
    """The number being typed in one menu, and when its last digit came."""

    def __init__(self) -> None:
        self.digits, self.at = "", 0.0


def _number_keys(control: InquirerControl) -> KeyBindings:
    bindings = KeyBindings()
    typed = _TypedNumber()

    def to_number(event: Any) -> None:
        entries = selectable(control)
        digit, now, previous = event.data, time.monotonic(), event.previous_key_sequence
        # questionary binds every key (a catch-all ignores the others), so the previous key
        # sequence is always the key typed just before this one.
        going_on = bool(previous) and previous[-1].key in DIGITS and now - typed.at <= NUMBER_PAUSE
        # "25" of 24: the 5 starts a new number; "9" of 3: no number at all. "012" is 12, "" is 0.
        tried = [typed.digits + digit, digit] if going_on else [digit]
        digits = next((number.lstrip("0") for number in tried if int(number) <= len(entries)), "")
        typed.digits, typed.at = digits, now
        if digits:
            control.pointed_at = entries[int(digits) - 1]

    for digit in DIGITS:
        bindings.add(digit)(to_number)
    return bindings


def with_number_keys(prompt: questionary.Question, echoed: Sequence[str] | None = None) -> questionary.Question:
    """A digit moves the cursor to the entry with that number (see the module's docstring); the
    bindings are merged after questionary's own, so they win over its shortcuts. `echoed`: the
    entries' titles without their numbers, put back at Enter, for the answer's echo ("[Overdose]")."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    own = [*filter(None, [app.key_bindings])]
    bindings = [_number_keys(control)]
    enters = own[0].get_bindings_for_keys((Keys.ControlM,)) if own else []
    if echoed is not None and enters:
        echo, enter = KeyBindings(), enters[-1]

        @echo.add("enter", eager=True)
        def _(event: Any) -> None:
            for choice, title in zip(control.choices, echoed, strict=True):
                choice.title = title
            enter.handler(event)

        bindings.append(echo)
    app.key_bindings = merge_key_bindings([*own, *bindings])
    return prompt


def ticked_alone(prompt: questionary.Question, alone: Any) -> questionary.Question:
    """The choice `alone` ("I'm not sure") cannot be ticked with others: ticking it unticks
    them, ticking another (or all, with a) unticks it."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    own = app.key_bindings
    assert own is not None  # questionary's checkbox binds its keys
    bindings = KeyBindings()
    for key in (" ", "a", "i"):  # tick the pointed one, all, or the others
        found = own.get_bindings_for_keys((key,))
        if not found:
            continue

        def keeping_it_alone(event: Any, handler: Any = found[-1].handler) -> None:
            before = list(control.selected_options)
            handler(event)
            added = [value for value in control.selected_options if value not in before]
            if added == [alone]:
                control.selected_options = [alone]
            elif added:
                control.selected_options = [value for value in control.selected_options if value != alone]

        bindings.add(key, eager=True)(keeping_it_alone)
    app.key_bindings = merge_key_bindings([own, bindings])
    return prompt
