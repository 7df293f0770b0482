"""The reading loop: pick a section from the reading list, read it (paged), go back, or finish."""

from __future__ import annotations

from explorer.ask.terminal import Terminal
from explorer.infer.result import Result
from explorer.render.result import section_page
from explorer.render.text import wrap

FINISH = "__finish__"


MORE = "-- more: Enter for the next page, q to go back to the list --"
END = "-- end of section: Enter to go back to the list --"


def page(text: str, terminal: Terminal) -> None:
    """Shows `text` a screenful at a time; q goes back to the list."""
    lines = text.rstrip("\n").split("\n")
    # The pager's own line is wrapped too (room left for what is typed) and fits on the screen.
    more, end = (wrap(prompt, terminal.width - 4).split("\n") for prompt in (MORE, END))
    step = max(terminal.rows - 1 - max(len(more), len(end)), 5)
    for start in range(0, len(lines), step):
        terminal.show("\n".join(lines[start : start + step]))
        *above, last = more if start + step < len(lines) else end
        if above:
            terminal.show("\n".join(above))
        if terminal.read_line(last + " ").strip().lower() == "q":
            return


def read(result: Result, terminal: Terminal) -> None:
    choices = [(item.title, item.id) for item in result.suggestions]
    choices.append(("Finish (shows where to get help)", FINISH))
    by_id = {item.id: item for item in result.suggestions}
    last = None
    while True:
        picked = terminal.menus.select("Open a section to read it, or finish:", choices, default=last)
        if picked == FINISH:
            return
        item = by_id[picked]
        page("\n" + section_page(item, item.source_label, terminal.width), terminal)
        last = picked
