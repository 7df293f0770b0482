"""The real program run through bash without a terminal, for the tests of what shell redirections
do to its streams (`2>&-`, `> /dev/full`, `<&-`) and of bounded input: its environment and one run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .content import PROJECT_ROOT
from .pty import PROGRAM

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

# The console script's entry point ("module:function"), for harnesses that start the program as
# the installed command does, after preparing a moment (a signal, an import that fails).
SCRIPT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["scripts"]["treatment-explorer"]

ANSWERS = b'{"setting": "doctor_office", "interests": ["overdose"]}'  # in every session folder (conftest: here)

# The end of a harness (python -c HARNESS ARG SCRIPT PROGRAM-ARGS...): the program started as its
# console script starts it (SCRIPT, "module:function"), with its own arguments, once the harness
# has set up the moment it tests.
AS_THE_CONSOLE_SCRIPT = """
module, function = sys.argv[2].split(":")
sys.argv[1:] = sys.argv[3:]
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


def program_env(**changes: str | None) -> dict[str, str]:
    """The environment the program runs in; `changes` set (or, with None, remove) variables."""
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
        env=program_env(**env),
        timeout=60,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    )
