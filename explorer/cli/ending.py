"""How the program ends, for `cli.main` (the one safety net) and only for it: the signals that stop
it, the streams its last words can still reach, and what it has saved so far.

- Ctrl-C, Ctrl-\\ (SIGQUIT), a kill (SIGTERM) and a closed terminal (SIGHUP) all raise
  KeyboardInterrupt: the run stops calmly with exit 130 and the referral. The first one also
  ignores every later one, so a burst of signals cannot break the ending itself.
- Messages go to standard error; where it is closed or cannot be written, to standard output;
  where neither works, nowhere (the exit code still says what happened).
- Standard output is written and flushed here, inside main: a closed pipe ends quietly (exit 0),
  an output that cannot be written (closed, a full disk) is an OutputError (exit 2).

Imports nothing but the standard library's always-loaded modules, so that main can install the
signal handlers before anything slow is imported.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

STOPPING = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")

_saved: list[Path] = []
_broken: set[int] = set()  # ids of streams that failed: never tried again


def _interrupt(signum: int, frame: Any) -> None:
    ignore_signals()
    raise KeyboardInterrupt


def _quiet_wakeup_fd(fd: int, *, warn_on_full_buffer: bool = True) -> int:
    return _set_wakeup_fd(fd, warn_on_full_buffer=False)


_set_wakeup_fd = signal.set_wakeup_fd


def catch_signals() -> None:
    """From now on, each stopping signal is an interruption (KeyboardInterrupt)."""
    # The arrow menus run in an asyncio loop, whose signal handling wakes it through a socket; a
    # burst of signals fills that socket before the first handler has run, and Python would print
    # "Exception ignored when trying to write to the signal wakeup fd" for each further one. A
    # full socket already wakes the loop: the loop is asked not to warn.
    signal.set_wakeup_fd = _quiet_wakeup_fd
    for name in STOPPING:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)


def _ending_already(signum: int, frame: Any) -> None:
    """A stopping signal while the program ends: nothing to do."""


def ignore_signals() -> None:
    """The program is ending: later signals must not interrupt the ending."""
    # A handler that does nothing, not SIG_IGN: a signal of a burst that arrived before this
    # runs is still pending in Python, and finding SIG_IGN it would raise "OSError: Signal 1
    # ignored due to race condition" in the middle of the ending (seen under load).
    for name in STOPPING:
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), _ending_already)
            except (ValueError, OSError):  # not the main thread
                pass


def leave_now(status: int) -> None:
    """Ends the process once the referral is out, without the interpreter's shutdown: nothing may
    follow the referral, and the shutdown could add to it (prompt_toolkit's "Task was destroyed
    but it is pending!" after a signal ended a menu) or be killed by a late signal of a burst
    once it has put the default handlers back (exit 143 instead of 130). Both seen under load."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # noqa: S110 - a closed or broken stream: its words are lost already
            pass
    os._exit(status)


_terminal: list[Any] = []  # the terminal's mode as the program found it


def begin() -> None:
    _saved.clear()
    _broken.clear()
    _terminal.clear()
    try:
        import termios

        if sys.stdin is not None and sys.stdin.isatty():
            _terminal.append(termios.tcgetattr(sys.stdin.fileno()))
    except (ImportError, OSError, ValueError, AttributeError):
        pass


def restore_terminal() -> None:
    """The terminal's mode as the program found it (echo, line editing), whatever stopped a menu
    in raw mode, even a signal in the instant it switched."""
    if not _terminal:
        return
    try:
        import termios

        termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, _terminal[0])
    except (ImportError, OSError, ValueError, AttributeError):
        pass


def saved(path: Path) -> None:
    """A summary was written: an interruption after this must say where it is."""
    _saved.append(path)


def stop_message() -> str:
    if _saved:
        return "Stopped. The summary was saved to " + ", ".join(str(path) for path in _saved) + "."
    return "Stopped. Nothing was saved."


def _write(stream: IO[str] | None, text: str) -> bool:
    if stream is None or id(stream) in _broken:
        return False
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError, AttributeError):
        _broken.add(id(stream))
        silence(stream)
        return False
    return True


def say(text: str, prefer_stdout: bool = False) -> IO[str] | None:
    """Writes `text` (ending in a newline) to stderr, else stdout (the other way round if asked);
    returns the stream that took it, None if none did."""
    order = (sys.stdout, sys.stderr) if prefer_stdout else (sys.stderr, sys.stdout)
    for stream in order:
        if _write(stream, text):
            return stream
    return None


def note(text: str) -> None:
    """A side remark ("summary saved to ..."): on stderr or not at all, never inside the output."""
    _write(sys.stderr, text)


class OutputError(Exception):
    """Standard output cannot be written (closed, or a full disk)."""


def write_output(text: str) -> None:
    """The command's output, flushed now: a closed pipe raises BrokenPipeError (main ends quietly),
    any other failure an OutputError naming standard output."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed, so nothing could be shown")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        _broken.add(id(stream))
        silence(stream)
        reason = getattr(error, "strerror", None) or str(error)
        raise OutputError(f"cannot write to standard output: {reason}") from None


def flush_output() -> None:
    """What argparse printed (--help, --version) is flushed here, like any output."""
    write_output("")


def stream_works(stream: IO[str] | None) -> bool:
    return stream is not None and id(stream) not in _broken


def silence(stream: IO[str] | None) -> None:
    """Points a failed stream's descriptor at /dev/null, so that the interpreter's last flush of
    what it still holds stays quiet (no "Exception ignored ... BrokenPipeError")."""
    try:
        fileno = stream.fileno()  # type: ignore[union-attr]
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
