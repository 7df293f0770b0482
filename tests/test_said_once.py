"""Each thing is said once in a session, in a real terminal: an explorer's note shown in full is
named in one line wherever it applies again (after "Change an answer" too), a reason given in full
is given in its short form under the next sections, a word of the glossary is defined under the
first page that uses it; the notes' sources are one key away (s), whole, instead of printed under
every note. Without a terminal: the pieces that decide it."""

from __future__ import annotations

import re

from explorer.content.notes import ShownNote, Source
from explorer.render.glossary import definition, terms_in
from explorer.render.notes import OnScreen, list_notes_text, notes_block, pointer, sources_text

from .helpers.keys import CTRL_C, ENTER
from .helpers.pty import (
    MORE,
    NOTES_END,
    PLAIN_PROGRAM,
    PROGRAM,
    SECTION_END,
    TYPING_LINE,
    assert_stopped_calmly,
    past_the_answers,
    plain,
    press_enter_everywhere,
    program_output,
    recorded,
    spawn,
)

# Someone I care about, a residential program, a monthly shot, detox completed, counseling and
# peer support, the topic "Overdose": the notes on lost tolerance and on the 7 to 10 days come
# back under several sections.
AFTER_DETOX = ["2", "3", "2", "3", "1", "1", "4"]
LOST_TOLERANCE = "After a time without opioids, the body's tolerance drops."


def flat(text: str) -> str:
    return " ".join(text.split())


def whole_plain_session(answers: list[str], cols: int = 100) -> str:
    """A --plain session with `answers`, then Enter at every screen to the end: what it printed."""
    child = spawn(PLAIN_PROGRAM, rows=24, cols=cols)
    raw = recorded(child)
    for answer in answers:
        child.expect(TYPING_LINE)
        child.sendline(answer)
    assert press_enter_everywhere(child, plain_menus=True) == 0
    return plain(program_output(raw))


def test_a_note_shown_in_full_is_named_in_one_line_where_it_applies_again():
    shown = flat(whole_plain_session(AFTER_DETOX))
    assert shown.count(LOST_TOLERANCE) == 1  # in full once: on the page of notes about the whole list
    named = re.findall(r"See the explorer's notes? on ([^.]*), shown earlier\.", shown)
    assert any("lost tolerance" in names for names in named), named
    assert any("the 7 to 10 days before naltrexone" in names for names in named), named
    assert "https://" not in shown  # the sources are one key away, not under every note
    assert "Sources:" not in shown


def test_a_reason_given_in_full_is_short_under_the_next_sections():
    shown = flat(whole_plain_session(AFTER_DETOX))
    whole = "Because you said detox is completed: what the documents say about methadone, buprenorphine and naltrexone."
    assert shown.count(whole) == 1
    assert re.search(r"Why: Because you said detox is completed \(as for section \d+\)\.", shown)


def test_a_word_is_defined_under_the_first_page_that_uses_it_and_not_again():
    shown = flat(whole_plain_session(AFTER_DETOX))
    for word in ("tolerance", "naloxone", "precipitated withdrawal"):
        assert shown.count(f"{word}: ") == 1, word  # its definition, once
    assert shown.index("What some words here mean:") < shown.index("Reading list:")  # under the first page


def test_after_changing_an_answer_the_notes_on_the_whole_list_are_named_not_repeated():
    child = spawn(PLAIN_PROGRAM, rows=60, cols=100)
    for answer in AFTER_DETOX:
        child.expect(TYPING_LINE)
        child.sendline(answer)
    past_the_answers(child, plain=True)
    child.expect(r"Reading list: (\d+) sections")
    count = int(child.match.group(1))
    child.expect(TYPING_LINE)
    child.sendline(str(count + 2))  # Change an answer
    child.expect("Which answer would you like to change?")
    child.expect(TYPING_LINE)
    child.sendline("5")  # counseling
    child.expect(TYPING_LINE)
    child.sendline("2")  # no
    child.expect(TYPING_LINE)
    child.sendline("")  # go on
    child.expect(NOTES_END)
    again = flat(plain(child.before))
    assert LOST_TOLERANCE not in again
    assert "See the explorer's notes on " in again and "lost tolerance" in again
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_s_shows_the_sources_of_the_notes_on_the_page_with_whole_addresses():
    cols = 60
    child = spawn(PROGRAM, rows=24, cols=cols)
    raw = recorded(child)
    for answer in AFTER_DETOX[:-1]:
        child.expect(r"\(arrow keys")  # drawn: keys sent earlier are lost
        child.send(answer + ENTER)
    child.expect("Space to tick")
    child.send(AFTER_DETOX[-1] + " " + ENTER)
    past_the_answers(child)
    child.expect(r"\(arrow keys")
    child.send(ENTER)  # the first section, naloxone: notes of its own
    child.expect([MORE, SECTION_END])
    assert "https://" not in plain(program_output(raw))
    child.send("s")  # one key, no Enter
    child.expect("Sources of the explorer's notes here:")
    child.expect([MORE, SECTION_END])  # asked again, on the same page
    sources = plain(child.before)
    addresses = re.findall(r"https://\S+", sources)
    assert len(addresses) >= 3
    for address in addresses:  # whole, each on a line of its own: none ends in a hyphen it was cut at
        line = next(line for line in sources.splitlines() if address in line)
        assert line.strip() == address, line
    assert "On a second dose of naloxone:" in flat(sources)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


# ---- without a terminal ---------------------------------------------------------------------------


def _note(note_id: str, name: str, text: str) -> ShownNote:
    source = Source(publisher="FDA", title="A label", address="https://www.fda.gov/a-page-" + "x" * 70, date="2026")
    return ShownNote(id=note_id, name=name, kind="safety", text=text, checked="2026-12-06", sources=(source,))


NOTES = (_note("one", "the first thing", "The first note says this."), _note("two", "the second", "It says that."))


def test_on_screen_a_note_is_full_once_then_named_with_the_others_in_one_sentence():
    first = flat(notes_block(NOTES, 80, OnScreen(frozenset())))
    assert "The first note says this." in first
    assert "s: their sources" in first  # the key is named where the notes are
    assert "https://" not in first
    again = notes_block(NOTES, 80, OnScreen(frozenset({"one", "two"}))).strip()
    assert again == "See the explorer's notes on the first thing and on the second, shown earlier."
    assert pointer(NOTES[:1]) == "See the explorer's note on the first thing, shown earlier."
    mixed = flat("\n".join(list_notes_text(NOTES, 80, OnScreen(frozenset({"one"})))))
    assert "It says that." in mixed and "The first note says this." not in mixed


def test_the_sources_keep_every_address_whole_whatever_the_width():
    shown = sources_text(NOTES, 40)
    address = NOTES[0].sources[0].address
    assert f"      {address}" in shown.splitlines()  # longer than the width, yet on one line
    assert shown.count("On the first thing:") == 1 and shown.count("On the second:") == 1  # each note once


def test_a_planted_second_full_showing_would_be_seen():
    # The session's check is a count of the note's words: it sees a note printed twice.
    twice = flat("\n".join(notes_block(NOTES, 80, OnScreen(frozenset())) for _ in range(2)))
    assert twice.count("The first note says this.") == 2


def test_terms_are_found_in_any_form_and_capitals_only_for_abbreviations(catalog):
    glossary = tuple(catalog.glossary.values())
    found = [term.term for term in terms_in("After detoxification, the mat and a take-home\ndose.", glossary)]
    assert found == ["detox", "take-home dose"]  # "mat" is not MAT; a form wrapped over two lines is
    assert [term.term for term in terms_in("MAT helps.", glossary)] == ["MAT"]
    assert definition(catalog.glossary["relapse"]).startswith("relapse: Starting to use")
