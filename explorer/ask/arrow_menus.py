"""Menus with questionary: arrow keys or a number, Space to tick, Enter to go on (the keys it adds
to questionary's are in arrow_keys.py). Entries, headings and details are laid out here: wrapped
to the terminal, numbered, the pointed entry's detail in a window of its own under the list.

When the window changes width while a menu is asked, the menu is laid out again for it (erased
and drawn anew, the cursor and the ticks kept): left to the terminal, the entries wrapped for the
old width would be cut mid-word."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import questionary
from prompt_toolkit.filters import IsDone
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, ScrollOffsets, Window
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl, Separator

from explorer.ask.arrow_keys import (
    ending_on_ctrl_d,
    job_control,
    selectable,
    ticked_alone,
    with_number_keys,
)
from explorer.ask.arrow_layout import RESIZED, below, following_the_width, with_more_below
from explorer.ask.menus import Choice
from explorer.i18n import N_, _
from explorer.render.text import fill

SELECT_HINT = N_("(arrow keys or number, then Enter)")
CHECKBOX_HINT = N_("(arrow keys or number, Space to tick, Enter when done)")
# questionary's own hint of a yes-or-no question, in the run's language (its keys stay y and n)
CONFIRM_HINTS = {True: N_("(Y/n) "), False: N_("(y/N) ")}
HEADING_STYLE = Style([("separator", "bold")])  # a group's heading: no colour, so NO_COLOR holds


def with_details(prompt: questionary.Question, details: Sequence[str], width: int) -> questionary.Question:
    """The pointed entry's detail (`details`: one per entry, in order, "" for none) on lines of
    its own under the menu, with the entry's number. A window of its own rather than questionary's
    Choice.description (2.1 and later): that line ends the list's window, so it scrolls away with
    a list taller than the screen; this window keeps its height (the longest detail's, so the list
    does not jump as the cursor moves) and the list's window gives up lines instead, scrolling
    with the cursor and keeping the line above it (the group's heading) in view."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    entries = selectable(control)

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
    shown_while_asking = ~IsDone()  # type: ignore[no-untyped-call]  # prompt_toolkit's IsDone() is unannotated
    layout.children.insert(at + 1, ConditionalContainer(window, filter=shown_while_asking))
    return prompt


@contextlib.contextmanager
def quiet_signal_wakeup() -> Iterator[None]:
    """While a menu's event loop runs, a burst of signals stays quiet. The loop (asyncio) is woken
    by signals through a socket, which it registers with signal.set_wakeup_fd; a burst fills that
    socket before the first handler has run (that handler stops the menu: explorer/cli/ending.py),
    and Python would print "Exception ignored when trying to write to the signal wakeup fd" for
    each further one. A full socket already wakes the loop, so the loop's registration is made
    with warn_on_full_buffer=False; the function is put back as soon as the loop has ended."""
    registering = signal.set_wakeup_fd

    def without_warnings(fd: int, *, warn_on_full_buffer: bool = True) -> int:
        return registering(fd, warn_on_full_buffer=False)

    signal.set_wakeup_fd = without_warnings
    try:
        yield
    finally:
        signal.set_wakeup_fd = registering


def _asked(prompt: questionary.Question, when_drawn: Sequence[Callable[[], None]] = ()) -> Any:
    waiting = list(when_drawn)

    def drawn(_app: Any) -> None:  # prompt_toolkit's after_render: the menu is on screen
        while waiting:
            waiting.pop(0)()

    if waiting:
        prompt.application.after_render += drawn
    with quiet_signal_wakeup(), job_control(prompt):
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
    """`width`: the width to wrap at, or a function giving it as the window is now.
    `prompt_options` (input/output) let tests drive the menus through prompt_toolkit's pipe input."""

    echoes_a_single_tick = True  # questionary echoes one ticked choice as "[Overdose]"

    def __init__(self, width: int | Callable[[], int] = 80, **prompt_options: Any) -> None:
        self._width = width if callable(width) else (lambda: width)
        self.prompt_options = prompt_options
        self._when_drawn: list[Callable[[], None]] = []

    @property
    def width(self) -> int:
        return self._width()

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
        shown_once: bool = False,  # the list is drawn in place every time anyway
    ) -> Any:
        # Up to nine choices questionary numbers them ("1) "); a longer list, such as the reading
        # list, or a list with headings, is numbered here ("12. "), the headings left out. Digits
        # move the cursor in both (with_number_keys).
        headings, details = headings or {}, details or {}
        shortcuts = len(choices) <= 9 and not headings
        grouped = bool(headings or details)  # the reading list: every line counts
        values = [value for _, value in choices]
        further_down = below(choices, details)
        while True:  # never an answer that is not one of the choices
            width = self.width
            asked = self._message(text, _(SELECT_HINT) if grouped else None)
            # With the hint on the question's line, the answer's echo goes on a line of its own.
            echo_lead = "" if asked.endswith("\n ") else "\n  "
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
                instruction=_(SELECT_HINT),
                style=HEADING_STYLE if headings else None,
                **self.prompt_options,
            )
            if details:
                with_details(prompt, [details.get(value, "") for value in values], self.width)
                with_more_below(prompt, further_down, width)
            state = following_the_width(prompt, width, self._width)
            answer = _asked(with_number_keys(prompt, echoed if echo_lead else None), self._take_when_drawn())
            if answer is RESIZED:
                default = state()[0]
                continue
            if answer in values:
                return answer

    def checkbox(self, text: str, choices: Sequence[Choice], alone: Any = None) -> list[Any]:
        lead = POINTER_WIDTH + len("○ ")
        values = [value for _, value in choices]
        ticked: list[Any] = []
        pointed: Any = None
        while True:  # never an answer that is not among the choices
            width = self.width
            titles = [_title(label, lead, width) for label, _ in choices]
            options = [
                questionary.Choice(
                    title=f"{number}. " + _title(label, lead + len(f"{number}. "), width),
                    value=value,
                    checked=value in ticked,
                )
                for number, (label, value) in enumerate(choices, start=1)
            ]
            prompt = questionary.checkbox(
                self._message(text),
                choices=options,
                instruction=_(CHECKBOX_HINT),
                initial_choice=pointed,
                **self.prompt_options,
            )
            if alone in values:
                ticked_alone(prompt, alone)
            state = following_the_width(prompt, width, self._width)
            answer = _asked(with_number_keys(prompt, echoed=titles), self._take_when_drawn())
            if answer is RESIZED:
                pointed, ticked = state()
                continue
            if isinstance(answer, list) and all(item in values for item in answer):
                return answer

    def confirm(self, text: str, default: bool = False) -> bool:
        while True:
            asked = questionary.confirm(
                message(text, self.width), default=default, instruction=_(CONFIRM_HINTS[default]), **self.prompt_options
            )
            answer = _asked(asked)
            if isinstance(answer, bool):
                return answer

    def text(self, text: str, default: str = "") -> str:
        return str(_asked(questionary.text(message(text, self.width), default=default, **self.prompt_options)))
