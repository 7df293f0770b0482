"""The real program through bash, in a session's own folder, for the tests about streams,
redirections, signals and saving: its environment, a run with shell redirections, the one-line
refusal, and the pseudo-terminal walk to the reading list and to the file name."""

from __future__ import annotations

import os
import re
import subprocess
import termios
from pathlib import Path

import pexpect

from .checks import assert_referral_last
from .keys import ENTER, UP
from .pty import FINISH_AFTER, PROGRAM, past_the_answers

ROOT = Path(__file__).resolve().parents[2]


PROG = "treatment-explorer: "


REFERRAL_HEADING = "TALK TO A HEALTHCARE PROFESSIONAL"


REFERRAL_END = "In an emergency or an overdose: call 911."


ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")


TYPING_LINE = r"(alone:\s+[^)]*|to\s+\d+)\): "


ANSWERS = b'{"setting": "doctor_office", "interests": ["overdose"]}'


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONUNBUFFERED", None)  # buffered, as a user's shell runs it
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def sh(command: str, cwd: Path, stdin: bytes = b"", **env: str | None) -> subprocess.CompletedProcess[str]:
    """`command` through bash (for its redirections), `$P` standing for the program."""
    done = subprocess.run(
        ["bash", "-c", command.replace("$P", PROGRAM)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=_env(**env),
        timeout=60,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    )


def assert_ends_with_referral(text: str) -> None:
    assert REFERRAL_HEADING in text, text[-600:]
    assert_referral_last(text)  # every line of the block, whatever the width wrapped
    assert text.rstrip().endswith(REFERRAL_END), text[-600:]


def one_line_refusal(text: str) -> str:
    """The stream of a refused run: exactly one line naming the problem, then the referral."""
    assert "Traceback" not in text and "sorry" not in text, text[-1500:]
    assert_ends_with_referral(text)
    message = text[: text.index("─")].strip()
    assert message.startswith(PROG) and "\n" not in message, message[:600]
    return message[len(PROG) :]


def spawn(args: str, cwd: Path, rows: int = 40, cols: int = 100, **env: str | None) -> pexpect.spawn:
    child = pexpect.spawn(
        "bash",
        ["-c", f"{PROGRAM} {args}; echo EXIT=$?"],
        cwd=str(cwd),
        env=_env(TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", NO_COLOR=None, **env),
        dimensions=(rows, cols),
        encoding="utf-8",
        timeout=30,
    )
    return child


def finish(child: pexpect.spawn) -> tuple[str, int]:
    child.expect(r"EXIT=(\d+)")
    shown, code = ANSI.sub("", child.before), int(child.match.group(1))
    child.expect(pexpect.EOF)
    lflag = termios.tcgetattr(child.child_fd)[3]
    assert lflag & termios.ECHO and lflag & termios.ICANON, "terminal left without echo or canonical mode"
    return shown, code


def ended_calmly(child: pexpect.spawn, code: int = 130) -> str:
    shown, status = finish(child)
    assert status == code, shown[-1500:]
    assert "Traceback" not in shown and "sorry" not in shown, shown[-1500:]
    assert_ends_with_referral(shown)
    return shown


def the_program(child: pexpect.spawn) -> int:
    """bash runs the explorer as its only child."""
    return int(Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()[0])


def to_the_reading_list(child: pexpect.spawn, plain: bool) -> int:
    """Enter alone at every question; returns the number of sections in the list."""
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


def to_the_file_name(child: pexpect.spawn, plain: bool) -> None:
    count = to_the_reading_list(child, plain)
    child.send(f"{count + FINISH_AFTER}\r" if plain else UP + ENTER)
    child.expect("Save a summary")
    child.expect(r"\(y/N\)")
    child.send("y\r" if plain else "y")
    child.expect("Which format")
    child.send(ENTER)
    child.expect("Which file should it be saved to")
