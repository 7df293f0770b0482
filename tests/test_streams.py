"""Every way out ends calmly with the referral last and the documented exit code (issue 14): one
test per defect found by trying the program as a hostile tester would, each named after the
promise it keeps. All run the real program (a subprocess, or a session in a pseudo-terminal) in a
temporary directory, with shell redirections where the defect is about the streams.

Exit codes: 0 done, 1 damaged content or internal error, 2 bad input or usage (an output stream
that cannot be written included), 130 interrupted.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import termios
import time

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

import pexpect
import pytest

from .helpers.checks import assert_referral_last
from .helpers.keys import CTRL_C, ENTER, ESC, UP
from .helpers.pty import FINISH_AFTER, PROGRAM, STEP, past_the_answers, wait_until_the_program_catches

ROOT = Path(__file__).resolve().parent.parent
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


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """The session's working directory: anything written lands here, nowhere else."""
    (tmp_path / "answers.json").write_bytes(ANSWERS)
    return tmp_path


# 1 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["question", "checkbox", "reading list", "format"])
def test_esc_then_enter_at_any_menu_carries_on_like_enter(here, where):
    child = spawn("", here)
    child.expect("Who are you")
    child.expect(r"\(arrow keys")
    if where == "question":
        child.send(ESC + ENTER)
        child.expect("treatment setting")  # the session goes on: Esc then Enter is Enter
        child.expect(r"\(arrow keys")
        child.send(CTRL_C)
        ended_calmly(child)
        return
    if where == "checkbox":
        for _ in range(6):
            child.send(ENTER)
            child.expect(r"\(arrow keys")
        child.expect(r"Space to tick")
        child.send(ESC + ENTER)
        child.expect(STEP)  # the session goes on, to the optional step "what matters"
        child.expect(r"\(arrow keys")  # the menu is drawn: a key sent earlier could be lost
        child.send(CTRL_C)
        ended_calmly(child)
        return
    child.send(ENTER * 0)
    for _ in range(7):
        child.send(ENTER)
        child.expect(r"\(arrow keys")
    child.send(ENTER)  # the optional step: skip it
    child.expect("Go on, or change an answer")
    child.expect(r"\(arrow keys")
    child.send(ENTER)  # the answers' summary: go on
    while child.expect(["-- more", "-- Enter: the reading list --"]) == 0:
        child.send(ENTER)
    child.send(ENTER)
    child.expect("Open a section to read it, or finish:")
    child.expect(r"\(arrow keys")
    if where == "reading list":
        child.send(ESC + ENTER)  # opens the first section, like Enter
        child.expect("-- (more|end of section)")
        child.send(CTRL_C)
        ended_calmly(child)
        return
    child.send(UP + ENTER)
    child.expect("Save a summary")
    child.send("y")
    child.expect("Which format")
    child.send(ESC + ENTER)  # the summary the person asked for is still saved
    child.expect("Which file should it be saved to")
    child.send(ENTER)
    child.expect("Saved:")  # the path may wrap to the next line
    ended_calmly(child, 0)
    assert len(list(here.glob("treatment-options-summary-*.html"))) == 1


# 2 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "command", ["--answers - --format json", "compare --format json", "show how-medications-work --format json"]
)
def test_json_is_the_same_valid_json_on_an_ascii_or_latin1_stdout(here, command, encoding):
    full = sh(f"$P {command}", here, stdin=ANSWERS)
    narrow = subprocess.run(
        ["bash", "-c", f"{PROGRAM} {command}"],
        input=ANSWERS,
        capture_output=True,
        cwd=here,
        env=_env(PYTHONIOENCODING=encoding),
        timeout=60,
    )
    assert full.returncode == narrow.returncode == 0, narrow.stderr
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(full.stdout)


# 3 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name", ["a" * 300 + ".html", "a/" * 2100 + "x.html"], ids=["a name over 255 bytes", "a path over PATH_MAX"]
)
def test_a_save_path_the_system_refuses_is_a_one_line_refusal(here, name):
    done = sh(f"$P --answers - --save {name}", here, stdin=ANSWERS)
    assert done.returncode == 2, done.stderr[-800:]
    assert one_line_refusal(done.stderr).startswith("the summary was not saved: ")


def test_interactively_a_file_name_the_system_refuses_asks_for_another(here):
    child = spawn("--plain", here)
    to_the_file_name(child, plain=True)
    child.sendline("a" * 300)
    child.expect("Could not save")
    child.expect("Try another file name")
    child.sendline("n")
    ended_calmly(child, 0)
    assert os.listdir(here) == ["answers.json"]


# 4 ------------------------------------------------------------------------------------------------
def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (700_000 * 1024, 700_000 * 1024))  # ulimit -v 700000


@pytest.mark.parametrize("item", ["1", '"overdose"', "[]"])
def test_the_largest_answers_file_costs_what_a_normal_one_costs(here, item):
    count = (1024 * 1024 - 20) // (len(item) + 1)
    (here / "big.json").write_text('{"interests":[' + ",".join([item] * count) + "]}")
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--answers", "big.json"],
        capture_output=True,
        cwd=here,
        env=_env(),
        timeout=60,
        preexec_fn=_limit_memory,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr[-800:]
    message = one_line_refusal(stderr)
    assert len(message) < 400 and "interests" in message, message


# 5 ------------------------------------------------------------------------------------------------
def test_with_stderr_closed_a_refusal_shows_its_message_and_the_referral_on_stdout(here):
    done = sh("$P --answers nonexist.json 2>&-", here)
    assert done.returncode == 2, done.stdout[-800:]
    assert "nonexist.json" in one_line_refusal(done.stdout)


# 6 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("plain", [False, True], ids=["arrow", "plain"])
def test_a_burst_of_termination_signals_still_ends_calmly_with_the_referral(here, signum, plain):
    child = spawn("--plain" if plain else "", here)
    child.expect(TYPING_LINE if plain else r"\(arrow keys")
    program = the_program(child)
    for _ in range(5000):  # until it has gone: the later ones arrive while it is ending
        try:
            os.kill(program, signum)
        except ProcessLookupError:
            break
    ended_calmly(child)


# 7 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["plain question", "plain pager", "arrow pager", "answers from the terminal"])
def test_ctrl_backslash_ends_calmly_with_the_referral(here, where):
    if where == "answers from the terminal":
        child = spawn("--answers -", here)
        wait_until_the_program_catches(child, signal.SIGQUIT)  # it shows nothing to expect
        child.send('{"setting": ')
    else:
        plain = where.startswith("plain")
        child = spawn("--plain" if plain else "", here, rows=12)
        if where == "plain question":
            child.expect(TYPING_LINE)
        else:
            to_the_reading_list(child, plain)
            child.send("1\r" if plain else ENTER)
            child.expect("-- (more|end of section)")
    child.send("\x1c")  # Ctrl-\: SIGQUIT where the terminal is in its ordinary mode
    ended_calmly(child)


# 8 ------------------------------------------------------------------------------------------------
def test_an_interruption_after_a_save_never_says_nothing_was_saved(here):
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the output: writing it blocks
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "--answers", "answers.json", "--save", "s.md", "--format", "json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=here,
        env=_env(),
    )
    os.close(write_end)
    saved = here / "s.md"
    while not saved.exists() and process.poll() is None:  # waits for the save, whatever it takes
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    with os.fdopen(read_end, "rb") as stdout:
        stdout.read()
    stderr = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 130, stderr
    assert saved.exists() and "Nothing was saved" not in stderr, stderr
    assert "s.md" in stderr  # it says where the summary is
    assert_ends_with_referral(stderr)


# 9 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [40, 987])
def test_an_answers_value_nested_deep_is_a_one_line_refusal(here, depth):
    # Where exactly re-encoding the value for the message overflowed (987 here) depends on the
    # stack; nesting is now bounded before anything looks at the value, far below any such depth.
    nested = "[" * depth + "]" * depth
    for shape in (f'{{"setting": {nested}}}', f'{{"interests": [{nested}]}}'):
        done = sh("$P --answers -", here, stdin=shape.encode())
        assert done.returncode == 2, done.stderr[-800:]
        assert "nested too deeply" in one_line_refusal(done.stderr)


# 10 -----------------------------------------------------------------------------------------------
CONTENT_FILES = sorted(str(p.relative_to(ROOT)) for p in (*ROOT.glob("data/*.toml"), *ROOT.glob("rules/*.toml")))


@pytest.fixture
def program_copy(tmp_path: Path) -> Path:
    """A copy of the content, which the program reads through TREATMENT_EXPLORER_CONTENT."""
    for part in ("data", "rules"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


@pytest.mark.parametrize("shape", ["a list of numbers", "5,000 deep"])
@pytest.mark.parametrize("relative", CONTENT_FILES)
def test_content_files_of_an_unexpected_shape_are_named_without_an_apology(program_copy, relative, shape):
    path = program_copy / relative
    if shape == "a list of numbers":
        tables = [key for key, value in tomllib.loads(path.read_text()).items() if isinstance(value, list)]
        path.write_text("".join(f"{table} = [1, 2]\n" for table in tables))
    else:
        path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--answers", "-", "--save", "s.html"],
        input=ANSWERS,
        capture_output=True,
        cwd=program_copy,
        env={**_env(), "TREATMENT_EXPLORER_CONTENT": str(program_copy)},
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr[-800:]
    message = one_line_refusal(stderr)
    assert message.startswith("the content files are damaged") and Path(relative).name in message, message


# 11 -----------------------------------------------------------------------------------------------
SCRIPT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["treatment-explorer"]
# Ctrl-C (SIGINT) delivered at the moment the program starts importing `module`, then the program
# started as its console script starts it: deterministic, whenever the import happens.
INTERRUPTED_START = """
import importlib.abc, os, signal, sys
TARGET = sys.argv[1]  # read now: sys.argv is the program's own below
class Interrupt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            sys.stderr.write("(Ctrl-C now)\\n")
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
module, function = sys.argv[2].split(":")
sys.argv[1:] = sys.argv[3:]
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


@pytest.mark.parametrize("module", ["argparse", "json", "pydantic", "durable"])
def test_ctrl_c_while_the_program_is_starting_ends_calmly_with_the_referral(here, module):
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_START, module, SCRIPT, "--answers", "answers.json"],
        capture_output=True,
        cwd=here,
        env=_env(),
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert "(Ctrl-C now)" in stderr  # the interruption did happen
    assert done.returncode == 130, stderr[-1500:]
    assert "Traceback" not in stderr
    assert_ends_with_referral(stderr)


# 12 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_into_a_closed_pipe_end_quietly(here, option):
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| true`: the reader is gone before anything is written
    done = subprocess.run(
        [sys.executable, "-m", "explorer", option],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=here,
        env=_env(),
        timeout=60,
    )
    os.close(write_end)
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    assert "Exception ignored" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert_ends_with_referral(stderr)


@pytest.mark.parametrize("command", ["--help", "--version", "sections", "--answers answers.json"])
def test_an_unwritable_stdout_is_a_one_line_refusal(here, command):
    done = sh(f"$P {command} > /dev/full", here)
    assert done.returncode == 2, done.stderr
    assert "standard output" in one_line_refusal(done.stderr)


# 13 -----------------------------------------------------------------------------------------------
def test_an_interactive_save_to_a_dangling_link_says_so_and_follows_nothing(here):
    (here / "s.html").symlink_to(here / "missing.html")
    child = spawn("--plain", here)
    to_the_file_name(child, plain=True)
    child.sendline("s.html")
    child.expect("already exists")
    child.expect(r"\(y/N\)")
    child.sendline("")  # no: asked for another name
    child.expect("Which file should it be saved to")
    child.send(CTRL_C)
    ended_calmly(child)
    assert os.readlink(here / "s.html") == str(here / "missing.html")
    assert sorted(os.listdir(here)) == ["answers.json", "s.html"]


# 14 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("length", [245, 250, 255])
def test_a_file_name_up_to_the_system_limit_can_be_saved(here, length):
    name = "a" * (length - len(".html")) + ".html"
    done = sh(f"$P --answers answers.json --save {name}", here)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(here)) == sorted(["answers.json", name])  # and no temporary file left


# 15 -----------------------------------------------------------------------------------------------
def test_a_closed_stdin_is_a_clear_one_line_refusal(here):
    done = sh("$P --answers - <&-", here)
    assert done.returncode == 2, done.stderr
    assert "standard input" in one_line_refusal(done.stderr)


def test_a_closed_stdout_is_a_clear_refusal_and_the_summary_is_still_saved(here):
    done = sh("$P --answers answers.json --save s.md >&-", here)
    assert done.returncode == 2, done.stderr
    assert (here / "s.md").exists()
    assert "summary saved to" in done.stderr
    assert "standard output" in done.stderr.splitlines()[1]
    assert_ends_with_referral(done.stderr)


# 16 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, says", [("''", "--save needs a file name"), (".html", "--save .html: give a name before the extension")]
)
def test_save_needs_a_real_file_name(here, name, says):
    done = sh(f"$P --answers answers.json --save {name}", here)
    assert done.returncode == 2, done.stderr
    assert one_line_refusal(done.stderr).startswith(says)
    assert os.listdir(here) == ["answers.json"]


# 17 -----------------------------------------------------------------------------------------------
def test_save_into_an_unknown_users_home_is_a_one_line_refusal(here):
    done = sh("$P --answers answers.json --save '~nosuchuser/x.html'", here)
    assert done.returncode == 2, done.stderr
    assert "nosuchuser" in one_line_refusal(done.stderr)


# 18 -----------------------------------------------------------------------------------------------
def test_an_unwritable_stderr_changes_neither_the_exit_code_nor_the_output(here):
    refused = sh("$P --answers - 2>/dev/full", here, stdin=b'{"x": 1}')
    assert refused.returncode == 2
    assert "unknown key" in one_line_refusal(refused.stdout)  # the stream that still works
    saved = sh("$P --answers answers.json --save s.md 2>/dev/full", here)
    assert saved.returncode == 0 and (here / "s.md").exists()
    assert "Reading list" in saved.stdout
    assert_ends_with_referral(saved.stdout)


# 19 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "command, says",
    [
        ("sections --answers answers.json", "sections does not take --answers"),
        ("rules extra", "unexpected argument 'extra'"),
        ("sections --format json", "sections does not take --format"),
        ("compare --answers answers.json", "compare does not take --answers"),
        ("show what-is-mat extra", "unrecognized arguments: extra"),  # argparse's own words
        ("--format json", "--format goes with --answers FILE or with show and compare"),
    ],
)
def test_arguments_that_do_not_apply_are_refused_not_ignored(here, command, says):
    done = sh(f"$P {command}", here)
    assert done.returncode == 2, done.stdout[-400:]
    assert one_line_refusal(done.stderr[done.stderr.find(PROG) :]).startswith(says)
    assert done.stdout == ""
