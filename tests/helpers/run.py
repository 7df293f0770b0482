"""Running the program: in this process (fast enough for hypothesis to call it hundreds of
times) or in a subprocess without a terminal."""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

from explorer.cli import main
from explorer.cli.environment import Environment

from .content import PROJECT_ROOT

DAY = datetime.date(2026, 12, 1)  # the made-up Environment's clock: every note current


class FakeStdin:
    """Standard input that is not a terminal; `buffer` is what `--answers -` reads."""

    def __init__(self, buffer: io.RawIOBase | io.BufferedIOBase):
        self.buffer = buffer

    def isatty(self) -> bool:
        return False


def made_up_environment(stdin=None, stdout=None, stderr=None, today: datetime.date = DAY, **options) -> Environment:
    """An Environment of fake streams (none of them a terminal), no variables (so no COLUMNS or
    TERM from the machine that runs the tests), an 80 by 24 size and a fixed day."""
    return Environment(
        stdin if stdin is not None else FakeStdin(io.BytesIO(b"")),
        stdout if stdout is not None else io.StringIO(),
        stderr if stderr is not None else io.StringIO(),
        environ=options.pop("environ", {}),
        size=options.pop("size", (80, 24)),
        today=today,
        **options,
    )


def run_main(argv: list[str], stdin: bytes | FakeStdin = b"") -> tuple[int, str, str]:
    """Runs explorer.cli.main.main in this process, in a made-up Environment; returns (exit code,
    stdout, stderr)."""
    fake = stdin if isinstance(stdin, FakeStdin) else FakeStdin(io.BytesIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = main.main(argv, made_up_environment(fake, out, err))
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
