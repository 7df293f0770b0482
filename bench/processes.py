"""Runs one child process and measures it: wall time, peak memory, or time to a first output.

Peak memory comes from the kernel's accounting for that one child (os.wait4's rusage.ru_maxrss,
in KiB on Linux), so no external tool is needed.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass

# Escape sequences a terminal application writes between the characters we look for.
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z]|[=>78])")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int
    status: int


def run(argv: list[str], stdin_path: str = os.devnull) -> Run:
    """Runs argv to its end with stdin from a file and output discarded."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, stdin_path, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    return Run(seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status))


def time_to_text(argv: list[str], needle: str, columns: int = 100, rows: int = 40, limit: float = 30.0) -> Run:
    """Starts argv in a new pseudo-terminal and returns when `needle` is on screen (escape
    sequences and white space aside); then presses Ctrl-C and waits for the program to end."""
    wanted = b"".join(needle.encode().split())
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a real terminal of a known size, then the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(argv[0], argv, {**os.environ, "TERM": "xterm-256color"})
    seen, found = b"", None
    try:
        while found is None and time.perf_counter() - start < limit:
            if select.select([fd], [], [], 0.5)[0]:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                seen += chunk
                _answer_position_requests(fd, chunk)
                if wanted in b"".join(ANSI.sub(b"", seen).split()):
                    found = time.perf_counter() - start
        if found is None:
            raise RuntimeError(f"{needle!r} did not appear within {limit} s; the screen showed: {seen[-400:]!r}")
        os.write(fd, b"\x03")  # Ctrl-C: the explorer ends with the referral
        _drain(fd, time.perf_counter() + limit)
    finally:
        os.close(fd)
        try:
            os.kill(pid, signal.SIGKILL)  # only if it is still there after Ctrl-C
        except ProcessLookupError:
            pass
    _, status, usage = os.wait4(pid, 0)
    return Run(found, usage.ru_maxrss, os.waitstatus_to_exitcode(status))


def _answer_position_requests(fd: int, chunk: bytes) -> None:
    """prompt_toolkit asks where the cursor is (ESC [6n) and waits for the answer a real terminal
    gives at once; without one it stalls for seconds before it reacts to a key."""
    for _ in range(chunk.count(b"\x1b[6n")):
        os.write(fd, b"\x1b[1;1R")


def _drain(fd: int, deadline: float) -> None:
    """Reads (and discards) the rest of the session until the child closes the terminal."""
    while time.perf_counter() < deadline:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return
        if not chunk:
            return
        _answer_position_requests(fd, chunk)
