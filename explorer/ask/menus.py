"""What every way of asking offers: one choice, several choices, yes or no, a line of text.

Two implementations: `arrow_menus` (questionary's arrow-key menus) and `numbered_menus` (numbers
typed at a plain prompt, for screen readers, simple and narrow terminals). The questionnaire and
the reader are written against this protocol only, so they never import a prompt library.
Ctrl-C raises KeyboardInterrupt and end of input (Ctrl-D) raises EOFError, in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

Choice = tuple[str, Any]  # (label shown, value returned)


class Menus(Protocol):
    def select(self, text: str, choices: Sequence[Choice], default: Any = None) -> Any: ...

    def checkbox(self, text: str, choices: Sequence[Choice]) -> list[Any]: ...

    def confirm(self, text: str, default: bool = False) -> bool: ...

    def text(self, text: str, default: str = "") -> str: ...
