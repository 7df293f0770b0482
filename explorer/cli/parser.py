"""The command line's parser: the options, the help (wrapped at the terminal's width) and the
refusal of an option given twice. Light on purpose: --help imports nothing heavy."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from explorer.errors import InputError
from explorer.formats import SHOWN
from explorer.render.text import wrap

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
  rules               list every rule: its condition, the sections it suggests, its reason,
                      the notes it attaches, and the order of the reading list
  compare             methadone, buprenorphine and naltrexone side by side, quoted from the
                      documents (a table; --plain for one line per row)
  about               about this content: where it comes from, how current it is, who made it

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

    def __call__(self, parser, namespace, values, option_string=None):
        given = namespace.__dict__.setdefault("_given", set())
        if self.dest in given:
            raise argparse.ArgumentError(self, "may be given only once")
        given.add(self.dest)
        setattr(namespace, self.dest, True if self.nargs == 0 else values)


class _Version(argparse._VersionAction):
    """--version: the version in the package's metadata, looked up only when asked."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from explorer.content.resources import version

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
    parser.add_argument(
        "command",
        nargs="?",
        choices=("sections", "show", "rules", "compare", "about"),
        metavar="command",
        help="sections, show ID, rules, compare or about (see below); none for the questionnaire",
    )
    parser.add_argument("section_id", nargs="?", metavar="ID", help="the section to show")
    parser.add_argument(
        "--answers",
        action=_Once,
        metavar="FILE",
        help="read the answers from a JSON file (- for standard input) instead of asking",
    )
    parser.add_argument(
        "--format",
        action=_Once,
        choices=[f.value for f in SHOWN],
        default="text",
        help="output format for --answers and show (default: text)",
    )
    parser.add_argument(
        "--plain",
        action=_Once,
        nargs=0,
        default=False,
        help="numbered choices typed as numbers, no colours or arrow-key menus "
        "(for screen readers and simple terminals; the default when TERM=dumb); "
        "compare as a list",
    )
    parser.add_argument(
        "--save",
        action=_Once,
        metavar="PATH",
        help="with --answers: also save a take-home summary (.html or .md) to PATH",
    )
    parser.add_argument(
        "--debug", action=_Once, nargs=0, default=False, help="show the full traceback if something fails"
    )
    parser.add_argument("--version", action=_Version, version="%(prog)s")
    return parser
