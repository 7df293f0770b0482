"""Menus with questionary: arrow keys or a number, Space to tick, Enter to go on.

In every list the entries are numbered, and typing an entry's number moves the cursor to it; Enter
then picks it (in a checkbox, Space ticks it). A number moves rather than picks so that a
two-digit number can be typed: "1" then "2" reaches entry 12. A digit typed after a pause of more
than NUMBER_PAUSE seconds, or after any other key, starts a new number; a digit that would make a
number past the last entry starts a new one too ("2", "5" in a list of 24 reaches entry 5); zeros
in front count for nothing ("012" is 12, "0" moves nothing).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import questionary
from prompt_toolkit.filters import IsDone
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, ScrollOffsets, Window
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl, Separator

from explorer.ask.menus import Choice
from explorer.render.text import fill

SELECT_HINT = "(arrow keys or number, then Enter)"
CHECKBOX_HINT = "(arrow keys or number, Space to tick, Enter when done)"
NUMBER_PAUSE = 1.0  # seconds: long enough to type a second digit, short enough to start over
DIGITS = tuple("0123456789")


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
        entries = _selectable(control)
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


HEADING_STYLE = Style([("separator", "bold")])  # a group's heading: no colour, so NO_COLOR holds


def _selectable(control: InquirerControl) -> list[int]:
    """The positions of the entries that can be chosen (not the headings), in their order."""
    return [i for i, choice in enumerate(control.choices) if not isinstance(choice, Separator) and not choice.disabled]


def with_details(prompt: questionary.Question, details: Sequence[str], width: int) -> questionary.Question:
    """The pointed entry's detail (`details`: one per entry, in order, "" for none) on lines of
    its own under the menu, with the entry's number. A window of its own rather than questionary's
    Choice.description (2.1 and later): that line ends the list's window, so it scrolls away with
    a list taller than the screen; this window keeps its height (the longest detail's, so the list
    does not jump as the cursor moves) and the list's window gives up lines instead, scrolling
    with the cursor and keeping the line above it (the group's heading) in view."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    entries = _selectable(control)

    def lines(at: int) -> list[str]:
        number = entries.index(at) + 1 if at in entries else 0
        if not number or not details[number - 1]:
            return []
        return fill(f"{number}: {details[number - 1]}", max(width - 2, 20), "  ", "     ")

    window = Window(
        FormattedTextControl(lambda: [("class:instruction", "\n".join(lines(control.pointed_at)))]),
        height=max(len(lines(at)) for at in entries),
        dont_extend_height=True,
    )
    listing = next(w for w in app.layout.find_all_windows() if w.content is control)
    listing.scroll_offsets = ScrollOffsets(top=1)
    layout = app.layout.container
    assert isinstance(layout, HSplit)  # questionary's create_inquirer_layout
    at = next(i for i, child in enumerate(layout.children) if listing in child.get_children())
    layout.children.insert(at + 1, ConditionalContainer(window, filter=~IsDone()))
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
    return "\n".join(fill(text, max(width - 2, 20), "", "  "))


POINTER_WIDTH = 3  # questionary draws " » " (or three spaces) before every choice


def _title(label: str, lead: int, width: int) -> str:
    """The label wrapped under itself: left to the terminal, a long label breaks mid-word."""
    lines = fill(label, max(width - lead, 12))
    return ("\n" + " " * lead).join(lines)


class ArrowMenus:
    """`prompt_options` (input/output) let tests drive the menus through prompt_toolkit's pipe input."""

    echoes_a_single_tick = True  # questionary echoes one ticked choice as "[Overdose]"

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

    def _message(self, text: str, hint: str | None = None) -> str:
        """The hint or the answer goes on a line of its own; with `hint`, on the question's last
        line when both fit there (a long list then has one more line for itself)."""
        asked = message(text, self.width)
        fits = hint is not None and len(asked.split("\n")[-1]) + len(hint) + len("? ") + 1 <= self.width
        return asked if fits else asked + "\n "

    def select(
        self,
        text: str,
        choices: Sequence[Choice],
        default: Any = None,
        *,
        headings: Mapping[Any, str] | None = None,
        details: Mapping[Any, str] | None = None,
    ) -> Any:
        # Up to nine choices questionary numbers them ("1) "); a longer list, such as the reading
        # list, or a list with headings, is numbered here ("12. "), the headings left out. Digits
        # move the cursor in both (with_number_keys).
        headings, details = headings or {}, details or {}
        shortcuts = len(choices) <= 9 and not headings
        grouped = bool(headings or details)  # the reading list: every line counts
        asked = self._message(text, SELECT_HINT if grouped else None)
        # With the hint on the question's line, the answer's echo goes on a line of its own.
        echo_lead = "" if asked.endswith("\n ") else "\n  "
        values = [value for _, value in choices]
        while True:  # never an answer that is not one of the choices
            options: list[questionary.Choice] = []  # new ones each time: Enter changes their titles
            echoed: list[str] = []  # every option's title as put back at Enter, for the echo
            for number, (label, value) in enumerate(choices, start=1):
                if value in headings:
                    heading = _title(headings[value], POINTER_WIDTH, self.width)
                    options.append(Separator(heading))
                    echoed.append(heading)
                prefix = "" if shortcuts else f"{number}. "
                lead = POINTER_WIDTH + (len("1) ") if shortcuts else len(prefix))
                title = prefix + _title(label, lead, self.width)
                options.append(questionary.Choice(title=title, value=value))
                echoed.append(echo_lead + title)
            prompt = questionary.select(
                asked,
                choices=options,
                default=default,
                use_shortcuts=shortcuts,
                instruction=SELECT_HINT,
                style=HEADING_STYLE if headings else None,
                **self.prompt_options,
            )
            if details:
                with_details(prompt, [details.get(value, "") for value in values], self.width)
            answer = _asked(with_number_keys(prompt, echoed if echo_lead else None), self._take_when_drawn())
            if answer in values:
                return answer

    def checkbox(self, text: str, choices: Sequence[Choice]) -> list[Any]:
        lead = POINTER_WIDTH + len("○ ")
        titles = [_title(label, lead, self.width) for label, _ in choices]
        values = [value for _, value in choices]
        while True:  # never an answer that is not among the choices
            options = [
                questionary.Choice(
                    title=f"{number}. " + _title(label, lead + len(f"{number}. "), self.width), value=value
                )
                for number, (label, value) in enumerate(choices, start=1)
            ]
            answer = _asked(
                with_number_keys(
                    questionary.checkbox(
                        self._message(text), choices=options, instruction=CHECKBOX_HINT, **self.prompt_options
                    ),
                    echoed=titles,
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
