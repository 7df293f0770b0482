"""How the program ends, for `main` (the one safety net): what it says when stopped, the streams
its last words can still reach, the terminal's mode put back, the words ready for when even the
ending fails. What it finds out on the way (a stream that broke, a summary saved) is recorded in
the Environment, never here; the signals that stop the run are explorer/cli/signals.py.

- A stop (a signal, Ctrl-C at a menu, end of input) is exit 130, "Stopped." and where a summary
  was saved, if one was; the referral last.
- Messages go to standard error; where it is closed or cannot be written, to standard output;
  where neither works, nowhere (the exit code still says what happened).
- Standard output is written and flushed here, inside main, to the end (a slow reader of a
  non-blocking pipe is waited for): a closed pipe ends quietly (exit 0), an output that cannot be
  written (closed, a full disk) is an OutputError (exit 2). Everything written goes through the
  Environment's `put`, which also makes control characters visible.

Imports nothing but modules the interpreter has already loaded, so that main can have it ready
before anything slow is imported.
"""

from __future__ import annotations

import os

from explorer.cli.streams import put
from explorer.i18n import N_, _, reason
from explorer.referral import referral_text  # strings only: ready for the last words

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from typing import IO

    from explorer.cli.environment import Environment


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
        return _("Stopped. The summary was saved to {paths}.").format(paths=", ".join(str(path) for path in env.saved))
    return _("Stopped. Nothing was saved.")


def _write(env: Environment, stream: IO[str] | None, text: str) -> bool:
    if stream is None or not env.stream_works(stream):
        return False
    try:
        put(stream, text)
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
        raise OutputError(_("standard output is closed, so nothing could be shown"))
    try:
        put(stream, text)  # all of it, or an error: never a silent cut
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        env.mark_broken(stream)
        silence(stream)
        raise OutputError(_("cannot write to standard output: {reason}").format(reason=reason(error))) from None


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


APOLOGY = N_("sorry, something went wrong inside the explorer. This is not your fault.")
INTERRUPTED, ERROR = 130, 1  # ExitStatus's values (explorer/errors.py), known here without importing it


def _prepared(text: str, stream: IO[str] | None) -> bytes:
    """`text` encoded once, as the stream will need it: in its encoding, where it has one that
    knows every character (Spanish has accents), else ASCII with "?" for the rest."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return text.encode("ascii", errors="replace")


class LastWords:
    """What is said where even the ending failed (a MemoryError under a tight memory limit): the
    apology or "Stopped.", then the referral's plain text. Made before anything can fail: the words
    encoded when the program started (in its language), the descriptors known, written with os.write, which needs no
    memory of its own."""

    def __init__(self, env: Environment) -> None:
        self.descriptors = [fd for fd in (_descriptor(env.stderr), _descriptor(env.stdout)) if fd is not None]
        self.streams = [stream for stream in (env.stderr, env.stdout) if stream is not None]
        referral, stream = referral_text(), env.stderr or env.stdout  # in the run's language
        self.texts = {
            True: "\n" + _("Stopped.") + "\n\n" + referral + "\n",
            False: "treatment-explorer: " + _(APOLOGY) + "\n\n" + referral + "\n",
        }
        self.words = {stopped: _prepared(text, stream) for stopped, text in self.texts.items()}

    def say(self, problem: BaseException | None, failure: BaseException) -> int:
        """Writes the words to the first stream that takes them; returns the exit status."""
        stopped = isinstance(problem, (KeyboardInterrupt, EOFError)) or isinstance(failure, KeyboardInterrupt)
        words = self.words[stopped]
        for fd in self.descriptors:
            if _write_all(fd, words):
                break
        else:  # streams without a descriptor (a test's): their own write
            for stream in self.streams:
                try:
                    stream.write(self.texts[stopped])
                    break
                except Exception:  # noqa: S112 - the next stream, if any
                    continue
        return INTERRUPTED if stopped else ERROR


def _descriptor(stream: IO[str] | None) -> int | None:
    try:
        return stream.fileno() if stream is not None else None
    except (OSError, ValueError, AttributeError):  # not a file (a test's), or closed
        return None


def _write_all(fd: int, data: bytes) -> bool:
    written = 0
    try:
        while written < len(data):
            written += os.write(fd, data[written:])
    except OSError:
        return False
    return True
