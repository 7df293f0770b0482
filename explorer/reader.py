"""The reading loop: pick a section from the reading list, read it (paged), go back, or finish."""

from __future__ import annotations

from collections.abc import Callable

from explorer.content.catalog import Catalog
from explorer.content.models import Result
from explorer.prompts import Menus
from explorer.render import section_page, wrap

FINISH = "__finish__"


MORE = "-- more: Enter for the next page, q to go back to the list --"
END = "-- end of section: Enter to go back to the list --"


def page(text: str, rows: int, width: int, say: Callable[[str], None], ask: Callable[[str], str]) -> None:
    """Shows `text` a screenful at a time; q goes back to the list."""
    lines = text.rstrip("\n").split("\n")
    # The pager's own line is wrapped too (room left for what is typed) and fits on the screen.
    more, end = (wrap(prompt, width - 4).split("\n") for prompt in (MORE, END))
    step = max(rows - 1 - max(len(more), len(end)), 5)
    for start in range(0, len(lines), step):
        say("\n".join(lines[start : start + step]))
        *above, last = more if start + step < len(lines) else end
        if above:
            say("\n".join(above))
        if ask(last + " ").strip().lower() == "q":
            return


def read(
    catalog: Catalog,
    result: Result,
    menus: Menus,
    width: int,
    rows: int,
    say: Callable[[str], None],
    ask: Callable[[str], str] = input,
) -> None:
    choices = [(item.title, item.id) for item in result.suggestions]
    choices.append(("Finish (shows where to get help)", FINISH))
    by_id = {item.id: item for item in result.suggestions}
    last = None
    while True:
        picked = menus.select("Open a section to read it, or finish:", choices, default=last)
        if picked == FINISH:
            return
        page("\n" + section_page(catalog, by_id[picked], width), rows, width, say, ask)
        last = picked
