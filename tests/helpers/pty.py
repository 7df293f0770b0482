"""The pseudo-terminal driver: the real program in a real terminal (pexpect), what it shows
(ANSI stripped, or rebuilt by a terminal emulator, pyte), and how a session is walked through."""

from __future__ import annotations

import io
import os
import re
import shlex
import sys
import time
from pathlib import Path

import pexpect
import pyte

from .checks import assert_referral_last
from .content import PROJECT_ROOT
from .keys import ENTER, UP

# CSI sequences (their parameters may start with ? < = >), character sets, keypad modes, window
# titles (OSC), and carriage returns.
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b\][^\x07]*\x07|\r")


PROGRAM = f"{shlex.quote(sys.executable)} -m explorer"


def plain(raw: str) -> str:
    return ANSI.sub("", raw)


def spawn(
    command: str = PROGRAM, rows: int = 40, cols: int = 100, cwd: Path = PROJECT_ROOT, **env_changes: str | None
) -> pexpect.spawn:
    """The explorer in a fresh pseudo-terminal, in `cwd` (where a saved summary lands);
    `env_changes` set (or, with None, remove) variables. PAGER is cat unless a test sets it: the
    commands' long output would otherwise wait in less (tests/test_pager.py tests the pager)."""
    # pexpect is no full terminal: it never answers prompt_toolkit's cursor position requests.
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "PYTHONIOENCODING": "utf-8",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "PAGER": "cat",
    }
    env.pop("NO_COLOR", None)
    env.pop("PYTHONUNBUFFERED", None)  # output buffered, as a person's shell runs the program
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    # Through bash, so that `stty -a` can report the terminal's state after the program ends.
    child = pexpect.spawn(
        "bash",
        ["-c", f"{command}; echo EXIT=$?; stty -a"],
        cwd=str(cwd),
        env=env,
        dimensions=(rows, cols),
        encoding="utf-8",
        timeout=30,
    )
    return child


def finish(child: pexpect.spawn) -> tuple[str, int, str]:
    """Waits for the end; returns (what the program showed, its exit code, stty's report)."""
    child.expect(r"EXIT=(\d+)")
    shown, code = plain(child.before), int(child.match.group(1))
    child.expect(pexpect.EOF)
    return shown, code, plain(child.before)


def assert_terminal_sane(stty: str) -> None:
    flags = stty.split()
    assert "echo" in flags, stty
    assert "-echo" not in flags, stty
    assert "icanon" in flags, stty
    assert "-icanon" not in flags, stty


def assert_ended_calmly(child: pexpect.spawn, status: int) -> str:
    """The program ended with `status`, without a traceback or an apology, the referral last and
    the terminal sane; returns what it showed."""
    shown, code, stty = finish(child)
    assert code == status, shown[-1500:]
    assert "Traceback" not in shown, shown[-1500:]
    assert "sorry, something went wrong" not in shown, shown[-1500:]
    assert_referral_last(shown)
    assert_terminal_sane(stty)
    return shown


def assert_stopped_calmly(child: pexpect.spawn) -> str:
    """Interrupted (exit 130), yet no traceback, the referral last and the terminal sane."""
    return assert_ended_calmly(child, 130)


def decline_the_summary(child: pexpect.spawn) -> None:
    """After Finish: Enter alone at the offer to save a summary (no is the default)."""
    child.expect("Save a summary")  # short: the question may wrap on a narrow terminal
    child.send(ENTER)


STEP = "One more step, optional"  # the line above the optional step "what matters to me"
GO_ON = "Go on, or change an answer"

# The pager's lines: "-- more · Enter: next page · b: back to the list --" with the arrow menus,
# words with --plain ("More. Enter: next page. b: back to the list."). Each ends "list --" or
# "list.", however the width wraps it, then waits for a key (arrow menus) or a line (--plain).
MORE = r"-- more|More\. "
SECTION_END = r"-- end of section|End of section"
# In Spanish: "-- sigue · Enter: página siguiente · b: volver a la lista --" (or "... lectura --").
PAGER_LINE = r"(?:list|lista|lectura|inglés)(?: --|\.) "
NOTES_END = r"Enter: the reading list(?: --|\.)"  # the last line of the notes on the whole list


def past_the_step(child: pexpect.spawn, plain: bool = False) -> None:
    """After the last question: Enter at the optional step's first menu skips it."""
    child.expect(STEP)
    child.expect(TYPING_LINE if plain else r"\(arrow keys")  # drawn: keys sent earlier are lost
    child.send(ENTER)


def past_the_answers(child: pexpect.spawn, plain: bool = False) -> None:
    """After the last question (or a changed answer): skips the optional step if it is asked,
    Enter at the answers' summary (Go on), then at the page of the explorer's notes about the
    whole list."""
    if child.expect([STEP, GO_ON]) == 0:
        child.expect(TYPING_LINE if plain else r"\(arrow keys")
        child.send(ENTER)
        child.expect(GO_ON)
    child.expect(TYPING_LINE if plain else r"\(arrow keys")  # drawn: keys sent earlier are lost
    child.send(ENTER)
    while child.expect([MORE, NOTES_END]) == 0:  # paged on a short screen
        child.send(ENTER)
    child.send(ENTER)


def to_the_reading_list(child: pexpect.spawn) -> None:
    """Answers every question with Enter alone ("I'm not sure", no interests)."""
    child.expect("Who are you exploring")
    for _ in range(7):
        child.send(ENTER)
    past_the_answers(child)
    child.expect("Open a section to read it, or finish")


SAVE_OFFER = r"Save a summary|¿Guardar un resumen"


def press_enter_everywhere(child: pexpect.spawn, plain_menus: bool, limit: int = 200) -> int:
    """Enter alone at every screen, each once it is drawn, until the program ends; returns its
    exit status. Fails past `limit`: a reader that loops never ends."""
    menu = TYPING_LINE if plain_menus else r"\(arrow keys|Space to tick|\(flechas o número"
    screens = [r"EXIT=(\d+)", menu, PAGER_LINE, SAVE_OFFER]
    for _ in range(limit):
        if child.expect(screens) == 0:
            return int(child.match.group(1))
        if child.match.group(0) == SAVE_OFFER:
            child.expect(TYPING_LINE if plain_menus else r"\(y/N\)|\(y = sí / N = no\)")
            screens.pop()  # its answer line repeats the question
        child.send(ENTER)
    raise AssertionError(f"still going after {limit} presses of Enter")


def the_program(child: pexpect.spawn) -> int:
    """The explorer's process id: bash runs it as its only child."""
    return int(Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()[0])


def signal_the_program(child: pexpect.spawn, signum: int) -> None:
    os.kill(the_program(child), signum)  # the explorer itself, not bash


def wait_until_the_program_catches(child: pexpect.spawn, signum: int, timeout: float = 60) -> None:
    """Waits until the program that bash runs has its own handler for `signum` (the kernel's
    SigCgt mask in /proc), for a key or signal sent when nothing is on the screen yet to expect:
    sent earlier, under load, it would meet the default (Ctrl-\\ dumps core, exit 131)."""
    children = Path(f"/proc/{child.pid}/task/{child.pid}/children")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = children.read_text().split()
        if pids:
            status = Path(f"/proc/{pids[0]}/status").read_text()
            caught = int(re.search(r"^SigCgt:\s*([0-9a-f]+)", status, re.MULTILINE).group(1), 16)
            if caught >> (signum - 1) & 1:
                return
        time.sleep(0.01)
    raise AssertionError(f"the program did not catch signal {signum} within {timeout} s")


PLAIN_PROGRAM = f"{PROGRAM} --plain"


FINISH_AFTER = 3  # the reading list's menu: the sections, Compare, Change an answer, then Finish

# The end of the line where a number is typed (in Spanish: "(solo Enter: 3): ", "(del 1 al 7): ").
TYPING_LINE = r"(alone:\s+[^)]*|to\s+\d+|solo Enter:\s+[^)]*|del 1 al\s+\d+)\): "


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def recorded(child: pexpect.spawn) -> io.StringIO:
    """Everything the program writes to the terminal, escape sequences included."""
    raw = io.StringIO()
    child.logfile_read = raw
    return raw


def program_output(raw: io.StringIO) -> str:
    return raw.getvalue().split("EXIT=")[0]  # what follows is bash's and stty's


def screen_lines(raw: io.StringIO, cols: int, rows: int) -> list[str]:
    """Every line the session left on the screen or scrolled past, as a terminal draws it."""
    screen = pyte.HistoryScreen(cols, rows, history=100_000)
    pyte.Stream(screen).feed(program_output(raw))
    scrolled = ["".join(line[x].data for x in range(cols)) for line in screen.history.top]
    return [line.rstrip() for line in scrolled + screen.display]


def colours(raw: io.StringIO) -> set[int]:
    """The colour parameters (foreground and background) of every SGR sequence written."""
    found = set()
    for params in SGR.findall(program_output(raw)):
        numbers = [int(p) for p in params.split(";") if p]
        found |= {n for n in numbers if 30 <= n <= 49 or 90 <= n <= 107}
    return found


def plain_session(child: pexpect.spawn, answers: list[str], at_the_end=decline_the_summary) -> None:
    """Types one line per question, opens the first section, reads it to its end, finishes;
    then answers the offer to save a summary (`at_the_end`; by default, no)."""
    for answer in answers:
        child.expect(TYPING_LINE)
        child.sendline(answer)
    past_the_answers(child, plain=True)
    child.expect(r"Reading list: (\d+) sections")
    count = int(child.match.group(1))
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE)
    child.sendline("1")
    while child.expect([MORE, SECTION_END]) == 0:
        child.sendline("")
    child.sendline("b")  # back to the list (Enter would open the next section)
    child.expect(TYPING_LINE)
    child.sendline(str(count + FINISH_AFTER))  # Finish is the last entry
    at_the_end(child)


def arrow_session(child: pexpect.spawn) -> None:
    """Enter at every question, opens the first section, reads it to its end, finishes."""
    to_the_reading_list(child)
    child.send(ENTER)
    while child.expect([MORE, SECTION_END]) == 0:
        child.send(ENTER)
    child.send("b")  # back to the list, on one key (Enter would open the next section)
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.send(UP * 2 + ENTER)  # the cursor is on the next unread entry (2): up past 1 to the last, Finish
    decline_the_summary(child)


def screen_now(raw: io.StringIO, cols: int, rows: int) -> list[str]:
    """The screen as it stands now (what a person sees at once), as a terminal draws it."""
    screen = pyte.Screen(cols, rows)
    pyte.Stream(screen).feed(program_output(raw))
    return [line.rstrip() for line in screen.display]


def reading_list_drawn(child: pexpect.spawn, plain: bool = False) -> int:
    """Enter alone at every question, each once its menu is drawn, through the answers and the
    notes, until the reading list's menu is drawn; returns the number of sections in the list."""
    child.expect("Who are you")
    for _ in range(7):
        if plain:
            child.expect(TYPING_LINE)
            child.sendline("")
        else:
            child.expect(r"\(arrow keys")
            child.send(ENTER)
    past_the_answers(child, plain)
    child.expect(r"Reading list: (\d+) sections")
    count = int(child.match.group(1))
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE if plain else r"\(arrow keys")
    return count


def to_the_file_name(child: pexpect.spawn, plain: bool = False) -> None:
    """From the first question to the question of the file name: Enter alone at every question,
    Finish, yes to the offer, the first format (HTML)."""
    count = reading_list_drawn(child, plain)
    child.send(f"{count + FINISH_AFTER}{ENTER}" if plain else UP + ENTER)
    child.expect("Save a summary")
    child.expect(TYPING_LINE if plain else r"\(y/N\)")
    child.send("y" + ENTER if plain else "y")
    child.expect("Which format")
    child.send(ENTER)
    child.expect("Which file should it be saved to")
