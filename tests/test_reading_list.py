"""The reading list in a real terminal, with both kinds of menus: Enter alone leads through every
section in order to the end; what was read is marked and the cursor moves on to the next unread
entry; a section's page shows its reasons, cautions and notes before the document's words, paged
on a short screen (Enter, b or q back to the list); an answer can be changed from the list; the
comparison opens from it, paged. The list fits the screen: its group headings and the pointed
entry's short reason are drawn with it. The groups and the plain menu's short reasons are also
checked without a terminal at the end.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pexpect
import pytest

from explorer.ask.numbered_menus import NumberedMenus
from explorer.render.result import CAUTION_INSIDE, entry_detail, entry_details, group_headings, grouped

from .helpers.checks import assert_referral_last
from .helpers.content import PROJECT_ROOT, edit_file, refused
from .helpers.keys import CTRL_C, DOWN, ENTER, UP
from .helpers.pty import (
    FINISH_AFTER,
    MORE,
    PAGER_LINE,
    PLAIN_PROGRAM,
    PROGRAM,
    SECTION_END,
    STEP,
    TYPING_LINE,
    assert_stopped_calmly,
    assert_terminal_sane,
    decline_the_summary,
    finish,
    past_the_answers,
    past_the_step,
    plain,
    press_enter_everywhere,
    program_output,
    recorded,
    screen_lines,
    screen_now,
    spawn,
    to_the_reading_list,
)

PAGER_END = PAGER_LINE  # every pager line ends so, however the width wraps it
SECTION_ENDS = re.compile(r"[Ee]nd of section \d+ of \d+")


def without_pager_lines(shown: str) -> str:
    """What the pages say, the pager's lines taken out (the last line of each, where it wraps)."""
    return re.sub(r"[^\n]*list(?: --|\.) ", "", shown)


def titles_for(answers: dict) -> list[str]:
    """The reading list's titles, in order, as the scripted JSON gives them."""
    return [item["title"] for item in suggestions_for(answers)]


def suggestions_for(answers: dict) -> list[dict]:
    """The reading list's entries, in order, as the scripted JSON gives them."""
    run = subprocess.run(
        [sys.executable, "-m", "explorer", "--answers", "-", "--format", "json"],
        input=json.dumps(answers).encode(),
        capture_output=True,
        cwd=PROJECT_ROOT,
        check=True,
    )
    return json.loads(run.stdout)["suggestions"]


def document_labels() -> list[str]:
    """How the section pages name their documents (titles, or the explorer's description)."""
    from explorer.content.catalog import load_catalog

    catalog = load_catalog()
    return [catalog.document_label(file) for file in catalog.documents]


@pytest.mark.parametrize(
    "program, cols",
    [(PROGRAM, 80), (PLAIN_PROGRAM, 80), (PROGRAM, 200), (PLAIN_PROGRAM, 40), (PROGRAM, 40)],
    ids=["arrow-80", "plain-80", "arrow-200", "plain-40", "arrow-40"],
)
def test_enter_at_every_screen_reads_every_section_in_order_and_ends_with_the_referral(program, cols):
    titles = titles_for({})  # Enter alone at every question: "I'm not sure" everywhere
    child = spawn(program, rows=24, cols=cols)
    raw = recorded(child)
    assert press_enter_everywhere(child, program == PLAIN_PROGRAM) == 0
    child.expect(pexpect.EOF)
    assert_terminal_sane(plain(child.before))  # stty's report
    shown = plain(program_output(raw))
    assert_referral_last(shown)
    assert len(SECTION_ENDS.findall(shown)) == len(titles)  # each section once
    # In the order of the list: each section's page starts with its title, then its source.
    starts = "|".join(re.escape(label.split()[0]) for label in document_labels())  # a source line
    pages = re.findall(rf"\n\n([^\n]+(?:\n[^\n]+)*?)\nFrom (?:{starts})", without_pager_lines(shown))
    assert [" ".join(p.split()) for p in pages] == titles
    if program == PLAIN_PROGRAM:  # the numbered menus draw nothing twice: every line is as printed
        assert max(len(line) for line in shown.splitlines()) < cols, "a line wider than the terminal"


@pytest.mark.parametrize("program", [PROGRAM, PLAIN_PROGRAM], ids=["arrow", "plain"])
def test_with_what_matters_answered_enter_at_every_screen_reads_it_after_the_sections(program):
    titles = titles_for({"matters": {"visits": "a_lot"}})
    menu = TYPING_LINE if program == PLAIN_PROGRAM else r"\(arrow keys|Space to tick"
    child = spawn(program, rows=24, cols=80)
    raw = recorded(child)
    for _ in range(7):  # Enter alone at the questions
        child.expect(menu)
        child.send(ENTER)
    child.expect(STEP)
    for number in ("2", "1"):  # yes, say what matters; how often one goes somewhere: a lot
        child.expect(menu)
        child.send(number + ENTER)
    assert press_enter_everywhere(child, program == PLAIN_PROGRAM) == 0  # the other six: I'm not sure
    shown = plain(program_output(raw))
    assert_referral_last(shown)
    assert len(SECTION_ENDS.findall(shown)) == len(titles)  # each section once
    assert shown.lower().count("end of what matters") == 1
    last_section = [m.start() for m in SECTION_ENDS.finditer(shown)][-1]
    assert last_section < shown.lower().index("end of what matters") < shown.rindex("Save a summary")
    assert "How often one goes somewhere for it (how much it matters: A lot)" in shown


def test_the_arrow_reader_marks_what_was_read_and_moves_the_cursor_on():
    titles = titles_for({})
    child = spawn(PROGRAM, rows=24, cols=80)
    raw = recorded(child)
    to_the_reading_list(child)
    child.expect(r"\(arrow keys")
    child.send(ENTER)  # opens the first entry
    while child.expect([MORE, SECTION_END]) == 0:
        child.send(ENTER)
    child.expect(PAGER_END)
    child.send("b")  # back to the list, on one key
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.expect(re.escape(titles[2][:20]))
    screen = screen_lines(raw, 80, 24)
    drawn = screen[max(i for i, line in enumerate(screen) if "Open a section" in line) :]
    assert any(f"1. {titles[0][:40]}" in line and "(read)" in line for line in drawn), drawn
    assert not any(f"2. {titles[1][:40]}" in line and "(read)" in line for line in drawn), drawn
    pointed = [line for line in drawn if "»" in line]
    assert len(pointed) == 1, drawn
    assert f"2. {titles[1][:30]}" in pointed[0], drawn  # the next unread entry
    child.send(CTRL_C)  # and Ctrl-C in the reading list still ends with the referral
    assert_stopped_calmly(child)


def test_the_numbered_reader_marks_what_was_read_in_words_and_offers_the_next():
    child = spawn(PLAIN_PROGRAM, rows=24, cols=80)
    for _ in range(7):
        child.expect(TYPING_LINE)
        child.sendline("")
    past_the_answers(child, plain=True)
    child.expect("Open a section to read it, or finish:")
    child.expect(r"Enter alone: 1\): ")
    child.sendline("3")
    while child.expect([MORE, SECTION_END]) == 0:
        child.sendline("")
    child.expect(PAGER_END)
    child.sendline("b")
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE)
    assert "1. " not in plain(child.before)  # the list is not read out again unasked
    assert "alone: 4)" in plain(child.after)  # Enter alone: the next unread entry after the one read
    child.sendline("l")  # the list, on request
    child.expect(TYPING_LINE)
    menu = plain(child.before)
    assert re.search(r"  3\. [^\n]*\(read\)", menu), menu
    assert "(read)" not in menu.replace(re.search(r"  3\. [^\n]*\(read\)", menu).group(0), "")
    assert "alone: 4)" in plain(child.after)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_after_the_last_section_the_cursor_rests_on_finish():
    child = spawn(PLAIN_PROGRAM, rows=200, cols=100)
    for _ in range(7):
        child.expect(TYPING_LINE)
        child.sendline("")
    past_the_answers(child, plain=True)
    child.expect(r"Reading list: (\d+) sections")
    count = int(child.match.group(1))
    child.expect(TYPING_LINE)
    child.sendline(str(count))  # the last entry first: Enter then goes on to the first unread
    for _ in range(count):
        child.expect(PAGER_END)
        child.sendline("")
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE)
    assert f"alone: {count + FINISH_AFTER})" in plain(child.after)  # Enter alone: Finish
    child.sendline("l")  # the list, read out again on request
    child.expect(TYPING_LINE)
    assert plain(child.before).count("(read)") == count
    child.sendline("")
    decline_the_summary(child)
    shown, code, stty = finish(child)
    assert code == 0
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def test_the_section_view_shows_reasons_cautions_and_notes_before_the_text():
    chosen = {
        "for_whom": "someone_else",
        "setting": "doctor_office",
        "dosing": "monthly",
        "detox": "in_progress",
        "counseling": "yes",
        "support_groups": "yes",
        "interests": ["overdose"],
    }
    cautioned = str(1 + next(i for i, item in enumerate(suggestions_for(chosen)) if item["cautions"]))
    child = spawn(PLAIN_PROGRAM, rows=200, cols=100)
    # someone else; a doctor's office; a monthly injection; detox in progress; yes; yes; overdose
    for answer in ["2", "2", "2", "2", "1", "1", "4"]:
        child.expect(TYPING_LINE)
        child.sendline(answer)
    past_the_answers(child, plain=True)
    child.expect("Open a section to read it, or finish:")
    # Said with the entry in the menu, in its short form (wherever the width wraps it).
    child.expect(r"\s+".join(map(re.escape, CAUTION_INSIDE.split())))
    child.expect(TYPING_LINE)
    child.sendline(cautioned)
    child.expect(SECTION_END)
    page = plain(child.before)
    assert "Caution: Detox is not marked as completed" in page
    assert page.index("Why: ") < page.index("Caution: ") < page.index("The document says:")
    child.sendline("b")
    child.expect(TYPING_LINE)
    child.sendline("1")  # naloxone: the explorer's note on it, before the document's words
    child.expect(SECTION_END)
    page = plain(child.before)
    assert page.index("Explorer's note") < page.index("The document says:") < page.index("Naloxone is used to")
    child.send(CTRL_C)  # inside a section
    assert_stopped_calmly(child)


@pytest.mark.parametrize("kind", ["plain", "arrow"])
def test_changing_an_answer_from_the_reading_list_changes_the_list(kind):
    before = titles_for({})
    after = titles_for({"setting": "residential"})
    assert before != after  # the test can tell the two lists apart
    child = spawn(PLAIN_PROGRAM if kind == "plain" else PROGRAM, rows=60, cols=100)
    if kind == "plain":
        for _ in range(7):
            child.expect(TYPING_LINE)
            child.sendline("")
        past_the_answers(child, plain=True)
        child.expect(TYPING_LINE)
        child.sendline(str(len(before) + 2))  # Change an answer
        child.expect("Which answer would you like to change?")
        child.expect(TYPING_LINE)
        child.sendline("2")  # Setting
        child.expect("Changing: Setting")
        child.expect(TYPING_LINE)
        child.sendline("3")  # a residential program
    else:
        to_the_reading_list(child)
        child.expect(r"\(arrow keys")
        child.send(UP * 2 + ENTER)  # up from the first entry: Finish, then Change an answer
        child.expect("Which answer would you like to change?")
        child.expect(r"\(arrow keys")
        child.send(DOWN + ENTER)  # Setting
        child.expect("Changing: Setting")
        child.expect(r"\(arrow keys")
        child.send("3" + ENTER)  # a residential program
    child.expect("Setting: A residential")  # the answers shown again
    past_the_answers(child, plain=kind == "plain")
    child.expect(r"Reading list: (\d+) sections")
    assert int(child.match.group(1)) == len(after)
    child.expect("Open a section to read it, or finish:")
    child.expect("What fits the answers")  # a preference now: a group of its own, in the menu
    child.expect(TYPING_LINE if kind == "plain" else re.escape(after[-1][:20]))
    child.send(CTRL_C)
    assert_stopped_calmly(child)


@pytest.mark.parametrize("kind", ["plain", "arrow"])
def test_the_comparison_opens_from_the_reading_list_paged_on_a_short_terminal(kind):
    rows = 24
    child = spawn(PLAIN_PROGRAM if kind == "plain" else PROGRAM, rows=rows, cols=80)
    count = len(titles_for({}))
    if kind == "plain":
        for _ in range(7):
            child.expect(TYPING_LINE)
            child.sendline("")
        past_the_answers(child, plain=True)
        child.expect("Open a section to read it, or finish:")
        child.expect(TYPING_LINE)
        child.sendline(str(count + 1))  # Compare the medicines side by side
    else:
        to_the_reading_list(child)
        child.expect(r"\(arrow keys")
        child.send(UP * 3 + ENTER)  # up from the first entry: Finish, Change an answer, Compare
    pages = []
    while True:
        child.expect(PAGER_END)
        pages.append(plain(child.before))
        if "end of the comparison" in pages[-1][-80:].lower():
            break
        child.send(ENTER)
    whole = "".join(pages)
    assert "Compare the medications" in whole
    assert "Methadone" in whole
    assert "Naltrexone" in whole
    assert len(pages) > 2  # paged
    for shown in pages[1:]:  # a screenful each, the pager's line included
        assert len(shown.strip().split("\n")) <= rows - 1, shown
    assert ("┌" in whole) is (kind == "arrow")  # the linear form with the numbered menus
    # Inside a session a quote names its section by title, and no command is offered to run.
    assert "(from" in whole
    assert "(section " not in whole
    assert "treatment-explorer" not in whole
    child.send(ENTER)  # back to the list
    child.expect("Open a section to read it, or finish")
    child.expect(TYPING_LINE if kind == "plain" else r"\(arrow keys")
    child.send(CTRL_C)
    assert_stopped_calmly(child)


@pytest.mark.parametrize("where", ["answers summary", "notes page", "comparison"])
def test_ctrl_c_at_the_answers_the_notes_page_or_the_comparison_ends_with_the_referral(where):
    child = spawn(PLAIN_PROGRAM, rows=24, cols=80)
    for _ in range(7):
        child.expect(TYPING_LINE)
        child.sendline("")
    past_the_step(child, plain=True)
    child.expect("Go on, or change an answer")
    child.expect(TYPING_LINE)
    if where != "answers summary":
        child.sendline("")
        child.expect(PAGER_END)
        if where == "comparison":
            while "Enter: the reading list." not in " ".join(plain(child.before + child.after).split())[-60:]:
                child.sendline("")
                child.expect(PAGER_END)
            child.sendline("")
            child.expect(r"Reading list: (\d+) sections")
            count = int(child.match.group(1))
            child.expect(TYPING_LINE)
            child.sendline(str(count + 1))
            child.expect(PAGER_END)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


# ---- the list fits the screen: headings in the menu, the pointed entry's reason under it ---------

# A typical profile (14 entries in 2 groups): myself, a clinic visited daily, a daily dose, detox
# not started, counseling yes, peer support no, no topics.
TYPICAL = {
    "for_whom": "self",
    "setting": "clinic_daily",
    "dosing": "daily",
    "detox": "not_started",
    "counseling": "yes",
    "support_groups": "no",
}
TYPICAL_KEYS = ["1", "1", "1", "1", "1", "2", ""]  # the same, typed (number keys, then Enter)
ACTIONS = ["Compare the medicines side by side", "Change an answer", "Finish (shows where to get help)"]


def typical_list(catalog):
    from explorer.content.answers import Answers
    from explorer.infer.run import result_for

    return result_for(catalog, Answers(**TYPICAL))


def arrow_reading_list(cols: int, rows: int = 24):
    child = spawn(PROGRAM, rows=rows, cols=cols)
    raw = recorded(child)
    for key in TYPICAL_KEYS:
        child.expect(r"\(arrow keys")  # drawn: keys sent earlier are lost
        child.send(key + ENTER)
    past_the_answers(child)
    child.expect("Open a section to read it, or finish")
    return child, raw


def flat(screen: list[str]) -> str:
    """The screen's text with its wrapping undone: a wrapped line reads as one."""
    return " ".join(" ".join(screen).split())


def screen_once(child, raw, cols: int, rows: int, *wanted: str) -> list[str]:
    """The screen once every `wanted` text is on it at the same time (or as it is after 20 s):
    the menu redraws only what changed, so no single write carries it all."""
    for _ in range(100):
        screen = screen_now(raw, cols, rows)
        if all(text in flat(screen) for text in wanted):
            break
        child.expect([pexpect.TIMEOUT, pexpect.EOF], timeout=0.2)  # reads what has come
    return screen


def pointed(screen: list[str]) -> str:
    lines = [line for line in screen if "»" in line]
    assert len(lines) == 1, screen
    return lines[0]


@pytest.mark.parametrize("cols", [80, 200])
def test_at_24_rows_the_whole_grouped_menu_and_the_pointed_reason_are_on_screen_together(catalog, cols):
    result = typical_list(catalog)
    entries = [f"{number}. {item.title}" for number, item in enumerate(result.suggestions, start=1)]
    headings = [heading for heading, _ in grouped(result)]
    assert len(entries) >= 14
    assert len(headings) >= 2  # a list longer than the screen, with its overview
    child, raw = arrow_reading_list(cols)
    first = f"1: {entry_detail(result.suggestions[0])}"
    screen = screen_once(child, raw, cols, 24, *headings, *entries, first)
    shown = flat(screen)
    assert "Open a section to read it, or finish" in shown, screen
    for text in [*headings, *entries, *ACTIONS, first]:
        assert text in shown, (text, screen)
    assert "1. " in pointed(screen)
    # a heading is a line of its own, above its first entry, and has no number
    for heading, group in grouped(result):
        at = next(i for i, line in enumerate(screen) if line.strip() == heading)
        assert f"{group[0][0]}. " in screen[at + 1], screen

    # Moving the cursor changes the reason shown: on to the first entry with another reason.
    other = next(
        i for i, item in enumerate(result.suggestions) if entry_detail(item) != entry_detail(result.suggestions[0])
    )
    child.send(DOWN * other)
    moved = f"{other + 1}: {entry_detail(result.suggestions[other])}"
    screen = screen_once(child, raw, cols, 24, moved)
    assert moved in flat(screen), screen
    assert first not in flat(screen), screen
    assert f"{other + 1}. " in pointed(screen)
    # A number counts the entries only, not the headings: the last entry's, under the last heading.
    last = len(entries)
    child.send(str(last))
    moved = f"{last}: {entry_detail(result.suggestions[-1])}"
    screen = screen_once(child, raw, cols, 24, moved)
    assert moved in flat(screen), screen
    assert f"{last}. {result.suggestions[-1].title[:20]}" in pointed(screen)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_at_40_columns_the_pointed_entry_its_heading_and_its_reason_stay_in_view(catalog):
    result = typical_list(catalog)
    child, raw = arrow_reading_list(40)
    first = result.suggestions[0]
    screen = screen_once(child, raw, 40, 24, f"1: {entry_detail(first)}", f"1. {first.title}")
    for text in [first.group, f"1. {first.title}", f"1: {entry_detail(first)}"]:
        assert text in flat(screen), (text, screen)
    last = result.suggestions[-1]  # further down than the screen reaches: the list scrolls to it
    child.send(str(len(result.suggestions)))
    moved = f"{len(result.suggestions)}: {entry_detail(last)}"
    screen = screen_once(child, raw, 40, 24, moved)
    for text in [last.group, f"{len(result.suggestions)}. {last.title}", moved]:
        assert text in flat(screen), (text, screen)
    assert max(len(line) for line in screen) <= 40
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_at_80x24_a_list_taller_than_the_screen_says_what_is_further_down():
    child = spawn(PROGRAM, rows=24, cols=80)
    raw = recorded(child)
    # Someone else, a residential program, monthly, detox completed, counseling, peer support,
    # overdose: 20 sections in 3 groups, taller than 24 lines.
    for key in ["2", "3", "2", "3", "1", "1"]:
        child.expect(r"\(arrow keys")
        child.send(key + ENTER)
    child.expect("Space to tick")
    child.send("4 " + ENTER)
    past_the_answers(child)
    child.expect("Open a section to read it, or finish")
    sign = "↓ further down: Compare the medicines side by side, Change an answer, Finish"
    screen = screen_once(child, raw, 80, 24, sign)
    assert sign in flat(screen), screen
    assert "Finish (shows where to get help)" not in flat(screen)  # out of view, hence the sign
    child.send(UP)  # to Finish: the end of the list in view, the sign goes
    screen = screen_once(child, raw, 80, 24, "Finish (shows where to get help)")
    assert "Finish (shows where to get help)" in flat(screen)
    assert "further down" not in flat(screen), screen
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_the_plain_menu_shows_the_headings_and_the_reasons(catalog):
    result = typical_list(catalog)
    child = spawn(PLAIN_PROGRAM, rows=24, cols=80)
    for key in TYPICAL_KEYS:
        child.expect(TYPING_LINE)
        child.sendline(key)
    past_the_answers(child, plain=True)
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE)
    menu = plain(child.before).splitlines()
    for heading, group in grouped(result):
        at = menu.index(heading)  # a plain line of its own, before its group's first entry
        assert menu[at + 1].startswith(f"  {group[0][0]}. "), menu
    shown = flat(menu)
    for number, item in enumerate(result.suggestions, start=1):
        assert f"{number}. {item.title}" in shown
        assert entry_detail(item) in shown, item.id
    details = [entry_detail(item) for item in result.suggestions]
    shared = max(set(details), key=details.count)
    assert details.count(shared) > 1
    assert shown.count(shared) == 1  # a run of entries with one reason: said once, with their numbers
    first, last = details.index(shared) + 1, len(details) - details[::-1].index(shared)
    assert f"{first} to {last}: {shared}" in shown or f"{first} and {last}: {shared}" in shown
    child.send(CTRL_C)
    assert_stopped_calmly(child)


# ---- without a terminal: the groups and the short overview ---------------------------------------


def test_the_groups_follow_the_tiers_and_keep_the_numbers(catalog):
    from explorer.content.answers import Answers
    from explorer.infer.run import result_for

    answers = Answers(setting="doctor_office", detox="in_progress", counseling="yes", interests=("overdose",))
    result = result_for(catalog, answers)
    groups = grouped(result)
    headings = [heading for heading, _ in groups]
    assert headings == [h for h in catalog.rules.order.headings() if h in headings]  # in the policy's order
    numbers = [number for _, entries in groups for number, _ in entries]
    assert numbers == list(range(1, len(result.suggestions) + 1))  # the menu's numbers, unbroken
    assert headings[0] == "Safety first"


def test_the_plain_menu_says_a_shared_reason_once_and_only_the_short_forms(catalog):
    from explorer.content.answers import Answers
    from explorer.infer.run import result_for

    answers = Answers(
        for_whom="someone_else",
        setting="doctor_office",
        dosing="monthly",
        detox="in_progress",
        counseling="yes",
        support_groups="yes",
        interests=("overdose", "side_effects"),
    )
    result = result_for(catalog, answers)
    said: list[str] = []
    menus = NumberedMenus(79, say=said.append, read_line=lambda prompt: "1")
    choices = [(item.title, item.id) for item in result.suggestions]
    menus.select("Open:", choices, headings=group_headings(result), details=entry_details(result))
    menu = " ".join(" ".join(said).split())
    shared = "Because you asked about overdose."
    assert sum(1 for item in result.suggestions if entry_detail(item) == shared) > 1
    assert menu.count(shared) == 1
    # The long forms live in the section view: no whole reason, caution or note here.
    assert "Explorer's note" not in menu
    assert "Caution:" not in menu
    assert menu.count(CAUTION_INSIDE) == len({entry_detail(i) for i in result.suggestions if i.cautions})
    assert all(entry_detail(item) in menu for item in result.suggestions)


def test_a_heading_that_comes_back_after_another_is_refused(content_copy):
    from explorer.content.catalog import load_catalog

    edit_file(
        content_copy / "rules" / "order.toml",
        'heading = "General reading"',
        'heading = "Safety first"',
    )
    error = refused(lambda: load_catalog(content_copy), "order.toml")
    assert "comes back" in str(error)


def test_pages_long_sections_and_q_goes_back():
    child = spawn(rows=12, cols=60)
    to_the_reading_list(child)
    child.send(ENTER)
    child.expect("-- more · Enter: next page · b: back to the list --")
    page = re.split("─{4,}", plain(child.before), maxsplit=1)[-1]  # printed after the section's header rule
    assert page.strip(), page
    assert all(len(line) <= 59 for line in page.splitlines()), page
    child.send("q")  # q goes back too, though the screen names b
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.send(UP * 2 + ENTER)  # from the next unread entry (2) up past the first to the last: Finish
    decline_the_summary(child)
    shown, code, _ = finish(child)
    assert code == 0
    assert_referral_last(shown)
