"""Private: no network, no other program started, nothing written unless the user asks to save.

The explorer runs in a fresh interpreter under a Python audit hook (PEP 578), which sees every
socket, every process started and every file opened for writing, whatever library does it. The
hook reports what it saw on standard error when the program ends. Python's own bytecode cache is
turned off (PYTHONDONTWRITEBYTECODE): that is the interpreter's, not the explorer's."""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys

import pytest

from .helpers.checks import assert_referral_last
from .helpers.content import PROJECT_ROOT
from .helpers.keys import ENTER, UP
from .helpers.pty import MORE, SECTION_END, decline_the_summary, finish, spawn, to_the_reading_list

WATCHED = r"""
import atexit, os, sys
seen = []
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

def watch(event, args):
    if event == "socket.__new__":
        import socket
        if args[1] != socket.AF_UNIX:  # asyncio (prompt_toolkit) wakes itself through a local socket pair
            seen.append(f"{event} family {args[1]}")
    elif event.startswith("socket.") or event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn",
                                                "os.spawn", "os.fork", "os.startfile", "urllib.Request"):
        seen.append(event)
    elif event == "open":
        path, mode, flags = args
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & WRITING
        if writes and path != os.devnull and not isinstance(path, int):  # an int: a file already opened
            seen.append("write " + str(path))

def report():
    os.write(2, ("\nAUDIT " + repr(seen) + "\n").encode())

def report_then_exit(status, _exit=os._exit):  # the program leaves with os._exit: no atexit then
    report()
    _exit(status)

sys.addaudithook(watch)
atexit.register(report)
os._exit = report_then_exit
"""
PROGRAM_UNDER_WATCH = (
    WATCHED
    + """
sys.argv[0] = "treatment-explorer"
from explorer.cli.main import main
sys.exit(main())
"""
)
AUDIT = re.compile(r"AUDIT (\[.*\])")
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}


def watched(*args: str, stdin: bytes = b"", cwd=PROJECT_ROOT) -> tuple[int, list[str], str]:
    """Runs the explorer under the audit hook: exit code, what the hook saw, the output."""
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM_UNDER_WATCH, *args],
        input=stdin,
        capture_output=True,
        env=ENV,
        cwd=cwd,
        timeout=60,
    )
    err = done.stderr.decode()
    return done.returncode, ast.literal_eval(AUDIT.findall(err)[-1]), done.stdout.decode() + err


@pytest.mark.parametrize(
    "argv",
    [
        ["--answers", "-", "--format", "json"],
        ["--answers", "-", "--format", "text"],
        ["--answers", "-", "--format", "markdown"],
        ["sections"],
        ["rules"],
        ["compare"],
        ["show", "what-is-mat"],
        ["--help"],
        ["--answers", "-", "--format", "yaml"],
    ],
)
def test_scripted_runs_use_no_network_and_write_nothing(argv):
    code, seen, shown = watched(*argv, stdin=b'{"dosing": "monthly", "interests": ["overdose"]}')
    assert code in (0, 2)
    assert "call 911" in shown
    assert seen == []


def test_saving_writes_only_the_file_asked_for(tmp_path):
    target = tmp_path / "summary.html"
    code, seen, _ = watched("--answers", "-", "--save", str(target), stdin=b"{}")
    assert code == 0
    assert target.exists()
    # The hook does see writes: the summary, through a temporary file beside it (atomic write).
    assert seen, seen
    assert all(entry.startswith(f"write {tmp_path}{os.sep}") for entry in seen), seen
    assert sorted(path.name for path in tmp_path.iterdir()) == ["summary.html"]


def test_the_watch_sees_a_connection_attempt_and_a_new_process():
    probe = WATCHED + (
        "import socket, subprocess\n"
        "try:\n    socket.create_connection(('192.0.2.1', 9), timeout=0.01)\nexcept OSError:\n    pass\n"
        "subprocess.run(['true'])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=ENV, timeout=60)
    seen = ast.literal_eval(AUDIT.findall(done.stderr)[-1])
    assert "socket.connect" in seen
    assert "subprocess.Popen" in seen


def test_a_whole_interactive_session_uses_no_network_and_writes_nothing(tmp_path):
    script = tmp_path / "watched.py"
    script.write_text(PROGRAM_UNDER_WATCH, encoding="utf-8")
    child = spawn(
        f"cd {shlex.quote(str(tmp_path))} && PYTHONDONTWRITEBYTECODE=1 PYTHONPATH={shlex.quote(str(PROJECT_ROOT))} "
        f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"
    )
    to_the_reading_list(child)
    child.send(ENTER)  # open the first section
    while child.expect([MORE, SECTION_END]) == 0:
        child.send(ENTER)
    child.send("b")  # back to the list, on one key
    child.expect("Open a section to read it, or finish")
    child.expect(r"\(arrow keys")
    child.send(UP * 2 + ENTER)  # from the next unread entry (2) up past the first to the last: Finish
    decline_the_summary(child)
    shown, code, _ = finish(child)
    assert code == 0
    audit = AUDIT.findall(shown)
    assert audit
    assert ast.literal_eval(audit[-1]) == []
    assert_referral_last(shown[: shown.rindex("AUDIT")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["watched.py"]
