"""Command line: argument parsing, the one top-level error handler, and the guarantee that the
referral is shown on every way out (normal end, quit, Ctrl-C, end of input, bad input, crash).

Exit codes: 0 done, 1 unexpected failure or damaged content, 2 bad input or usage, 130 interrupted.

Only light modules are imported up front: each command imports what it needs when it runs, so
--help never loads pydantic or durable, and only the interactive path loads questionary.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sys
import traceback
from typing import IO, TYPE_CHECKING, Any

from explorer import render
from explorer.encoding import can_show, tolerate_narrow_encodings
from explorer.errors import CatalogError, InputError
from explorer.referral import REFERRAL_TEXT

if TYPE_CHECKING:
    from explorer.catalog import Catalog
    from explorer.models import Answers, Result
    from explorer.prompts import Menus

MAX_WIDTH = 100  # long lines are hard to read, even on a wide terminal
ARROW_MENU_MARKS = "»○●"  # questionary's pointer and checkbox marks

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
            lines.append(render.wrap(line, width, indent, hang))
        return "\n".join(lines)

    def _format_usage(self, *args: Any) -> str:
        usage = super()._format_usage(*args)
        if max(len(line) for line in usage.splitlines()) <= self._width:
            return usage
        return render.wrap(" ".join(usage.split()), self._width, hang="    ") + "\n\n"


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


class _Version(argparse._VersionAction):
    """--version: the version in the package's metadata, looked up only when asked."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from explorer.resources import version

        self.version = f"%(prog)s {version()}"
        super().__call__(parser, namespace, values, option_string)


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
    parser.add_argument("--format", action=_Once, choices=render.FORMATS, default="text",
                        help="output format for --answers and show (default: text)")
    parser.add_argument("--plain", action=_Once, nargs=0, default=False,
                        help="numbered choices typed as numbers, no colours or arrow-key menus "
                             "(for screen readers and simple terminals; the default when TERM=dumb); "
                             "compare as a list")
    parser.add_argument("--save", action=_Once, metavar="PATH",
                        help="with --answers: also save a take-home summary (.html or .md) to PATH")
    parser.add_argument("--debug", action=_Once, nargs=0, default=False,
                        help="show the full traceback if something fails")
    parser.add_argument("--version", action=_Version, version="%(prog)s")
    return parser


class _Outcome:
    """What main has shown so far; decides where the closing referral still has to go."""

    def __init__(self) -> None:
        self.referral_shown = False
        self.interactive = False


def _width(stream: IO[str]) -> int:
    if stream.isatty():
        return max(20, min(shutil.get_terminal_size((80, 24)).columns - 1, MAX_WIDTH))
    return 80


def _result(catalog: Catalog, answers: Answers) -> Result:
    from explorer.engine import (
        RuleEngine,  # durable: only once there are answers to evaluate
    )
    from explorer.models import Referral
    from explorer.reading_list import build_result

    fired = RuleEngine.for_rules(catalog.rules).fired(answers)
    return build_result(catalog, answers, fired, Referral(text=REFERRAL_TEXT))


def _write(text: str, outcome: _Outcome) -> None:
    """Writes a complete output, which always ends with the referral."""
    sys.stdout.write(text)
    sys.stdout.flush()
    outcome.referral_shown = True


def _show(catalog: Catalog, section_id: str | None, fmt: str, outcome: _Outcome) -> None:
    if not section_id:
        raise InputError("show needs a section ID; list them with: treatment-explorer sections")
    section = catalog.sections.get(section_id)
    if section is None:
        raise InputError(f"no section {section_id!r}; list them with: treatment-explorer sections")
    if fmt == "json":
        data = {**section.model_dump(mode="json"), "referral": {"text": REFERRAL_TEXT}}
        _write(json.dumps(data, indent=2, ensure_ascii=False) + "\n", outcome)
        return
    if fmt == "markdown":
        _write(render.section_markdown(catalog, section), outcome)
        return
    width = _width(sys.stdout)
    _write(render.section_page(catalog, section, width) + "\n" + render.referral(width), outcome)


def _compare(catalog: Catalog, args: argparse.Namespace, outcome: _Outcome) -> None:
    # Imported here: only compare and saved summaries pay for the comparison.
    from explorer import compare_render
    from explorer.comparison import load_comparison

    width = _width(sys.stdout)
    # The linear form also where the terminal's encoding has no box-drawing characters.
    plain = args.plain or not can_show(compare_render.BOX_CHARACTERS, sys.stdout)
    _write(compare_render.render_comparison(load_comparison(catalog), args.format, width, plain), outcome)


def _menus(plain: bool, width: int) -> Menus:
    # Numbered menus also where arrow-key menus would not work or would show "?" for their marks.
    if plain or os.environ.get("TERM") == "dumb" or not can_show(ARROW_MENU_MARKS, sys.stdout):
        from explorer.numbered_menus import NumberedMenus

        return NumberedMenus(width)
    # Imported here: only the arrow-key menus pay for questionary and prompt_toolkit.
    from explorer.arrow_menus import ArrowMenus

    return ArrowMenus(width)


def _interactive(catalog: Catalog, plain: bool, outcome: _Outcome) -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError(
            "no terminal to ask the questions on. To script it instead: "
            "treatment-explorer --answers FILE (or - for standard input), e.g. "
            "echo '{\"setting\": \"doctor_office\"}' | treatment-explorer --answers - --format text"
        )
    outcome.interactive = True
    from explorer import questionnaire, reader

    width = _width(sys.stdout)
    menus = _menus(plain, width)

    def say(text: str) -> None:
        print(render.wrap(text, width), flush=True)

    print(render.disclaimer(width), flush=True)
    answers = questionnaire.ask(catalog.questions, menus, say=say)
    result = _result(catalog, answers)
    print("\n" + render.overview_text(catalog, result, width), flush=True)
    rows = shutil.get_terminal_size((80, 24)).lines
    reader.read(catalog, result, menus, width=width, rows=rows, say=print)
    from explorer import take_home

    print(flush=True)
    take_home.offer(catalog, result, menus, say=say)


def _save_format(args: argparse.Namespace) -> str | None:
    """Checks --save before anything runs: it goes with --answers and names .html or .md."""
    if not args.save:
        return None
    if not args.answers or args.command:
        raise InputError("--save goes with --answers FILE (an interactive session offers to save at the end)")
    from explorer.writers import format_for

    fmt = format_for(args.save)
    if fmt is None:
        raise InputError(f"--save {args.save}: the file name must end in .html or .md")
    return fmt


def _save(catalog: Catalog, result: Result, path: str, fmt: str) -> None:
    from explorer import take_home
    from explorer.writers import SaveError

    try:
        written = take_home.save(catalog, result, path, fmt)
    except SaveError as error:
        raise InputError(f"the summary was not saved: {error}") from None
    print(f"treatment-explorer: summary saved to {written}", file=sys.stderr)


def _dispatch(args: argparse.Namespace, outcome: _Outcome) -> int:
    from explorer.catalog import load_catalog

    save_format = _save_format(args)
    catalog = load_catalog()
    width = _width(sys.stdout)
    if args.command == "sections":
        _write(render.sections_listing(catalog, width) + render.referral(width), outcome)
    elif args.command == "rules":
        _write(render.rules_listing(catalog, width) + render.referral(width), outcome)
    elif args.command == "show":
        _show(catalog, args.section_id, args.format, outcome)
    elif args.command == "compare":
        _compare(catalog, args, outcome)
    elif args.section_id:
        raise InputError(f"unexpected argument {args.section_id!r}")
    elif args.answers:
        from explorer.answers_file import read_answers

        answers = read_answers(args.answers, sys.stdin.buffer)
        result = _result(catalog, answers)
        if save_format:
            _save(catalog, result, args.save, save_format)
        _write(render.render_result(catalog, result, args.format, width), outcome)
    else:
        _interactive(catalog, args.plain, outcome)
    return 0


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    outcome = _Outcome()
    tolerate_narrow_encodings(sys.stdout, sys.stderr)
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    for name in ("SIGTERM", "SIGHUP"):  # a closed terminal or a kill still ends with the referral
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _raise_interrupt)
    code = 1
    try:
        code = _dispatch(build_parser().parse_args(argv), outcome)
    except SystemExit as stop:  # --help and --version
        code = stop.code if isinstance(stop.code, int) else 0
        outcome.referral_shown = True
    except InputError as error:
        print(f"treatment-explorer: {error}", file=sys.stderr)
        code = 2
    except CatalogError as error:
        print(f"treatment-explorer: the content files are damaged, so nothing can be shown: {error}", file=sys.stderr)
        code = 1
    except (KeyboardInterrupt, EOFError):
        print("\nStopped. Nothing was saved.", file=sys.stderr if not outcome.interactive else sys.stdout)
        code = 130
    except BrokenPipeError:
        _silence_stdout()
        outcome.interactive = False
        code = 0
    except Exception:
        print("treatment-explorer: sorry, something went wrong inside the explorer. "
              "This is not your fault.", file=sys.stderr)
        if debug:
            traceback.print_exc()
        else:
            print("(run again with --debug to see the details)", file=sys.stderr)
        code = 1
    finally:
        if not outcome.referral_shown:
            _closing_referral(outcome)
    return code


def _closing_referral(outcome: _Outcome) -> None:
    stream = sys.stdout if outcome.interactive else sys.stderr
    try:
        stream.write("\n" + render.referral(_width(stream)))
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
