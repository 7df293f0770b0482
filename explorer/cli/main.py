"""Command line: the command table, and main(), the one safety net: the referral is
shown on every way out (normal end, quit, Ctrl-C, a kill, end of input, bad input, a closed or
full output, crash), and every exit is an ExitStatus (explorer/errors.py). How the program ends
(signals, which stream still works, what was saved) is explorer/ending.py, used by main only.

Nothing but explorer.ending is imported up front: main installs the signal handlers first, then
imports the rest, so a Ctrl-C at any moment of the start still ends calmly. Each command imports
what it needs when it runs, so --help never loads pydantic or durable, and only the interactive
path loads questionary.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from explorer.cli import ending

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from explorer.content.catalog import Catalog
    from explorer.errors import ExitStatus
    from explorer.render.finish import Output


class Command:
    """One command: its body and the options that apply to it; any other is refused, never ignored."""

    def __init__(self, run: Callable[[Catalog, argparse.Namespace], Output], options: frozenset[str]) -> None:
        self.run, self.options = run, options


ALWAYS = frozenset({"plain", "debug"})  # how to show and how to fail: they apply everywhere


def _commands() -> dict[str | None, Command]:
    from explorer.cli import commands

    return {
        "sections": Command(commands.sections, ALWAYS),
        "rules": Command(commands.rules, ALWAYS),
        "show": Command(commands.show, ALWAYS | {"format", "section_id"}),
        "compare": Command(commands.compare, ALWAYS | {"format"}),
        "about": Command(commands.about, ALWAYS),
        None: Command(commands.scripted, ALWAYS | {"answers", "format", "save"}),  # with --answers
    }


OPTION_NAMES = {"section_id": "an ID", "answers": "--answers", "format": "--format", "save": "--save"}


def _refuse_what_does_not_apply(args: argparse.Namespace, allowed: frozenset[str]) -> None:
    from explorer.errors import InputError

    given = set(getattr(args, "_given", ())) | ({"section_id"} if args.section_id else set())
    for name in sorted(given - allowed, key=lambda name: name != "save"):  # --save's own message first
        if name == "section_id":
            raise InputError(f"unexpected argument {args.section_id!r}")
        if name == "save":
            raise InputError("--save goes with --answers FILE (an interactive session offers to save at the end)")
        if args.command is None:
            raise InputError(f"{OPTION_NAMES[name]} goes with --answers FILE or with show and compare")
        raise InputError(f"{args.command} does not take {OPTION_NAMES[name]}")


class _Outcome:
    """What main has shown so far; decides where the closing referral still has to go."""

    def __init__(self) -> None:
        self.referral_shown = False
        self.interactive = False


def run(args: argparse.Namespace, outcome: _Outcome) -> ExitStatus:
    """The program without its error handling: main() is the safety net around it."""
    from explorer.errors import ExitStatus, InputError

    if args.command is None and not args.answers:  # the interactive session
        _refuse_what_does_not_apply(args, ALWAYS)
        if sys.stdin is None or sys.stdout is None:
            closed = "input" if sys.stdin is None else "output"
            raise InputError(f"standard {closed} is closed, so no questions can be asked")
        from explorer.content.arriving import session_content
        from explorer.session import session

        if not session.has_terminal():  # damaged content is named before "no terminal", as it always was
            from explorer.content.catalog import load_catalog

            load_catalog()
        content = session_content()  # the first question now, the rest while it is read
        terminal = session.open_terminal(args.plain)
        outcome.interactive = True
        session.run(content, terminal)
        return ExitStatus.SUCCESS
    from explorer.ask.terminal import width_of
    from explorer.cli import commands
    from explorer.content.catalog import load_catalog
    from explorer.render.finish import finish

    command = _commands()[args.command]
    _refuse_what_does_not_apply(args, command.options)
    commands.save_format(args)  # a wrong --save is refused before anything runs
    output = command.run(load_catalog(), args)
    ending.write_output(finish(output, width_of(sys.stdout), ascii_only=not _encodes_all(sys.stdout)))
    outcome.referral_shown = True
    return ExitStatus.SUCCESS


def _encodes_all(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-16", "utf-32", "utf-8-sig")


def _run(argv: list[str] | None, outcome: _Outcome) -> int:
    """Parses and runs; everything the run printed is flushed here, inside main's net."""
    from explorer.cli.encoding import tolerate_narrow_encodings
    from explorer.cli.parser import build_parser

    tolerate_narrow_encodings(sys.stdout, sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help and --version
        outcome.referral_shown = True
        ending.flush_output()
        return stop.code if isinstance(stop.code, int) else 0
    return run(args, outcome)


APOLOGY = "sorry, something went wrong inside the explorer. This is not your fault."


def main(argv: list[str] | None = None) -> int:
    """The one safety net: however the run ends, one message at most, then the referral last."""
    ending.begin()
    ending.catch_signals()  # first of all: a Ctrl-C while the rest is imported is an interruption too
    outcome = _Outcome()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    problem: BaseException | None = None
    status = 1
    try:
        status = _run(argv, outcome)
    except BaseException as error:  # noqa: B036 - every way out, SystemExit and signals included
        problem = error
    try:
        try:
            status = _end(problem, status, outcome, debug)
        except KeyboardInterrupt:  # a signal in the instant before the ending ignored further ones
            status = _end(KeyboardInterrupt(), status, outcome, debug)
    finally:
        if argv is None:  # the program itself, not a caller (a test) that goes on afterwards
            ending.leave_now(int(status))
    return int(status)


def _end(problem: BaseException | None, status: int, outcome: _Outcome, debug: bool) -> int:
    ending.ignore_signals()
    ending.restore_terminal()
    from explorer.errors import ExitStatus, ExplorerError

    if isinstance(problem, (KeyboardInterrupt, EOFError)):
        ending.say("\n" + ending.stop_message() + "\n", prefer_stdout=outcome.interactive)
        status = ExitStatus.INTERRUPTED
    elif isinstance(problem, BrokenPipeError):  # the reader left (`| head`): nothing more to say there
        ending.silence(sys.stdout)
        outcome.interactive, outcome.referral_shown = False, False
        status = ExitStatus.SUCCESS
    elif isinstance(problem, ending.OutputError):
        outcome.interactive, outcome.referral_shown = False, False
        ending.say(f"treatment-explorer: {problem}\n")
        status = ExitStatus.USAGE
    elif isinstance(problem, ExplorerError):
        status = problem.status
        if problem.status == ExitStatus.USAGE or problem.lead:
            ending.say(f"treatment-explorer: {problem.describe()}\n")
        else:
            _apologize(problem, debug)
    elif isinstance(problem, SystemExit):
        status = problem.code if isinstance(problem.code, int) else ExitStatus.SUCCESS
    elif problem is not None:
        _apologize(problem, debug)
        status = ExitStatus.ERROR
    if not outcome.referral_shown:
        _closing_referral(outcome)
    return int(status)


def _apologize(problem: BaseException, debug: bool) -> None:
    import traceback

    if debug:
        details = "".join(traceback.format_exception(type(problem), problem, problem.__traceback__))
        ending.say(f"treatment-explorer: {APOLOGY}\n{details}")
    else:
        ending.say(f"treatment-explorer: {APOLOGY}\n(run again with --debug to see the details)\n")


def _closing_referral(outcome: _Outcome) -> None:
    """On stdout after a session (where the person is looking), else on stderr; on the other
    stream where that one fails; the plain text if even the formatted block fails."""
    from explorer.referral import REFERRAL_TEXT

    try:
        from explorer.ask.terminal import width_of
        from explorer.render.finish import referral

        stream = sys.stdout if outcome.interactive else sys.stderr
        text = "\n" + referral(width_of(stream if ending.stream_works(stream) else None))
    except Exception:
        text = "\n" + REFERRAL_TEXT + "\n"
    ending.say(text, prefer_stdout=outcome.interactive)
