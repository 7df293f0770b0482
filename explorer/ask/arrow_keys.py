"""The keys the arrow menus add to questionary's: a number moves to an entry, Ctrl-D ends like
Ctrl-C, Esc then Enter is Enter, pasted text comes without its control characters, Ctrl-Z
stops the program as it stops any other in a terminal (job control, job_control below), and
in a checkbox a choice that goes alone ("I'm not sure") unticks the others when ticked, and is
unticked when another is.

In every list the entries are numbered, and typing an entry's number moves the cursor to it; Enter
then picks it (in a checkbox, Space ticks it). A number moves rather than picks so that a
two-digit number can be typed: "1" then "2" reaches entry 12. A digit typed after a pause of more
than NUMBER_PAUSE seconds, or after any other key, starts a new number; a digit that would make a
number past the last entry starts a new one too ("2", "5" in a list of 24 reaches entry 5); zeros
in front count for nothing ("012" is 12, "0" moves nothing).
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

import questionary
from prompt_toolkit.application import Application, run_in_terminal
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from questionary.prompts.common import InquirerControl, Separator

from explorer.render.printable import without_control_characters

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

    # prompt_toolkit would type Ctrl-Z into a text answer (a raw 0x1A in a file name): here it is
    # what it is in a terminal's ordinary mode, a stop of the whole foreground job.
    @bindings.add("c-z", eager=True)
    def _(event: Any) -> None:
        _stop_the_job(event.app, whole_group=True)

    # A pasted NUL byte, escape sequence or line end has no place in a one-line answer.
    @bindings.add(Keys.BracketedPaste, eager=True)
    def _(event: Any) -> None:
        event.current_buffer.insert_text(without_control_characters(event.data))

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


def _stop_now(whole_group: bool) -> None:
    """SIGTSTP with its default action: the program stops here until continued."""
    handler = signal.signal(signal.SIGTSTP, signal.SIG_DFL)  # while a menu runs: job_control's
    try:
        os.kill(0 if whole_group else os.getpid(), signal.SIGTSTP)
    finally:
        signal.signal(signal.SIGTSTP, handler)


def _stop_the_job(app: Application[Any], whole_group: bool) -> None:
    """Stops the program: the whole foreground group, as a terminal's Ctrl-Z would (a menu's raw
    mode turns that key into a character), or only this process (a kill -TSTP). Meanwhile the
    terminal is in its ordinary mode; once continued (fg), prompt_toolkit puts the menu's mode
    back and draws it again."""
    run_in_terminal(partial(_stop_now, whole_group))


def _drawn_again(app: Application[Any]) -> None:
    """Continued (fg, or SIGCONT after SIGSTOP): the shell may have put the terminal back in its
    ordinary mode meanwhile, and the screen holds its own lines: the menu takes its mode again and
    is drawn anew, at once, not at the next key. Not once the menu has ended (the key that ended it
    may come with the continuation): it has given the terminal its ordinary mode back by then."""
    if app.is_done or not app.is_running:
        return
    app.input.raw_mode().__enter__()  # left by the menu's own raw mode, which restores the terminal at its end
    app.renderer.reset()
    app.invalidate()


@contextlib.contextmanager
def job_control(prompt: questionary.Question) -> Iterator[None]:
    """While the menu runs, a SIGTSTP (kill -TSTP) stops the program with the terminal in its
    ordinary mode, and a SIGCONT draws the menu again; outside menus both keep their default
    actions. Python handlers that hand the work to the menu's event loop, rather than the loop's
    own add_signal_handler: that one would keep a signal wakeup descriptor until the loop closes,
    and a burst of kills meeting it then, half closed, printed "Exception ignored when trying to
    write to the signal wakeup fd"."""
    if not hasattr(signal, "SIGTSTP"):
        yield
        return
    app = prompt.application

    def handler(signum: int, frame: Any) -> None:
        loop = app.loop
        if signum == signal.SIGTSTP and (loop is None or loop.is_closed() or not app.is_running):
            _stop_now(whole_group=False)  # no menu on screen to take down and bring back
            return
        work = partial(_stop_the_job, app, False) if signum == signal.SIGTSTP else partial(_drawn_again, app)
        try:
            loop.call_soon_threadsafe(work)  # type: ignore[union-attr]
        except (AttributeError, RuntimeError):  # no loop, or closed: the menu has ended
            pass

    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        yield
    finally:
        for signum, earlier in previous.items():
            signal.signal(signum, earlier)


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
