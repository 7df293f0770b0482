"""The signals that stop the program, for `main` (the one safety net): Ctrl-C, Ctrl-\\ (SIGQUIT),
a kill (SIGTERM) and a closed terminal (SIGHUP) all raise KeyboardInterrupt, and the run stops
calmly with exit 130 and the referral (explorer/cli/ending.py says so). What they find out (the
signal that came, the handlers replaced) is recorded in the Environment, never here.

A stopping signal is never lost: it is recorded first; while its KeyboardInterrupt is on its way
to main, later ones add nothing (a burst cannot break the way out, say by raising inside the
menu's event loop as it shuts down); where Python dropped it (raised inside a callback of the
garbage collector, "Exception ignored in ..."), it is raised again a moment later; main stops a
run that went on after one anyway. A step that must not be cut (placing a saved file and
recording it) holds the stop until it is done (HeldStops), and so does Python code that an
exception must not cut (_not_to_be_cut).

Imports nothing but modules the interpreter has already loaded (and signal), so that main can
install the handlers before anything slow is imported.
"""

from __future__ import annotations

import signal
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from types import FrameType, TracebackType
    from typing import Any

    from explorer.cli.environment import Environment

STOPPING = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
IMPORT_SYSTEM = ("importlib._bootstrap", "importlib._bootstrap_external")  # always frozen, these names in any build
AGAIN_AFTER = 0.01  # seconds: a dropped or held stop is raised again once the code it met is done


def _stopping_signals() -> list[signal.Signals]:
    return [getattr(signal, name) for name in STOPPING if hasattr(signal, name)]


def _stop(env: Environment, signum: int, frame: FrameType | None = None) -> None:
    if env.stopping is None:
        env.stopping = signum
    if env.ending or env.held or env.stop_raised:
        return
    if _not_to_be_cut(frame) and _again_soon():
        return
    env.stop_raised = True  # on its way to main: later signals must not break the way
    raise KeyboardInterrupt


def _not_to_be_cut(frame: FrameType | None) -> bool:
    """Whether `frame`, the code a signal interrupted, must finish before the stop is raised:
    - the import system's own code: between taking the global import lock and the `try` that gives
      it back, an exception leaves the lock taken for good; the background thread that loads the
      content then waits for it forever, and the ending for a module that thread is importing:
      the run would hang after "Stopped.", before the referral;
    - the hook that hands a dropped stop to the timer: an exception there is dropped too, and the
      stop with it.
    A signal of a burst that comes while this module handles the one before is decided for the
    code that one interrupted: the handler's own frames are looked through."""
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        if frame.f_code.co_name == "hook":
            return True
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__") in IMPORT_SYSTEM


def _again_soon() -> bool:
    """The stop is raised a moment later (SIGALRM), wherever the program is then; False where
    there is no such timer."""
    if not hasattr(signal, "setitimer"):
        return False
    signal.setitimer(signal.ITIMER_REAL, AGAIN_AFTER)
    return True


def catch_signals(env: Environment) -> None:
    """From now on, each stopping signal is an interruption (KeyboardInterrupt); the handlers it
    replaces are kept in `env` for restore_signals."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        _stop(env, signum, frame)

    def again(signum: int, frame: FrameType | None) -> None:
        if env.stopping is not None:
            _stop(env, env.stopping, frame)

    for signum in _stopping_signals():
        previous = signal.signal(signum, interrupt)
        env.replaced_handlers.setdefault(signum, previous)
    if hasattr(signal, "SIGALRM"):
        env.replaced_handlers.setdefault(signal.SIGALRM, signal.signal(signal.SIGALRM, again))
    env.replaced_unraisablehook = sys.unraisablehook
    sys.unraisablehook = _dropping_no_stop(env, sys.unraisablehook)


def _dropping_no_stop(env: Environment, previous: Any) -> Any:
    """sys.unraisablehook: Python calls it with an exception it drops (one raised in a weakref or
    garbage-collection callback, or in __del__). A KeyboardInterrupt of a stop is raised again a
    moment later (SIGALRM), in the program's own code, and nothing is printed; anything else is
    reported as before."""

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt) and env.stopping is not None:
            if not env.ending:
                env.stop_raised = False  # it will never reach main
                _again_soon()
            return
        previous(unraisable)

    return hook


class HeldStops:
    """A step that a stopping signal must not cut (a saved file placed and recorded): the stop waits
    until the step is done, and stops the run then."""

    def __init__(self, env: Environment) -> None:
        self.env = env

    def __enter__(self) -> None:
        self.env.held += 1

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.env.held -= 1
        if not self.env.held and self.env.stopping is not None:
            _stop(self.env, self.env.stopping)


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
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)  # a stop raised again is no longer awaited
    for signum, handler in env.replaced_handlers.items():
        signal.signal(signum, handler)
    env.replaced_handlers.clear()
    if env.replaced_unraisablehook is not None:
        sys.unraisablehook, env.replaced_unraisablehook = env.replaced_unraisablehook, None
