"""Text in and out of the standard streams, for the Environment (explorer/cli/environment.py): all
of it or an error, and no wait that a signal cannot end.

- put(): every control character but the line end and the tab made visible (explorer/render/
  printable.py), then written and flushed to the end, even on a non-blocking descriptor with a
  slow reader.
- read_line(): a line typed at the terminal, waiting in a poll that a signal always ends.

Imports nothing but modules the interpreter has already loaded; select and signal when needed.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from typing import IO


def put(stream: IO[str], text: str) -> None:
    """Text as it reaches a terminal, a pipe or a file through a standard stream: every control
    character but the line end and the tab made visible (explorer/render/printable.py), then
    written and flushed to the end, even on a non-blocking descriptor. Errors (a closed pipe, a
    full disk) are raised as the stream's own."""
    from explorer.render.printable import printable

    text = printable(text)
    descriptor = _non_blocking_descriptor(stream)
    if descriptor is None:
        stream.write(text)
        stream.flush()
        return
    # A parent (node, for one) may leave a pipe or a terminal non-blocking: a write that finds the
    # pipe full then fails at once (EAGAIN), and Python's buffered streams drop part of what they
    # held, without an error (seen: 4 KiB of 42 KiB out, exit 0). Here the stream's buffer is
    # emptied and the text written to the descriptor directly, waiting for the reader each time.
    while True:
        try:
            stream.flush()  # a BlockingIOError keeps the buffer's unwritten part: flushing again goes on
            break
        except BlockingIOError:
            _wait_until_writable(descriptor)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    data = memoryview(text.encode(encoding, getattr(stream, "errors", None) or "strict"))
    while data:
        try:
            data = data[os.write(descriptor, data) :]
        except BlockingIOError:
            _wait_until_writable(descriptor)


def _non_blocking_descriptor(stream: IO[str]) -> int | None:
    try:
        descriptor = stream.fileno()
        return None if os.get_blocking(descriptor) else descriptor
    except (AttributeError, ValueError, OSError):  # not a file (a test's), or closed
        return None


def _wait_until_writable(descriptor: int) -> None:
    """Until the reader has taken some of what waits in the pipe (or left: the write then fails)."""
    import select

    poll = select.poll()
    poll.register(descriptor, select.POLLOUT)
    poll.poll()


def _wait_until_readable(descriptor: int) -> None:
    """Until `descriptor` has something to read, or a signal came: a signal's byte in a wakeup
    pipe ends the wait whenever the signal arrives, even the instant before the wait began."""
    import select
    import signal

    wakeup_read, wakeup_write = os.pipe()
    try:
        os.set_blocking(wakeup_write, False)
        previous = signal.set_wakeup_fd(wakeup_write, warn_on_full_buffer=False)
    except ValueError:  # not the main thread: no signal to wait for
        previous = None
    try:
        poll = select.poll()
        poll.register(descriptor, select.POLLIN)
        poll.register(wakeup_read, select.POLLIN)
        while not any(fd == descriptor for fd, _ in poll.poll()):
            os.read(wakeup_read, 512)  # a signal whose handler did not stop the run: wait on
    finally:
        if previous is not None:
            signal.set_wakeup_fd(previous)
        os.close(wakeup_read)
        os.close(wakeup_write)


def read_line(stream: IO[str]) -> str:
    """A line typed at the terminal `stream` (its prompt already shown); Ctrl-D on an empty line
    raises EOFError.

    Read from the descriptor, not with input(): a signal that arrives the instant before input()
    blocks in read() is handled only once a key comes (a burst of kills hung a numbered question,
    1 run in 400), and the C library may read again for the rest of a line. Here the only wait is
    a poll on the terminal and a signal wakeup pipe, and the handler runs as soon as it returns."""
    try:
        descriptor = stream.fileno()
    except (AttributeError, ValueError, OSError):  # not a file (a test's), or closed
        return input()
    line = b""
    while not line.endswith(b"\n"):
        _wait_until_readable(descriptor)
        try:
            chunk = os.read(descriptor, 4096)  # in a terminal's ordinary mode: at most one line
        except BlockingIOError:  # a non-blocking descriptor with nothing after all
            continue
        except OSError:  # the terminal is gone (EIO after a hang-up): the input has ended
            raise EOFError from None
        if not chunk:  # Ctrl-D (end of input)
            if not line:
                raise EOFError
            break
        line += chunk
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return line.decode(encoding, "replace").removesuffix("\n")
