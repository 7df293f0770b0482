"""Command line: the command table, and main(), the one safety net: the referral is
shown on every way out (normal end, quit, Ctrl-C, end of input, bad input, crash), and every exit
is an ExitStatus (explorer/errors.py).

Only light modules are imported up front: each command imports what it needs when it runs, so
--help never loads pydantic or durable, and only the interactive path loads questionary.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.ask.terminal import width_of
from explorer.encoding import tolerate_narrow_encodings
from explorer.errors import ExitStatus, ExplorerError, InputError
from explorer.parser import build_parser
from explorer.referral import REFERRAL_TEXT
from explorer.render.finish import Output, finish, referral

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog


@dataclass(frozen=True)
class Command:
    """One command: its body and the options that apply to it; any other is refused, never ignored."""

    run: Callable[[Catalog, argparse.Namespace], Output]
    options: frozenset[str]


ALWAYS = frozenset({"plain", "debug"})  # how to show and how to fail: they apply everywhere


def _commands() -> dict[str | None, Command]:
    from explorer import commands

    return {
        "sections": Command(commands.sections, ALWAYS),
        "rules": Command(commands.rules, ALWAYS),
        "show": Command(commands.show, ALWAYS | {"format", "section_id"}),
        "compare": Command(commands.compare, ALWAYS | {"format"}),
        None: Command(commands.scripted, ALWAYS | {"answers", "format", "save"}),  # with --answers
    }


OPTION_NAMES = {"section_id": "an ID", "answers": "--answers", "format": "--format", "save": "--save"}


def _refuse_what_does_not_apply(args: argparse.Namespace, allowed: frozenset[str]) -> None:
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
    from explorer import commands
    from explorer.content.catalog import load_catalog

    if args.command is None and not args.answers:  # the interactive session
        _refuse_what_does_not_apply(args, ALWAYS)
        from explorer import session

        catalog = load_catalog()
        terminal = session.open_terminal(args.plain)
        outcome.interactive = True
        session.run(catalog, terminal)
        return ExitStatus.SUCCESS
    command = _commands()[args.command]
    _refuse_what_does_not_apply(args, command.options)
    commands.save_format(args)  # a wrong --save is refused before anything runs
    output = command.run(load_catalog(), args)
    sys.stdout.write(finish(output, width_of(sys.stdout)))
    sys.stdout.flush()
    outcome.referral_shown = True
    return ExitStatus.SUCCESS


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


APOLOGY = "sorry, something went wrong inside the explorer. This is not your fault."


def main(argv: list[str] | None = None) -> int:
    outcome = _Outcome()
    tolerate_narrow_encodings(sys.stdout, sys.stderr)
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    for name in ("SIGTERM", "SIGHUP"):  # a closed terminal or a kill still ends with the referral
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _raise_interrupt)
    status: int = ExitStatus.ERROR
    try:
        status = run(build_parser().parse_args(argv), outcome)
    except SystemExit as stop:  # --help and --version
        status = stop.code if isinstance(stop.code, int) else ExitStatus.SUCCESS
        outcome.referral_shown = True
    except ExplorerError as error:
        status = error.status
        if error.status == ExitStatus.USAGE or error.lead:
            print(f"treatment-explorer: {error.describe()}", file=sys.stderr)
        else:
            _apologize(debug)
    except (KeyboardInterrupt, EOFError):
        print("\nStopped. Nothing was saved.", file=sys.stderr if not outcome.interactive else sys.stdout)
        status = ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        outcome.interactive = False
        status = ExitStatus.SUCCESS
    except Exception:
        _apologize(debug)
        status = ExitStatus.ERROR
    finally:
        if not outcome.referral_shown:
            _closing_referral(outcome)
    return int(status)


def _apologize(debug: bool) -> None:
    print(f"treatment-explorer: {APOLOGY}", file=sys.stderr)
    if debug:
        traceback.print_exc()
    else:
        print("(run again with --debug to see the details)", file=sys.stderr)


def _closing_referral(outcome: _Outcome) -> None:
    stream = sys.stdout if outcome.interactive else sys.stderr
    try:
        stream.write("\n" + referral(width_of(stream)))
        stream.flush()
    except Exception:
        # stdout is gone (closed terminal or pipe), or even the formatted block failed: the plain
        # text on stderr is the last place left to say it.
        try:
            sys.stderr.write("\n" + REFERRAL_TEXT + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
