"""Command line: the parser, the command table, and main(), the one safety net: the referral is
shown on every way out (normal end, quit, Ctrl-C, end of input, bad input, crash), and every exit
is an ExitStatus (explorer/errors.py).

Only light modules are imported up front: each command imports what it needs when it runs, so
--help never loads pydantic or durable, and only the interactive path loads questionary.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer import __version__
from explorer.ask.terminal import width_of
from explorer.encoding import tolerate_narrow_encodings
from explorer.errors import ExitStatus, ExplorerError, InputError
from explorer.formats import SHOWN
from explorer.referral import REFERRAL_TEXT
from explorer.render.finish import Output, finish, referral
from explorer.render.text import wrap

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog

DESCRIPTION = (  # one paragraph: the help wraps it at the terminal's width
    "An offline, educational explorer of treatment options for heroin and other opioid addiction. "
    "Answer a few questions about general preferences; read what five published articles say about "
    "the options that fit; finish with where to get help. Not medical advice, not a diagnosis."
)

EPILOG = """\
commands:
  (none)              ask the questions interactively, then open the reading list
  sections            list every section of the documents
  show ID             print one section
  rules               list every rule: its condition, the sections it suggests, its reason
  compare             methadone, buprenorphine and naltrexone side by side, quoted from the
                      documents (a table; --plain for one line per row)

scripting (no prompts):
  treatment-explorer --answers answers.json --format json
  echo '{"setting": "doctor_office", "interests": ["overdose"]}' | treatment-explorer --answers -
  treatment-explorer --answers answers.json --save summary.html   (or .md)
  keys: for_whom setting dosing detox counseling support_groups interests;
  a missing key means "unsure". See README.md for the values.

Help now: SAMHSA's National Helpline 1-800-662-HELP (4357), free and confidential, 24/7. \
In a crisis call or text 988; in an emergency or an overdose call 911."""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help with the description, the epilog and the usage also wrapped at the
    terminal's width: on a narrow terminal the terminal would otherwise break words."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.split("\n"):
            # "  show ID      print one section": continuation lines go under the description.
            column = re.match(r"( *)\S+( \S+)? {2,}", line)
            hang = " " * (column.end() - len(column.group(1))) if column else ""
            lines.append(wrap(line, width, indent, hang))
        return "\n".join(lines)

    def _format_usage(self, *args: Any) -> str:
        usage = super()._format_usage(*args)
        if max(len(line) for line in usage.splitlines()) <= self._width:
            return usage
        return wrap(" ".join(usage.split()), self._width, hang="    ") + "\n\n"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own usage error, kept; the referral follows from main's finally.
        self.print_usage(sys.stderr)
        raise InputError(message)


class _Once(argparse.Action):
    """Stores an option's value (True for a flag declared with nargs=0) and refuses a second use:
    argparse alone would silently keep the last, e.g. of `--answers a.json --answers b.json`."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        given = namespace.__dict__.setdefault("_given", set())
        if self.dest in given:
            raise argparse.ArgumentError(self, "may be given only once")
        given.add(self.dest)
        setattr(namespace, self.dest, True if self.nargs == 0 else values)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="treatment-explorer",
        allow_abbrev=False,  # "--ans" is a usage error, not a guess at --answers
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("command", nargs="?", choices=("sections", "show", "rules", "compare"),
                        metavar="command",
                        help="sections, show ID, rules or compare (see below); none for the questionnaire")
    parser.add_argument("section_id", nargs="?", metavar="ID", help="the section to show")
    parser.add_argument("--answers", action=_Once, metavar="FILE",
                        help="read the answers from a JSON file (- for standard input) instead of asking")
    parser.add_argument("--format", action=_Once, choices=[f.value for f in SHOWN], default="text",
                        help="output format for --answers and show (default: text)")
    parser.add_argument("--plain", action=_Once, nargs=0, default=False,
                        help="numbered choices typed as numbers, no colours or arrow-key menus "
                             "(for screen readers and simple terminals; the default when TERM=dumb); "
                             "compare as a list")
    parser.add_argument("--save", action=_Once, metavar="PATH",
                        help="with --answers: also save a take-home summary (.html or .md) to PATH")
    parser.add_argument("--debug", action=_Once, nargs=0, default=False,
                        help="show the full traceback if something fails")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


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
    status = ExitStatus.ERROR
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
