"""The reading loop: the reading list as a menu, each section read a page at a time, on to the
next unread section or back to the list, until Finish. Pressing Enter at every screen reads every
section in order, then "what matters" when it was answered, and then finishes.

It decides nothing about content: what is listed and why comes from the Result (the rules)."""

from __future__ import annotations

from collections.abc import Callable, MutableSet

from explorer.ask.terminal import Terminal
from explorer.content.wording import personalize
from explorer.infer.result import Result, Suggestion
from explorer.render.matters import matters_text
from explorer.render.result import entry_details, group_headings, overview_text, reading_page
from explorer.render.text import wrap

FINISH = "__finish__"
COMPARE = "__compare__"
CHANGE = "__change__"
MATTERS = "__matters__"  # also its read mark

MENU_QUESTION = "Open a section to read it, or finish:"
READ_MARK = " (read)"
COMPARE_LABEL = "Compare the medicines side by side"
MATTERS_LABEL = "What matters to {you}: what the documents say on each point"
MATTERS_END = "-- end of what matters · Enter: back to the list --"
CHANGE_LABEL = "Change an answer"
FINISH_LABEL = "Finish (shows where to get help)"

BACK_KEYS = ("b", "q")  # b as the screen says; q too, the key that leaves a pager such as less
MORE = "-- more · Enter: next page · b: back to the list --"
NEXT = "-- end of section · Enter: next section · b: back to the list --"
END = "-- end of section · Enter: back to the list --"


def page(text: str, terminal: Terminal, end: str = END) -> bool:
    """Shows `text` a screenful at a time. True: read to the end with Enter; False: b (or q)
    went back to the list."""
    lines = text.rstrip("\n").split("\n")
    # The pager's own line is wrapped too (room left for what is typed) and fits on the screen.
    more, last_line = (wrap(prompt, terminal.width - 4).split("\n") for prompt in (MORE, end))
    step = max(terminal.rows - 1 - max(len(more), len(last_line)), 5)
    for start in range(0, len(lines), step):
        terminal.show("\n".join(lines[start : start + step]))
        *above, prompt = more if start + step < len(lines) else last_line
        if above:
            terminal.show("\n".join(above))
        if terminal.read_line(prompt + " ").strip().lower() in BACK_KEYS:
            return False
    return True


def next_unread(ids: list[str], read: MutableSet[str], after: str | None = None) -> str | None:
    """The first unread entry after `after` (from the top when nothing unread follows it)."""
    start = ids.index(after) + 1 if after in ids else 0
    for section_id in [*ids[start:], *ids[:start]]:
        if section_id not in read:
            return section_id
    return None


def read(
    result: Result,
    terminal: Terminal,
    read_ids: MutableSet[str] | None = None,
    comparison: Callable[[], str] | None = None,
) -> str:
    """Until Finish (returns FINISH) or "Change an answer" (returns CHANGE). `read_ids` collects
    the sections read, so that the marks outlive a change of answers; `comparison` gives the
    comparison's page when the menu offers it."""
    read_ids = set() if read_ids is None else read_ids
    by_id = {item.id: item for item in result.suggestions}
    ids = list(by_id)
    terminal.show("\n" + overview_text(result, terminal.width))
    headings, details = group_headings(result), entry_details(result)
    cursor: str | None = next_unread(ids, read_ids)
    # Offered after the sections when a priority was rated "a lot" or "somewhat".
    matters = result.matters if result.matters is not None and result.matters.points else None
    while True:
        choices = [(by_id[i].title + (READ_MARK if i in read_ids else ""), i) for i in ids]
        if matters is not None:
            label = personalize(MATTERS_LABEL, result.answers.for_whom)
            choices.append((label + (READ_MARK if MATTERS in read_ids else ""), MATTERS))
        if comparison is not None:
            choices.append((COMPARE_LABEL, COMPARE))
        choices += [(CHANGE_LABEL, CHANGE), (FINISH_LABEL, FINISH)]
        unread_matters = MATTERS if matters is not None and MATTERS not in read_ids else None
        picked = terminal.menus.select(
            MENU_QUESTION,
            choices,
            default=cursor or unread_matters or FINISH,
            headings=headings,
            details=details,
        )
        if picked in (FINISH, CHANGE):
            return str(picked)
        if picked == MATTERS and matters is not None:
            read_ids.add(MATTERS)
            page("\n" + matters_text(matters, terminal.width), terminal, MATTERS_END)
            cursor = next_unread(ids, read_ids)  # then Finish, once every section is read
            continue
        if picked == COMPARE and comparison is not None:
            page("\n" + comparison(), terminal, "-- end of the comparison · Enter: back to the list --")
            cursor = picked
            continue
        cursor = _read_on(picked, ids, by_id, read_ids, terminal)


def _read_on(
    section_id: str, ids: list[str], by_id: dict[str, Suggestion], read_ids: MutableSet[str], terminal: Terminal
) -> str | None:
    """Reads `section_id`, then on to the next unread section for as long as Enter is pressed;
    returns where the list's cursor goes: the next unread section, or None (Finish)."""
    current: str | None = section_id
    while current is not None:
        read_ids.add(current)
        following = next_unread(ids, read_ids, after=current)
        end = NEXT if following is not None else END
        if not page("\n" + reading_page(by_id[current], terminal.width), terminal, end):
            return following
        current = following
    return None
