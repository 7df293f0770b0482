"""What every way of asking offers: one choice, several choices, yes or no, a line of text.

Two implementations: `arrow_menus` (questionary's arrow-key menus) and `numbered_menus` (numbers
typed at a plain prompt, for screen readers, simple and narrow terminals). The questionnaire and
the reader are written against this protocol only, so they never import a prompt library.
Ctrl-C raises KeyboardInterrupt and end of input (Ctrl-D) raises EOFError, in both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

Choice = tuple[str, Any]  # (label shown, value returned)


class Menus(Protocol):
    # True where a checkbox's own echo names the one choice ticked (questionary's "[Overdose]"):
    # the questionnaire then does not name it a second time.
    echoes_a_single_tick: bool

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
        """`headings`: a line that cannot be chosen and has no number, shown before the choice with
        that value (a group's heading). `details`: a short text on the choice with that value, shown
        where the kind of menu can keep it in view with the list (the arrow menus: the pointed
        choice's, under the menu; the numbered menus: under each choice, said once for a run of
        choices that share it). `shown_once`: asked again with the same choices, the numbered
        menus do not print the list again but say where Enter leads, and print it on l (the
        arrow menus draw it in place anyway)."""
        ...

    def checkbox(self, text: str, choices: Sequence[Choice], alone: Any = None) -> list[Any]:
        """`alone`: the value of a choice that cannot be ticked with others ("I'm not sure"):
        ticking it unticks the others, ticking another unticks it."""
        ...

    def confirm(self, text: str, default: bool = False) -> bool: ...

    def text(self, text: str, default: str = "") -> str: ...
