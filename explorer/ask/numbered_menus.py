"""Menus for screen readers and simple terminals: numbered choices, answered by typing a number.

No colours, no cursor movement, no redrawing: every line is printed once, wrapped at the width
the window has when it is printed. A number may have spaces around it and be written in any
script's decimal digits ("١٢" is 12, as Python's int reads it); a wrong one gets one line that
says which numbers there are. Yes-or-no questions are numbered too (y and n work as well). A long
list asked again is not read out again unless asked for (l).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from explorer.ask.menus import Choice
from explorer.i18n import N_, _
from explorer.render.text import fill

Parsed = TypeVar("Parsed")


def _fill(text: str, width: int, lead: str = "") -> list[str]:
    return fill(text, max(width, 30), lead, " " * len(lead))


LONGEST_NUMBER = 6  # digits: more is no entry of any list here (and int() of thousands is slow)


def entry_number(word: str, count: int) -> int | None:
    """The entry from 1 to `count` that `word` names, or None."""
    if word.isdecimal() and len(word) <= LONGEST_NUMBER and 1 <= int(word) <= count:
        return int(word)
    return None


def _which(word: str) -> str:
    """What ends the one line for a wrong answer: the number that has no entry, if it is one."""
    return (
        " " + _("(no entry {number})").format(number=int(word))
        if word.isdecimal() and len(word) <= LONGEST_NUMBER
        else ""
    )


def _numbers(first: int, last: int) -> str:
    if first == last:
        return str(first)
    return (_("{first} and {last}") if last == first + 1 else _("{first} to {last}")).format(first=first, last=last)


def _shared_details(choices: Sequence[Choice], headings: Mapping[Any, str], details: Mapping[Any, str]) -> list[str]:
    """Each choice's detail line: said under the first of the choices that follow one another with
    the same detail (no heading between them), with their numbers; "" under the others."""
    said = [""] * len(choices)
    first = 0
    for index in range(1, len(choices) + 1):
        value = choices[index][1] if index < len(choices) else None
        run_ends = index == len(choices) or value in headings or details.get(value) != details.get(choices[first][1])
        if not run_ends:
            continue
        detail = details.get(choices[first][1], "")
        if detail:
            said[first] = detail if index - 1 == first else f"{_numbers(first + 1, index)}: {detail}"
        first = index
    return said


LIST_KEY = "l"
YES_NO = ((N_("Yes"), True), (N_("No"), False))
# What a typed yes or no may be, in either language (the keys of a person who switches).
YES_WORDS = ("y", "yes", "s", "si", "sí")
NO_WORDS = ("n", "no")


class NumberedMenus:
    """`width`: the width to wrap at, or a function giving it as the window is now."""

    echoes_a_single_tick = False  # nothing is echoed: the typed numbers stay on screen

    def __init__(
        self,
        width: int | Callable[[], int] = 80,
        say: Callable[[str], None] = print,
        read_line: Callable[[str], str] = input,
    ) -> None:
        self._width = width if callable(width) else (lambda: width)
        self.say = say
        self.read_line = read_line
        self._last_shown: tuple[str, tuple[Any, ...]] | None = None  # the list printed last

    @property
    def width(self) -> int:
        return self._width()

    def _show(
        self,
        text: str,
        choices: Sequence[Choice],
        headings: Mapping[Any, str] | None = None,
        details: Mapping[Any, str] | None = None,
    ) -> None:
        """Headings as plain lines between the numbered choices, details indented under them."""
        headings, details = headings or {}, details or {}
        lines = _fill(text, self.width)
        under = _shared_details(choices, headings, details)
        for number, ((label, value), detail) in enumerate(zip(choices, under, strict=True), start=1):
            if value in headings:
                lines += _fill(headings[value], self.width)
            lead = f"  {number}. "
            lines += _fill(label, self.width, lead=lead)
            lines += _fill(detail, self.width, lead=" " * len(lead)) if detail else []
        self.say("\n".join(lines))

    def _read(self, prompt: str) -> str:
        """The prompt wrapped like everything else; its last line stays on the typing line."""
        *above, last = _fill(prompt, self.width - 8)  # room left on the line for what is typed
        if above:
            self.say("\n".join(above))
        return self.read_line(last + " ").strip()

    def _ask(self, prompt: str, parse: Callable[[str], Parsed]) -> Parsed:
        """Asks until `parse` accepts the line; parse raises ValueError with what to type instead."""
        while True:
            try:
                return parse(self._read(prompt))
            except ValueError as problem:
                if str(problem):  # nothing more to say after the list printed on request
                    self.say("\n".join(_fill(str(problem), self.width)))

    def select(
        self,
        text: str,
        choices: Sequence[Choice],
        default: Any = None,
        *,
        headings: Mapping[Any, str] | None = None,
        details: Mapping[Any, str] | None = None,
        shown_once: bool = False,
    ) -> Any:
        values = [value for _, value in choices]
        fallback = values.index(default) + 1 if default in values else None
        again = shown_once and self._last_shown == (text, tuple(values))
        if again:  # the same list as last time: where Enter leads, and the list on request
            said = _("{question} the same list as before ({key}: show it again).").format(question=text, key=LIST_KEY)
            if fallback:
                said += " " + _("Enter alone: {number}, {label}.").format(
                    number=fallback, label=choices[fallback - 1][0]
                )
            self.say("\n".join(_fill(said, self.width)))
        else:
            self._show(text, choices, headings, details)
        self._last_shown = (text, tuple(values))
        hint = (
            _("Enter alone: {number}").format(number=fallback)
            if fallback
            else _("1 to {count}").format(count=len(values))
        )

        def parse(line: str) -> Any:
            if not line and fallback:
                return values[fallback - 1]
            if again and line.lower() == LIST_KEY:
                self._show(text, choices, headings, details)
                raise ValueError("")
            number = entry_number(line, len(values))
            if number is None:
                raise ValueError(
                    _("Please type a number from 1 to {count}, then Enter{which}.").format(
                        count=len(values), which=_which(line)
                    )
                )
            return values[number - 1]

        if again:
            return self._ask(_("Type a number or {key}, then Enter ({hint}):").format(key=LIST_KEY, hint=hint), parse)
        return self._ask(_("Type a number, then Enter ({hint}):").format(hint=hint), parse)

    def checkbox(self, text: str, choices: Sequence[Choice], alone: Any = None) -> list[Any]:
        self._show(text, choices)
        values = [value for _, value in choices]

        def parse(line: str) -> list[Any]:
            picked = [word for word in re.split(r"[\s,]+", line) if word]
            wrong = [word for word in picked if entry_number(word, len(values)) is None]
            if wrong:
                raise ValueError(
                    _("Please type numbers from 1 to {count} with spaces between, or nothing{which}.").format(
                        count=len(values), which=_which(wrong[0])
                    )
                )
            numbers = sorted({int(word) for word in picked})
            if alone in values and values.index(alone) + 1 in numbers and len(numbers) > 1:
                number = values.index(alone) + 1
                raise ValueError(
                    _("{number} ({label}) goes alone: type {number} alone, or the others.").format(
                        number=number, label=choices[number - 1][0]
                    )
                )
            return [values[number - 1] for number in numbers]

        return self._ask(_("Type any numbers with spaces between, then Enter (Enter alone: none):"), parse)

    def confirm(self, text: str, default: bool = False) -> bool:
        """A yes-or-no question as a numbered choice; y, yes, n and no work too (and, in Spanish,
        s and sí)."""
        self._show(text, [(_(label), value) for label, value in YES_NO])
        fallback = 1 if default else 2

        def parse(line: str) -> bool:
            if not line:
                return default
            if line.lower() in (*YES_WORDS, *NO_WORDS):
                return line.lower() in YES_WORDS
            number = entry_number(line, 2)
            if number is None:
                raise ValueError(
                    _("Please type 1 for yes or 2 for no (or y, n), then Enter{which}.").format(which=_which(line))
                )
            return number == 1

        return self._ask(
            _("Type a number, then Enter ({hint}):").format(hint=_("Enter alone: {number}").format(number=fallback)),
            parse,
        )

    def text(self, text: str, default: str = "") -> str:
        hint = " (" + _("Enter alone: {number}").format(number=default) + ")" if default else ""
        return self._read(text + hint + ":") or default
