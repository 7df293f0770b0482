"""Long output through a pager, the way git does it (git's pager.c): on a terminal, a command's
text goes through $PAGER, `less` by default with LESS=FRX where LESS is not set (quit at once if it
fits on one screen, keep colours, leave the text on the screen); never when standard output is not
a terminal, never with --plain (a screen reader reads what is printed), and not at all when PAGER
is empty or `cat`, or names a program that cannot be found.

Only the command's own text goes through the pager: main prints the referral after the pager has
ended, so that it is the last thing on the screen. A Ctrl-C (or any stopping signal) while the
pager runs ends the pager first, then the run ends as every interruption does (exit 130, the
referral last); a pager left early (q) is no error.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from explorer.cli.environment import Environment

DEFAULT_PAGER = "less"
NO_PAGER = ("", "cat")
PAGER_SETTINGS = {"LESS": "FRX", "LV": "-c"}  # git's, each only where the person has not set it


def pager_command(env: Environment) -> str | None:
    """The pager to use for standard output, or None for none."""
    if env.plain or not env.stdout_isatty:
        return None
    command = env.environ.get("PAGER", DEFAULT_PAGER).strip()
    if command in NO_PAGER:
        return None
    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):  # unbalanced quotes: the shell would refuse it too
        return None
    return command if shutil.which(program) else None


def page(env: Environment, command: str, text: str) -> None:
    """Shows `text` through the pager `command` and waits until it ends."""
    assert env.stdout is not None  # pager_command gave a command: standard output is a terminal
    env.stdout.flush()
    encoding = getattr(env.stdout, "encoding", None) or "utf-8"
    errors = getattr(env.stdout, "errors", None) or "replace"  # look-alikes on a narrow encoding
    settings = {name: value for name, value in PAGER_SETTINGS.items() if name not in env.environ}
    # Through the shell, as git runs it: PAGER may hold options ("less -S").
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env={**env.environ, **settings})  # noqa: S602
    try:
        process.communicate(text.encode(encoding, errors))  # a pager left early (q) is fine
    except BaseException:  # noqa: B036 - an interruption: the pager ends first, then the run
        _end(process)
        raise


def _end(process: subprocess.Popen[bytes]) -> None:
    """Ends the pager (it puts the terminal back as it ends) and waits for it."""
    try:
        process.terminate()
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    except OSError:  # it had ended already
        pass
