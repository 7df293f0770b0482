"""How the program ends, for `main` (the one safety net): the signals that stop it, the streams its
last words can still reach, the terminal's mode put back. What it finds out on the way (a stream
that broke, a summary saved, the handlers it replaced) is recorded in the Environment, never here.

- Ctrl-C, Ctrl-\\ (SIGQUIT), a kill (SIGTERM) and a closed terminal (SIGHUP) all raise
  KeyboardInterrupt: the run stops calmly with exit 130 and the referral. The first one also
  ignores every later one, so a burst of signals cannot break the ending itself.
- Messages go to standard error; where it is closed or cannot be written, to standard output;
  where neither works, nowhere (the exit code still says what happened).
- Standard output is written and flushed here, inside main: a closed pipe ends quietly (exit 0),
  an output that cannot be written (closed, a full disk) is an OutputError (exit 2).

Imports nothing but modules the interpreter has already loaded (and signal), so that main can
install the signal handlers before anything slow is imported.
"""

from __future__ import annotations

import os
import signal

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from types import FrameType
    from typing import IO

    from explorer.cli.environment import Environment

STOPPING = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")


def _stopping_signals() -> list[signal.Signals]:
    return [getattr(signal, name) for name in STOPPING if hasattr(signal, name)]


def _interrupt(signum: int, frame: FrameType | None) -> None:
    ignore_signals()
    raise KeyboardInterrupt


def catch_signals(env: Environment) -> None:
    """From now on, each stopping signal is an interruption (KeyboardInterrupt); the handlers it
    replaces are kept in `env` for restore_signals."""
    for signum in _stopping_signals():
        previous = signal.signal(signum, _interrupt)
        env.replaced_handlers.setdefault(signum, previous)


def _ending_already(signum: int, frame: FrameType | None) -> None:
    """A stopping signal while the program ends: nothing to do."""


def ignore_signals() -> None:
    """The program is ending: later signals must not interrupt the ending."""
    # A handler that does nothing, not SIG_IGN: a signal of a burst that arrived before this
    # runs is still pending in Python, and finding SIG_IGN it would raise "OSError: Signal 1
    # ignored due to race condition" in the middle of the ending (seen under load).
    for signum in _stopping_signals():
        try:
            signal.signal(signum, _ending_already)
        except (ValueError, OSError):  # not the main thread
            pass


def restore_signals(env: Environment) -> None:
    """The handlers as main found them, for a caller that goes on after main (a test)."""
    for signum, handler in env.replaced_handlers.items():
        signal.signal(signum, handler)
    env.replaced_handlers.clear()


def leave_now(env: Environment, status: int) -> None:
    """Ends the process once the referral is out, without the interpreter's shutdown: nothing may
    follow the referral, and the shutdown could add to it (prompt_toolkit's "Task was destroyed
    but it is pending!" after a signal ended a menu) or be killed by a late signal of a burst
    once it has put the default handlers back (exit 143 instead of 130). Both seen under load."""
    for stream in (env.stdout, env.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # noqa: S110 - a closed or broken stream: its words are lost already
            pass
    os._exit(status)


def remember_terminal(env: Environment) -> None:
    """Keeps the terminal's mode as the program found it (echo, line editing) in `env`."""
    if not env.stdin_isatty:
        return
    try:
        import termios

        env.terminal_mode = termios.tcgetattr(env.stdin.fileno())  # type: ignore[union-attr]
    except (ImportError, OSError, ValueError, AttributeError):
        pass


def restore_terminal(env: Environment) -> None:
    """The terminal's mode as the program found it, whatever stopped a menu in raw mode, even a
    signal in the instant it switched."""
    if env.terminal_mode is None:
        return
    try:
        import termios

        termios.tcsetattr(env.stdin.fileno(), termios.TCSADRAIN, env.terminal_mode)  # type: ignore[union-attr]
    except (ImportError, OSError, ValueError, AttributeError):
        pass


def stop_message(env: Environment) -> str:
    if env.saved:
        return "Stopped. The summary was saved to " + ", ".join(str(path) for path in env.saved) + "."
    return "Stopped. Nothing was saved."


def _write(env: Environment, stream: IO[str] | None, text: str) -> bool:
    if stream is None or not env.stream_works(stream):
        return False
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError, AttributeError):
        env.mark_broken(stream)
        silence(stream)
        return False
    return True


def say(env: Environment, text: str, prefer_stdout: bool = False) -> IO[str] | None:
    """Writes `text` (ending in a newline) to stderr, else stdout (the other way round if asked);
    returns the stream that took it, None if none did."""
    order = (env.stdout, env.stderr) if prefer_stdout else (env.stderr, env.stdout)
    for stream in order:
        if _write(env, stream, text):
            return stream
    return None


def note(env: Environment, text: str) -> None:
    """A side remark ("summary saved to ..."): on stderr or not at all, never inside the output."""
    _write(env, env.stderr, text)


class OutputError(Exception):
    """Standard output cannot be written (closed, or a full disk)."""


def write_output(env: Environment, text: str) -> None:
    """The command's output, flushed now: a closed pipe raises BrokenPipeError (main ends quietly),
    any other failure an OutputError naming standard output."""
    stream = env.stdout
    if stream is None:
        raise OutputError("standard output is closed, so nothing could be shown")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        env.mark_broken(stream)
        silence(stream)
        reason = getattr(error, "strerror", None) or str(error)
        raise OutputError(f"cannot write to standard output: {reason}") from None


def flush_output(env: Environment) -> None:
    """What argparse printed (--help, --version) is flushed here, like any output."""
    write_output(env, "")


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
