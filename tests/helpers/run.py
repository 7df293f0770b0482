"""Running the program: in this process (fast enough for hypothesis to call it hundreds of
times) or in a subprocess without a terminal."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

from explorer.cli import ending, main

from .content import PROJECT_ROOT

STOPPING = [getattr(signal, name) for name in ending.STOPPING if hasattr(signal, name)]


class FakeStdin:
    """Standard input that is not a terminal; `buffer` is what `--answers -` reads."""

    def __init__(self, buffer: io.RawIOBase | io.BufferedIOBase):
        self.buffer = buffer

    def isatty(self) -> bool:
        return False


def run_main(argv: list[str], stdin: bytes | FakeStdin = b"") -> tuple[int, str, str]:
    """Runs explorer.cli.main.main in this process; returns (exit code, stdout, stderr)."""
    fake = stdin if isinstance(stdin, FakeStdin) else FakeStdin(io.BytesIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    handlers = {number: signal.getsignal(number) for number in STOPPING}
    sys.stdin = fake  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main.main(argv)
    finally:
        sys.stdin = saved
        for number, handler in handlers.items():  # main leaves the signals ignored, as it ends
            signal.signal(number, handler)
    return code, out.getvalue(), err.getvalue()


def run_cli(
    *args: str,
    stdin: bytes | str = b"",
    env: dict[str, str] | None = None,
    timeout: float = 60,
    cwd: Path = PROJECT_ROOT,
) -> subprocess.CompletedProcess[str]:
    """Runs the real program in a subprocess, without a terminal; `env` adds to the environment."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        input=data,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )
