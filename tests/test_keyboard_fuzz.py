"""A keyboard fuzzer in a real pseudo-terminal: whatever keys a person presses, at whatever prompt,
the session ends calmly.

Hypothesis picks a menu kind (arrow-key menus, or the numbered menus of --plain), a prompt to
reach (a question, the interests checkbox, the optional step "what matters", the reading list, a
section in the pager, the save offer, the format menu, the file name), then bursts of keys sent
there: Esc, Tab, arrows, Home/End, PageUp/PageDown, F-keys, Backspace, letters, digits, Space,
Enter, pasted long text, pasted text holding control characters (a NUL byte, escape sequences,
Ctrl-Z, line ends; as a terminal's bracketed paste), Ctrl-Z, job control (kill -TSTP, or kill
-STOP, then SIGCONT, as `fg` sends it) and Ctrl-D; a final Ctrl-C if the program is still running.
(The session runs in a terminal of its own, as the leader of its session: a Ctrl-Z or a SIGTSTP
there never stops it, as a shell's job it would, but each still runs everything that prepares
and follows a stop; tests/test_job_control.py stops and continues it in an interactive bash.
That terminal discards no output at a Ctrl-Z or Ctrl-C, as a terminal window that reads all the
time never has any waiting: see _keeping_output.)
Every run must end with exit 0 or 130, the referral last, no apology, no traceback, and the
terminal as it was (echo, canonical mode, the cursor shown). Sessions run in a temporary
directory: a summary saved by random keys lands there (the offer's default is No, but random keys
may say yes).

One test item per prompt and menu kind (14 in all), each with its own explicit Esc-then-Enter
example and its own generated ones: every prompt is reached in both kinds whatever the draw, and
pytest-xdist spreads the items over the cores (`make test` runs with -n). Each item's examples are
derandomized from its own test id, so the items try different keys, the same on every run.
Statistics (keys sent, how runs ended), per item:
    .venv/bin/python -m pytest tests/test_keyboard_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os
import re
import signal
import string
import sys
import tempfile
import termios
import time
from pathlib import Path

import pexpect
import pytest
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from .helpers.budgets import examples
from .helpers.keys import BRACKETED_PASTE, CTRL_C, CTRL_D, CTRL_Z, ENTER, ESC, KEYS, SPACE, UP
from .helpers.pty import ANSI, FINISH_AFTER, MORE, SECTION_END, STEP, TYPING_LINE, past_the_answers
from .helpers.shell import program_env

# Nothing written to the tree (see tests/test_bad_input.py).
_HYPOTHESIS_HOME = tempfile.TemporaryDirectory(prefix="hypothesis-home-")
set_hypothesis_home_dir(_HYPOTHESIS_HOME.name)

# Generated examples per prompt and menu kind, besides the explicit one: 14 items x (5 + 1) = 84
# sessions, about 90 s of one core's time (under the "ci" profile, tests/helpers/budgets.py).
EXAMPLES = int(os.environ.get("KEYBOARD_FUZZ_EXAMPLES", examples(5)))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,  # the same sequences on every run: a failure in CI reproduces on a laptop
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.generate, Phase.shrink),  # no "explain" phase: a rerun per line
)

# The keys pressed one at a time, by their names in the one key table (tests/helpers/keys.py).
PRESSED = (
    "Esc",
    "Tab",
    "Up",
    "Down",
    "Right",
    "Left",
    "Home",
    "End",
    "PageUp",
    "PageDown",
    "F1",
    "F5",
    "F12",
    "Backspace",
    "Space",
    "Enter",
)
# No ".", "/" or "~" in typed text: a file name typed at random stays in the session's directory.
TYPED = string.ascii_letters + string.digits
# Pasted: letters and the characters that have no place in an answer (NUL, BEL, Ctrl-Z, ESC, a
# line end, DEL, a C1 control), and whole escape sequences (a window title, a screen clear).
CONTROL_PASTE = st.lists(
    st.sampled_from(
        [*TYPED, " ", "\x00", "\x07", "\x1a", "\x1b", "\r\n", "\t", "\x7f", "\x9b", "\x1b]0;title\x07", "\x1b[2J"]
    ),
    min_size=1,
    max_size=40,
).map(lambda chars: ("pasted with control characters", BRACKETED_PASTE.format("".join(chars))))
# Job control: signals, not keys (_send_bursts sends them to the program).
STOP = "kill -TSTP, then SIGCONT"
FREEZE = "kill -STOP, then SIGCONT"
JOB_CONTROL = st.sampled_from([STOP, FREEZE]).map(lambda name: (name, ""))
KEY = st.one_of(
    st.sampled_from(sorted(PRESSED)).map(lambda name: (name, KEYS[name])),
    st.sampled_from(TYPED).map(lambda char: ("letter or digit", char)),
    st.text(TYPED + " ", min_size=40, max_size=300).map(lambda text: ("pasted text", text)),
    CONTROL_PASTE,
    st.just(("Ctrl-Z", CTRL_Z)),
    JOB_CONTROL,
)
# Keys are drawn one by one; "Esc then a key" sends the two in one write, as a fast typist (or a
# terminal's own sequence) would. Ctrl-D ends a session at once (exit 130).
ESC_THEN = st.sampled_from([ESC + ENTER, ESC + "q", ESC + "1", ESC + SPACE, ESC + "y"]).map(
    lambda keys: ("Esc then a key", keys)
)
CTRL_D_KEY = st.just(("Ctrl-D", CTRL_D))
BURST = st.lists(st.one_of(KEY, KEY, KEY, ESC_THEN, ESC_THEN) | CTRL_D_KEY, min_size=1, max_size=12)

PROMPTS = ("question", "checkbox", "step", "reading list", "pager", "save offer", "format", "file name")
MENU_KINDS = ("arrow", "plain")
PROGRAM = [sys.executable, "-m", "explorer"]


def _keeping_output() -> None:
    """In the new terminal, before the program starts: Ctrl-Z, Ctrl-C and Ctrl-\\ discard no
    output (NOFLSH). pexpect reads the terminal only while a test waits for something, so while
    bursts are sent the program's output waits in the terminal, and beyond the 4 KiB that the
    terminal's line discipline holds, a stopping key typed then discards it (POSIX's flush on
    interrupt): the referral with it, though the program wrote it. A terminal window reads all
    the time and leaves nothing to discard; this terminal keeps it instead."""
    modes = termios.tcgetattr(0)  # the new terminal, already the child's standard input
    modes[3] |= termios.NOFLSH
    termios.tcsetattr(0, termios.TCSANOW, modes)


def fuzzed_terminal(argv: list[str], cwd: Path) -> pexpect.spawn:
    """`argv` in a terminal of its own (12 x 80) that keeps what it writes, read as a recording."""
    child = pexpect.spawn(
        argv[0],
        argv[1:],
        cwd=str(cwd),
        env=program_env(TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", NO_COLOR=None),
        dimensions=(12, 80),
        encoding="utf-8",
        codec_errors="replace",
        timeout=60,  # generous: under parallel load (pytest -n) a session may start slowly
        preexec_fn=_keeping_output,
    )
    child.delaybeforesend = None
    child.delayafterclose = child.delayafterterminate = 0
    child.logfile_read = _Recorder()
    return child


def start(kind: str, cwd: Path) -> pexpect.spawn:
    return fuzzed_terminal(PROGRAM + (["--plain"] if kind == "plain" else []), cwd)


class _Recorder:
    """Everything the session wrote to the terminal."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return "".join(self.parts)


def _plain_answer(child: pexpect.spawn, line: str) -> None:
    child.expect(TYPING_LINE)
    child.sendline(line)


def reach(child: pexpect.spawn, kind: str, prompt: str, questions_answered: int) -> None:
    """Drives the session with ordinary keys to `prompt`, and waits until it is asked."""
    plain = kind == "plain"
    hints = ["Who are you", "treatment setting", "how often", "detox", "counseling", "peer support", "Anything else"]
    answered = questions_answered if prompt == "question" else len(hints) - (prompt == "checkbox")
    for number in range(answered):
        child.expect(hints[number])
        if plain:
            _plain_answer(child, "")
        else:
            child.expect(r"\(arrow keys")
            child.send(ENTER)
    if prompt in ("question", "checkbox"):
        child.expect(hints[answered])
        child.expect(TYPING_LINE if plain else r"\(arrow keys")
        return
    if prompt == "step":  # its first menu, after the seventh question
        child.expect(STEP)
        child.expect(TYPING_LINE if plain else r"\(arrow keys")
        return
    past_the_answers(child, plain)
    child.expect(r"Reading list: (\d+) sections")
    count = int(child.match.group(1))
    child.expect("Open a section to read it, or finish:")
    if plain:
        child.expect(TYPING_LINE)
    else:
        child.expect(r"\(arrow keys")
    if prompt == "reading list":
        return
    if prompt == "pager":
        child.send("1" + ENTER if plain else ENTER)
        child.expect([MORE, SECTION_END])
        return
    child.send(f"{count + FINISH_AFTER}{ENTER}" if plain else UP + ENTER)  # Finish
    child.expect("Save a summary")
    if prompt == "save offer":
        child.expect(TYPING_LINE if plain else r"\(y/N\)")
        return
    child.send("y" + ENTER if plain else "y")
    child.expect("Which format")
    if plain:
        child.expect(TYPING_LINE)
    if prompt == "format":
        return
    child.send(ENTER)
    child.expect("Which file should it be saved to")


def _echo_only(tail: str) -> bool:
    """What the terminal itself may echo of keys typed after the program ended: the typed
    characters, ^X notation, spaces and line ends; never a sentence of the program's."""
    return set(tail) <= set(TYPED + " ^[]~;\b\t\r\n@\\_?")  # ^@ ^[ ^\ ^_ ^? too


def check_ending(child: pexpect.spawn, recorded: str, kind: str, saved: list[str] = ()) -> str:
    """The run's verdict; fails the example with what was seen if any promise is broken. `saved`:
    the names of the files the session left in its folder."""
    shown = ANSI.sub("", recorded)
    problems = [f"a file named {name!r}" for name in saved if not name.isprintable()]
    if child.signalstatus is not None:
        problems.append(f"killed by signal {child.signalstatus}")
    elif child.exitstatus not in (0, 130):
        problems.append(f"exit {child.exitstatus}")
    for bad in ("Traceback", "sorry", "something went wrong", "Exception ignored"):
        if bad in shown:
            problems.append(f"{bad!r} shown")
    last = shown.rfind("In an emergency or an overdose: call 911.")
    heading = shown.rfind("TALK TO A HEALTHCARE PROFESSIONAL")
    if last < 0 or heading < 0 or heading > last:
        problems.append("no referral")
    elif not _echo_only(shown[last + len("In an emergency or an overdose: call 911.") :]):
        problems.append("something after the referral")
    lflag = termios.tcgetattr(child.child_fd)[3]
    if not (lflag & termios.ECHO and lflag & termios.ICANON):
        problems.append("terminal left without echo or canonical mode")
    cursor = re.findall(r"\x1b\[\?25([hl])", recorded)
    if cursor and cursor[-1] == "l":
        problems.append("cursor left hidden")
    assert not problems, f"{kind} menus: {', '.join(problems)}\n--- the end of the session ---\n{shown[-1500:]}"
    return "finished (exit 0)" if child.exitstatus == 0 else "interrupted (exit 130)"


def _send_bursts(child: pexpect.spawn, bursts: list[list[tuple[str, str]]]) -> None:
    for burst in bursts:
        if not child.isalive():
            return
        keys = ""
        for name, sent in burst:
            if name not in (STOP, FREEZE):
                keys += sent
                continue
            if keys:
                child.send(keys)
                keys = ""
            try:
                os.kill(child.pid, signal.SIGTSTP if name == STOP else signal.SIGSTOP)
                os.kill(child.pid, signal.SIGCONT)  # as `fg` continues it
            except ProcessLookupError:  # it has ended
                return
        if keys:
            child.send(keys)


def _end(child: pexpect.spawn) -> None:
    """Ctrl-C, again as a person would if the first was typed while a menu had the terminal in
    raw mode (then it is a character waiting in the pager's line, not a signal). Sent at once,
    even if the last burst's keys are ending the session: the program ignores stopping signals
    while it ends, and the terminal discards none of its output (_keeping_output)."""
    for _ in range(3):
        if not child.isalive():
            break
        child.send(CTRL_C)
        try:
            child.expect(pexpect.EOF, timeout=5)
            break
        except pexpect.TIMEOUT:
            continue
    child.expect(pexpect.EOF)
    child.wait()


def run_session(kind: str, prompt: str, questions_answered: int, bursts: list[list[tuple[str, str]]]) -> str:
    """Runs the keys at `prompt` in one kind of menu; returns how the run ended."""
    with tempfile.TemporaryDirectory(prefix="fuzz-session-") as cwd:
        child = start(kind, Path(cwd))
        try:
            reach(child, kind, prompt, questions_answered)
            _send_bursts(child, bursts)
            _end(child)
            return check_ending(child, child.logfile_read.text(), kind, os.listdir(cwd))
        finally:
            child.close(force=True)


@pytest.mark.parametrize("prompt", PROMPTS)
@pytest.mark.parametrize("kind", MENU_KINDS)
@settings(FUZZ)
# Esc then Enter, a fast typist's way out of a menu, is tried at every prompt in both kinds, whatever the draw.
@example(questions_answered=0, bursts=[[("Esc then a key", ESC + ENTER)]])
@given(questions_answered=st.integers(0, 5), bursts=st.lists(BURST, min_size=1, max_size=4))
def test_random_keys_at_any_prompt_end_calmly_with_the_referral_last(kind, prompt, questions_answered, bursts):
    for name in sorted({name for burst in bursts for name, _ in burst}):
        event(f"key: {name}")
    event(f"ended {run_session(kind, prompt, questions_answered, bursts)}")


# Writes more than the terminal's line discipline holds, says so in a file, then waits for a line.
_WRITES_THEN_WAITS = [
    sys.executable,
    "-c",
    "import pathlib, sys; sys.stdout.write('x' * 8000 + ' END\\n'); sys.stdout.flush();"
    " pathlib.Path('written').touch(); input()",
]


@pytest.mark.parametrize("key", [CTRL_Z, CTRL_C], ids=["Ctrl-Z", "Ctrl-C"])
def test_the_fuzzers_terminal_keeps_all_a_program_wrote_whatever_key_follows(tmp_path, key):
    # Nothing is read until the end, as while _send_bursts sends keys: a stopping key typed then
    # must not take the end of the output (where the referral is) off the recording.
    child = fuzzed_terminal(_WRITES_THEN_WAITS, tmp_path)
    try:
        deadline = time.monotonic() + 60  # a guard only: it is written at once
        while not (tmp_path / "written").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert (tmp_path / "written").exists()
        child.send(key)
        child.send(ENTER)
        child.expect(pexpect.EOF)
        assert "x END" in child.logfile_read.text()
    finally:
        child.close(force=True)
