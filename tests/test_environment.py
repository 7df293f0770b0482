"""The process belongs to the Environment: the program reads the standard streams, the terminal's
size and the clock only through it, keeps no state of its own between runs, and leaves the process
as it found it (signal handlers, signal.set_wakeup_fd) to a caller that goes on after main."""

from __future__ import annotations

import datetime
import io
import re
import signal
import sys
import types

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from explorer.ask.arrow_menus import ArrowMenus
from explorer.cli import ending, main, signals, streams

from .helpers.content import PROJECT_ROOT
from .helpers.keys import ENTER
from .helpers.run import made_up_environment, run_main

STOPPING = [getattr(signal, name) for name in signals.STOPPING if hasattr(signal, name)]
MAY_BE_OUT_OF_DATE = "may be out of date"
# Where the process's streams may be named: the Environment, and the entry point that makes it.
STREAMS_ALLOWED_IN = {"explorer/cli/environment.py", "explorer/cli/main.py"}


def _readers_of_the_process_streams(sources: dict[str, str]) -> list[str]:
    return sorted(name for name, text in sources.items() if re.search(r"sys\.(std|__std)", text))


def test_only_the_environment_reads_the_process_s_streams():
    sources = {p.relative_to(PROJECT_ROOT).as_posix(): p.read_text() for p in (PROJECT_ROOT / "explorer").rglob("*.py")}
    assert set(_readers_of_the_process_streams(sources)) <= STREAMS_ALLOWED_IN


def test_the_stream_check_catches_a_module_that_prints_to_sys_stdout():
    planted = {"explorer/render/listings.py": "import sys\nsys.stdout.write('x')\n"}
    assert _readers_of_the_process_streams(planted) == ["explorer/render/listings.py"]


def _module_state(module: types.ModuleType) -> list[str]:
    """The module's own variables that hold a mutable container."""
    mutable = (list, dict, set, bytearray)
    return [name for name, value in vars(module).items() if not name.startswith("__") and isinstance(value, mutable)]


@pytest.mark.parametrize("module", [ending, signals, streams], ids=lambda module: module.__name__)
def test_the_ending_keeps_no_state_between_runs(module):
    assert _module_state(module) == []


def test_the_state_check_catches_a_module_level_list():
    planted = types.ModuleType("planted")
    exec("STOPPING = ('SIGINT',)\n_saved = []\n", vars(planted))
    assert _module_state(planted) == ["_saved"]


def test_main_gives_a_caller_its_signal_handlers_back():
    watched = [*STOPPING, signal.SIGALRM]  # SIGALRM raises a stop that Python dropped again
    before = {number: signal.getsignal(number) for number in watched}
    hook = sys.unraisablehook
    code, _, _ = run_main(["sections"])
    assert code == 0
    assert {number: signal.getsignal(number) for number in watched} == before
    assert sys.unraisablehook is hook


def test_the_handler_check_catches_handlers_left_in_place():
    env = made_up_environment()
    before = {number: signal.getsignal(number) for number in STOPPING}
    signals.catch_signals(env)
    try:
        assert {number: signal.getsignal(number) for number in STOPPING} != before
    finally:
        signals.restore_signals(env)
    assert {number: signal.getsignal(number) for number in STOPPING} == before


def test_the_wakeup_fd_is_quieted_only_while_an_arrow_menu_runs():
    process_wide = signal.set_wakeup_fd
    during: list[object] = []
    menus = ArrowMenus(80)
    menus.when_drawn(lambda: during.append(signal.set_wakeup_fd))
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER)
        menus.prompt_options = {"input": pipe, "output": DummyOutput()}
        assert menus.select("Who?", [("Me", "self"), ("Not sure", "unsure")], default="unsure") == "unsure"
    assert during != [process_wide]  # replaced while the menu's loop ran
    assert len(during) == 1
    assert signal.set_wakeup_fd is process_wide  # and put back once it ended


def test_the_dates_come_from_the_environment_s_clock():
    """The telehealth note is due for review on 2027-01-01: a day after it says so."""
    shown = {}
    for day in (datetime.date(2026, 12, 1), datetime.date(2027, 1, 2)):
        out = io.StringIO()
        env = made_up_environment(stdout=out, today=day)
        assert main.main(["show", "buprenorphine-office-based"], env) == 0
        shown[day] = " ".join(out.getvalue().split())  # words, whatever the line breaks
    assert MAY_BE_OUT_OF_DATE not in shown[datetime.date(2026, 12, 1)]
    assert MAY_BE_OUT_OF_DATE in shown[datetime.date(2027, 1, 2)]


class _Terminal(io.StringIO):
    """A fake standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_width_is_the_terminal_s_and_80_elsewhere():
    assert made_up_environment(size=(50, 20)).width() == 80  # a capture is not a terminal
    assert made_up_environment(stdout=_Terminal(), size=(50, 20)).width() == 49  # one column spare
    assert made_up_environment(stdout=_Terminal(), size=(300, 20)).width() == 100  # at most 100
    assert made_up_environment(stdout=_Terminal(), size=(5, 20)).width() == 20  # at least 20


def test_columns_and_lines_override_the_terminal_s_size():
    env = made_up_environment(stdout=_Terminal(), size=None, environ={"COLUMNS": "61", "LINES": "17"})
    assert env.size() == (61, 17)
    assert env.width() == 60


def test_a_closed_standard_output_is_no_terminal_and_has_the_usual_size():
    env = made_up_environment(size=None)
    env.stdout = None
    assert not env.stdout_isatty
    assert env.size() == (80, 24)
    assert env.width() == 80


def test_the_help_follows_the_environment_s_size():
    out = io.StringIO()
    assert main.main(["--help"], made_up_environment(stdout=out, size=(50, 24))) == 0
    assert max(len(line) for line in out.getvalue().splitlines()) <= 48
