"""The reading loop: the reading list as a menu, each section read a page at a time, on to the
next unread section or back to the list, until Finish. Pressing Enter at every screen reads every
section in order, then "what matters" when it was answered, and then finishes.

Each thing is said once in a session (the Memory): an explorer's note shown in full is named in
one line wherever it applies again, and a word of the glossary is defined under the first page
that uses it. The notes' sources are one key away (s) rather than under every note.

It decides nothing about content: what is listed and why comes from the Result (the rules)."""

from __future__ import annotations

from collections.abc import Callable, MutableSet, Sequence
from typing import TYPE_CHECKING

from explorer.ask.terminal import Terminal
from explorer.content.wording import personalize
from explorer.i18n import N_, _, language
from explorer.infer.result import Result, Suggestion
from explorer.render.glossary import definition, definitions_block, terms_in
from explorer.render.matters import matters_text
from explorer.render.notes import OnScreen, list_notes_text, note_label, sources_text
from explorer.render.reading import reading_page
from explorer.render.result import entry_details, group_headings, overview_text
from explorer.render.translated import original_page
from explorer.session.pager import Prompts, page

if TYPE_CHECKING:
    from explorer.content.glossary import Term
    from explorer.content.notes import ShownNote

    LayOut = Callable[[int, OnScreen], str]  # a page at a width, its notes shown as given

FINISH = "__finish__"
COMPARE = "__compare__"
CHANGE = "__change__"
MATTERS = "__matters__"  # also its read mark

MENU_QUESTION = N_("Open a section to read it, or finish:")
READ_MARK = N_(" (read)")
COMPARE_LABEL = N_("Compare the medicines side by side")
MATTERS_LABEL = N_("What matters to {you}: what the documents say on each point")
CHANGE_LABEL = N_("Change an answer")
FINISH_LABEL = N_("Finish (shows where to get help)")

BACK = N_("b: back to the list")
ORIGINAL = N_("o: the English original")  # on a translated section
SKIP = N_("b: skip to the reading list")


class Memory:
    """What this session has shown, so that each thing is said once: the explorer's notes shown
    in full (their ids), the glossary's terms defined (theirs), the reasons given in full. It
    outlives a change of answers."""

    def __init__(self, glossary: Sequence[Term] = ()) -> None:
        self.glossary = tuple(glossary)
        self.notes: set[str] = set()
        self.terms: set[str] = set()
        self.reasons: dict[str, int] = {}  # a reason given in full -> the number of its section
        self.documents: set[str] = set()  # the labels of the documents named in full


def prompt(terminal: Terminal, *phrases: str) -> tuple[str, ...]:
    """A pager line, as phrases (it wraps between them): "-- end of section", "· Enter: next
    section --"; with --plain, words only: "End of section.", "Enter: next section."."""
    first, *rest = phrases
    if terminal.plain:
        return (first[:1].upper() + first[1:] + ".", *(phrase + "." for phrase in rest))
    marked = [f"-- {first}", *(f"· {phrase}" for phrase in rest)]
    marked[-1] += " --"
    return tuple(marked)


def read_page(
    terminal: Terminal,
    memory: Memory,
    lay_out: LayOut,
    notes: Sequence[ShownNote],
    where: str,
    ending: Sequence[str],
    back: str = BACK,
    original: Callable[[int], str] | None = None,
) -> bool:
    """Pages one screen of the session: `where` names it in the last line ("end of section 3 of
    20"), `ending` says what the keys do there. The notes not yet shown are shown in full, the
    others named; the words not yet defined are defined under the page. Records what was shown;
    True when read to the end."""
    on_screen = OnScreen(frozenset(memory.notes))
    new_terms = [term for term in terms_in(lay_out(80, on_screen), memory.glossary) if term.id not in memory.terms]

    def whole(width: int) -> str:
        words = definitions_block(new_terms, width)
        return lay_out(width, on_screen).rstrip("\n") + ("\n\n" + "\n".join(words) if words else "")

    keys = [] if original is None else [_(ORIGINAL)]
    prompts = Prompts(
        prompt(terminal, _("more"), _("Enter: next page"), _(back), *keys),
        prompt(terminal, where, *(_(phrase) for phrase in ending), *keys),
    )
    sources = (lambda width: sources_text(notes, width)) if notes else None
    shown = page(terminal, whole, prompts, sources, original)
    said = " ".join(shown.text.split())
    memory.notes |= {note.id for note in notes if note_label(note) in said}
    memory.terms |= {term.id for term in new_terms if " ".join(definition(term).split()[:4]) in said}
    return shown.to_the_end


def read_list_notes(result: Result, terminal: Terminal, memory: Memory) -> None:
    """The explorer's notes about the whole list, on a page of their own before it (rather than
    scrolled away above it); after a change of answers, the notes already read are named only."""
    if result.notes:
        read_page(
            terminal,
            memory,
            lambda width, shown: "\n" + "\n".join(list_notes_text(result.notes, width, shown)),
            result.notes,
            _("the notes on the whole list"),
            [N_("Enter: the reading list")],
            back=SKIP,
        )


def next_unread(ids: list[str], read: MutableSet[str], after: str | None = None) -> str | None:
    """The first unread entry after `after` (from the top when nothing unread follows it)."""
    start = ids.index(after) + 1 if after in ids else 0
    for section_id in [*ids[start:], *ids[:start]]:
        if section_id not in read:
            return section_id
    return None


class Comparison:
    """The comparison as the session shows it: its page at a width with the notes shown as given,
    and the notes it carries."""

    def __init__(self, lay_out: LayOut, notes: Sequence[ShownNote]) -> None:
        self.lay_out, self.notes = lay_out, notes


def read(
    result: Result,
    terminal: Terminal,
    read_ids: MutableSet[str] | None = None,
    comparison: Callable[[], Comparison] | None = None,
    memory: Memory | None = None,
) -> str:
    """Until Finish (returns FINISH) or "Change an answer" (returns CHANGE). `read_ids` collects
    the sections read, so that the marks outlive a change of answers; `comparison` gives the
    comparison when the menu offers it; `memory`, what the session has shown already."""
    read_ids = set() if read_ids is None else read_ids
    memory = memory or Memory()
    by_id = {item.id: item for item in result.suggestions}
    ids = list(by_id)
    terminal.show("\n" + overview_text(result, terminal.width))
    headings, details = group_headings(result), entry_details(result)
    cursor: str | None = next_unread(ids, read_ids)
    # Offered after the sections when a priority was rated "a lot" or "somewhat".
    matters = result.matters if result.matters is not None and result.matters.points else None
    while True:
        read_mark = _(READ_MARK)
        choices = [(by_id[i].title + (read_mark if i in read_ids else ""), i) for i in ids]
        if matters is not None:
            label = personalize(_(MATTERS_LABEL), result.answers.for_whom, language())
            choices.append((label + (read_mark if MATTERS in read_ids else ""), MATTERS))
        if comparison is not None:
            choices.append((_(COMPARE_LABEL), COMPARE))
        choices += [(_(CHANGE_LABEL), CHANGE), (_(FINISH_LABEL), FINISH)]
        unread_matters = MATTERS if matters is not None and MATTERS not in read_ids else None
        picked = terminal.menus.select(
            _(MENU_QUESTION),
            choices,
            default=cursor or unread_matters or FINISH,
            headings=headings,
            details=details,
            shown_once=True,
        )
        if picked in (FINISH, CHANGE):
            return str(picked)
        if picked == MATTERS and matters is not None:
            read_ids.add(MATTERS)
            entries = [e for point in matters.points for e in (*point.options, point.about_all) if e is not None]
            notes = [note for entry in entries for note in entry.notes]
            read_page(
                terminal,
                memory,
                lambda width, shown: "\n" + matters_text(matters, width, shown, plain=terminal.plain),
                notes,
                _("end of what matters"),
                [N_("Enter: back to the list")],
            )
            cursor = next_unread(ids, read_ids)  # then Finish, once every section is read
            continue
        if picked == COMPARE and comparison is not None:
            shown = comparison()
            read_page(
                terminal,
                memory,
                _apart(shown.lay_out),
                shown.notes,
                _("end of the comparison"),
                [N_("Enter: back to the list")],
            )
            cursor = picked
            continue
        cursor = _read_on(picked, ids, by_id, read_ids, terminal, memory)


def _apart(lay_out: LayOut) -> LayOut:
    """The page after a blank line, set apart from what is above it."""
    return lambda width, shown: "\n" + lay_out(width, shown)


def _original(item: Suggestion) -> Callable[[int], str] | None:
    """A translated section's English original at a width (its key in the pager); None otherwise."""
    if item.translation is None:
        return None
    return lambda width: original_page(item, width)


def _section_page(item: Suggestion, plain: bool, said: dict[str, int], source_known: bool) -> LayOut:
    return lambda width, shown: reading_page(item, width, shown, plain, said, source_known)


def _read_on(
    section_id: str,
    ids: list[str],
    by_id: dict[str, Suggestion],
    read_ids: MutableSet[str],
    terminal: Terminal,
    memory: Memory,
) -> str | None:
    """Reads `section_id`, then on to the next unread section for as long as Enter is pressed;
    returns where the list's cursor goes: the next unread section, or None (Finish)."""
    current: str | None = section_id
    while current is not None:
        read_ids.add(current)
        following = next_unread(ids, read_ids, after=current)
        ending = [N_("Enter: next section"), BACK] if following is not None else [N_("Enter: back to the list")]
        item, number = by_id[current], ids.index(current) + 1
        to_the_end = read_page(
            terminal,
            memory,
            _apart(_section_page(item, terminal.plain, dict(memory.reasons), item.source_label in memory.documents)),
            item.notes,
            _("end of section {number} of {count}").format(number=number, count=len(ids)),
            ending,
            original=_original(item),
        )
        for reason in item.reasons:  # the first screen gives them: given, however far it was read
            memory.reasons.setdefault(reason, number)
        memory.documents.add(item.source_label)
        if not to_the_end:
            return following
        current = following
    return None
