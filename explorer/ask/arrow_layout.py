"""What the arrow menus add to questionary's layout beyond the pointed entry's detail: a line under a
list taller than the window saying what is further down, and a new layout when the window changes
width (the menu ends with RESIZED and is asked again, laid out for the new width, its cursor and
ticks kept: left to the terminal, entries wrapped for the old width would be cut mid-word)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import questionary
from prompt_toolkit.filters import IsDone
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Window
from questionary.prompts.common import InquirerControl

from explorer.ask.menus import Choice
from explorer.i18n import _
from explorer.render.text import fill


class _Unstored(FormattedTextControl):
    """A text worked out anew at each drawing: prompt_toolkit would keep the first text of a
    drawing, worked out before the list above it was drawn."""

    def _get_formatted_text_cached(self) -> Any:
        from prompt_toolkit.formatted_text import to_formatted_text

        return to_formatted_text(self.text, self.style)


def with_more_below(prompt: questionary.Question, below: str, width: int) -> questionary.Question:
    """A line under the list saying what is further down (`below`) while its last entry is out of
    view: a list taller than the window gives no other sign that it goes on."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    listing = next(w for w in app.layout.find_all_windows() if w.content is control)

    lines = fill(f"↓ {below}", max(width - 2, 20), "  ", "    ") if below else []

    def sign() -> str:
        info = listing.render_info
        return "" if info is None or info.bottom_visible else "\n".join(lines)

    window = Window(_Unstored(lambda: [("class:instruction", sign())]), height=len(lines), dont_extend_height=True)
    layout = app.layout.container
    assert isinstance(layout, HSplit)  # questionary's create_inquirer_layout
    at = next(i for i, child in enumerate(layout.children) if listing in child.get_children())
    shown_while_asking = ~IsDone()  # type: ignore[no-untyped-call]  # prompt_toolkit's IsDone() is unannotated
    layout.children.insert(at + 1, ConditionalContainer(window, filter=shown_while_asking))
    return prompt


def below(choices: Sequence[Choice], details: Mapping[Any, str]) -> str:
    """What the line under a list with details names when its end is out of view: the entries
    after the last one with a detail (the reading list's Compare, Change an answer, Finish), each
    by its words before any colon or bracket."""
    with_detail = [i for i, (_, value) in enumerate(choices) if details.get(value)]
    if not with_detail:
        return ""
    after = [label.split(":")[0].split(" (")[0] for label, _ in choices[with_detail[-1] + 1 :]]
    return _("further down: {entries}").format(entries=", ".join(after)) if after else ""


RESIZED = object()  # a menu's answer when the window changed width: it is asked again, laid out anew


def following_the_width(prompt: questionary.Question, laid_out_for: int, width: Callable[[], int]) -> Any:
    """Ends the menu with RESIZED when the window's width is no longer the one it was laid out
    for (prompt_toolkit's own redrawing keeps other changes); returns a function that gives the
    pointed entry's value and the ticked values, as they were then."""
    app = prompt.application
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    redraw = app._on_resize  # called on SIGWINCH and when its polling finds a new size

    def on_resize() -> None:
        if width() == laid_out_for or app.future is None or app.future.done():
            redraw()
            return
        app.erase_when_done = True  # the next drawing, laid out for the new width, takes its place
        app.exit(result=RESIZED)

    app._on_resize = on_resize  # type: ignore[method-assign]
    return lambda: (control.get_pointed_at().value, list(control.selected_options))
