"""The session follows the window, in a real terminal resized mid-session (pexpect sets the size,
the terminal sends SIGWINCH; pyte redraws the screen at each size): a section's page, the reading
list's menu and the open comparison are laid out again for the window as it is, from 40x15 to
200x50, with no line wider than the window and no word cut. Without a terminal: the pager keeps
its place in the text when the width changes."""

from __future__ import annotations

import json
import subprocess
import sys

import pexpect
import pyte
import pytest

from explorer.session.pager import same_place

from .helpers.content import PROJECT_ROOT
from .helpers.keys import CTRL_C, ENTER, UP
from .helpers.pty import (
    PAGER_LINE,
    PLAIN_PROGRAM,
    PROGRAM,
    TYPING_LINE,
    assert_stopped_calmly,
    program_output,
    recorded,
    spawn,
    to_the_reading_list,
)

PAGER = PAGER_LINE
MENU_DRAWN = r"\(arrow keys"


class Screens:
    """The terminal across resizes: what the program drew since the last resize, as a terminal of
    the new size shows it (what was drawn before is the terminal's own business: some cut it,
    some reflow it)."""

    def __init__(self, child: pexpect.spawn, rows: int, cols: int) -> None:
        self.child, self.raw = child, recorded(child)
        self.rows, self.cols, self.fed = rows, cols, 0

    def resize(self, rows: int, cols: int) -> None:
        self.fed = len(program_output(self.raw))
        self.rows, self.cols = rows, cols
        self.child.setwinsize(rows, cols)  # the terminal sends SIGWINCH

    def since_resize(self) -> str:
        """What the program wrote since the last resize."""
        return program_output(self.raw)[self.fed :]

    def now(self) -> list[str]:
        """The lines drawn since the last resize, scrolled past or on the screen."""
        screen = pyte.HistoryScreen(self.cols, self.rows, history=10_000)
        pyte.Stream(screen).feed(self.since_resize())
        scrolled = ["".join(line[x].data for x in range(self.cols)) for line in screen.history.top]
        return [line.rstrip() for line in scrolled + screen.display]


PUNCTUATION = "\"'“”()[],.:;?"


def _words(text: str) -> set[str]:
    """The words of `text`, without the punctuation around them (a title quoted in one place
    and not in another is the same words)."""
    return {word.strip(PUNCTUATION) for word in text.split()} - {""}


def scripted(*args: str, answers: dict | None = None) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        input=json.dumps(answers or {}).encode(),
        capture_output=True,
        cwd=PROJECT_ROOT,
        check=True,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin", "COLUMNS": "200", "LINES": "50"},
    )
    return run.stdout.decode()


def assert_laid_out_for(lines: list[str], cols: int, known_words: set[str]) -> None:
    """Every line fits the window (one column spare, at most 100) and no word was cut: every word
    drawn is one of the text's own."""
    drawn = [line for line in lines if line.strip()]
    assert drawn, lines
    assert max(len(line) for line in drawn) <= min(cols - 1, 100), "\n".join(drawn)
    cut = sorted(word for word in _words("\n".join(drawn)) - known_words if set(word) != {"─"})  # rules aside
    assert cut == [], (cut, "\n".join(drawn))


# The words of a session with Enter alone at the questions beyond its texts (labels, reasons,
# notes, the comparison), which the scripted outputs give: the menus' and the pager's own.
SESSION_WORDS = " ".join(
    [
        "-- · » ↓ more end of section the comparison back to the list b Enter next page",
        "further down Compare the medicines side by side Change an answer Finish shows where to get help",
        "Go on with these answers Your answers What matters to you skipped Open a section to read it or finish",
        "arrow keys or number then Type a number alone s their sources own notes not from the documents",
        "See explorer's shown earlier What some words here mean",
        *(str(number) for number in range(1, 40)),
    ]
)


@pytest.fixture(scope="module")
def known_words() -> set[str]:
    texts = [
        scripted("--answers", "-", "--format", "text"),
        scripted("--answers", "-", "--format", "json"),
        scripted("compare"),
        scripted("compare", "--plain"),
        SESSION_WORDS,
    ]
    return _words("\n".join(texts))


def _drawn_so_far(screens: Screens) -> set[str]:
    """The words drawn before a resize: a word cut after it is none of them."""
    return _words(program_output(screens.raw))


def test_a_section_page_is_laid_out_again_when_the_window_narrows_and_widens(known_words):
    child = spawn(PROGRAM, rows=30, cols=100)
    screens = Screens(child, 30, 100)
    to_the_reading_list(child)
    child.expect(MENU_DRAWN)
    child.send(ENTER)  # the first section
    child.expect(PAGER)
    before = _drawn_so_far(screens)
    for rows, cols in ((15, 40), (50, 200), (20, 60)):
        screens.resize(rows, cols)
        child.expect(PAGER)  # drawn again, laid out for the new size, at the same place
        assert len(screens.since_resize().split("\n")) <= rows + 2  # one screenful, no more
        assert_laid_out_for(screens.now(), cols, known_words | before)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_the_reading_list_menu_is_laid_out_again_with_no_entry_cut(known_words):
    child = spawn(PROGRAM, rows=50, cols=200)
    screens = Screens(child, 50, 200)
    to_the_reading_list(child)
    child.expect(MENU_DRAWN)
    child.expect("Finish")
    before = _drawn_so_far(screens)
    for rows, cols in ((20, 60), (15, 40), (24, 80)):
        screens.resize(rows, cols)
        child.expect(MENU_DRAWN)  # asked again, laid out for the new width
        child.expect([pexpect.TIMEOUT], timeout=1)  # the rest of the drawing
        assert_laid_out_for(screens.now(), cols, known_words | before)
    child.send(UP + ENTER)  # the cursor kept its place across the redrawing: Finish is above the first
    child.expect("Save a summary")
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_the_open_comparison_is_laid_out_again_for_a_narrow_window(known_words):
    child = spawn(PROGRAM, rows=30, cols=120)
    screens = Screens(child, 30, 120)
    to_the_reading_list(child)
    child.expect(MENU_DRAWN)
    child.send(UP * 3 + ENTER)  # up from the first entry: Finish, Change an answer, Compare
    child.expect(PAGER)
    assert "┌" in program_output(screens.raw)  # the boxed table at 120 columns
    before = _drawn_so_far(screens)
    screens.resize(15, 40)
    child.expect(PAGER)
    narrow = screens.now()
    assert "┌" not in "\n".join(narrow) and "│" not in "\n".join(narrow)  # the linear form: the table cannot fit
    assert_laid_out_for(narrow, 40, known_words | before)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_with_plain_the_next_screen_is_laid_out_for_the_window_as_it_is(known_words):
    child = spawn(PLAIN_PROGRAM, rows=24, cols=100)
    screens = Screens(child, 24, 100)
    for _ in range(7):
        child.expect(TYPING_LINE)
        child.sendline("")
    child.expect(TYPING_LINE)
    before = _drawn_so_far(screens)
    screens.resize(15, 40)  # before the step's menu is answered: what follows is for 40 columns
    child.sendline("")
    child.expect("Go on, or change an answer")
    child.expect(TYPING_LINE)
    after = screens.since_resize().split("\n")[1:]  # the echo of Enter aside
    assert_laid_out_for(after, 40, known_words | before)
    child.send(CTRL_C)
    assert_stopped_calmly(child)


# ---- without a terminal ---------------------------------------------------------------------------


def test_the_pager_goes_on_from_the_first_word_not_yet_shown():
    wide = ["one two three four", "five six", "", "seven eight nine"]
    narrow = ["one two", "three four", "five", "six", "", "seven", "eight", "nine"]
    assert same_place(wide, 1, narrow) == 2  # four words shown: on from "five"
    assert same_place(wide, 2, narrow) == 5  # six shown: the blank line is passed, on from "seven"
    assert same_place(narrow, 3, wide) == 1  # "five" shown, "six" not: its line again, nothing skipped
    assert same_place(wide, 0, narrow) == 0
    assert same_place(wide, 4, narrow) == len(narrow)


def test_a_planted_cut_word_is_seen():
    words = _words("Research local treatment facilities and programs")
    assert_laid_out_for(["Research local treatment facilities", "and programs"], 40, words)
    with pytest.raises(AssertionError):
        assert_laid_out_for(["Research local treatment facil", "ities and programs"], 40, words)
