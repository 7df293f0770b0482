"""The command line's parser: the options, the help (wrapped at the terminal's width) and the
refusal of an option given twice. Light on purpose: --help imports nothing heavy."""

from __future__ import annotations

import argparse

from explorer.cli.command_table import COMMANDS, listed
from explorer.errors import InputError
from explorer.formats import SHOWN
from explorer.i18n import LANGUAGES, N_, _, language
from explorer.i18n.choice import HOW_TO_SWITCH
from explorer.render.text import fill_phrases, wrap

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from _typeshed import SupportsWrite

    from explorer.cli.environment import Environment

DESCRIPTION = N_(  # one paragraph: the help wraps it at the terminal's width
    "Learn about treatment for heroin and other opioid addiction, offline. Answer a few questions "
    "about general preferences. Read what five published articles say about the options that fit. "
    "Finish with where to get help. Not medical advice, not a diagnosis."
)

SCRIPTING = N_("""\
scripting (no prompts):
  treatment-explorer --answers answers.json --format json
  echo '{"setting": "doctor_office", "interests": ["overdose"]}' | treatment-explorer --answers -
  treatment-explorer --answers answers.json --save summary.html   (or .md)
  treatment-explorer schema result   (the JSON Schema of that output)
  keys: for_whom setting dosing detox counseling support_groups interests;
  a missing key means "unsure". The values: treatment-explorer schema answers""")

HELP_NOW = N_(
    "Help now: SAMHSA's National Helpline 1-800-662-HELP (4357), free and confidential, 24/7. "
    "In a crisis call or text 988; in an emergency or an overdose call 911."
)

# argparse's own words, as this Python says them (argparse translates them through gettext's
# `_`, which build_parser points at the explorer's catalog). A Python whose argparse words differ
# says them in English.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("ignored explicit argument %r"),
)

DESCRIBED_AT = 22  # the column where a command's description starts, after "  show ID"
PHRASE_BREAK = "\x1f"  # between the phrases of a command's description: the help may break there


def epilog() -> str:
    """The list of commands (a row each, from the command table), the scripting examples and where
    to get help."""
    rows = [
        f"  {_(c.usage):<{DESCRIBED_AT - 2}}" + PHRASE_BREAK.join(("", *(_(phrase) for phrase in c.describes)))
        for c in listed()
    ]
    return "\n".join([_("commands:"), *rows, "", _(SCRIPTING), "", _(HELP_NOW), "", HOW_TO_SWITCH[language()]])


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help with the description, the epilog and the usage also wrapped at the
    terminal's width: on a narrow terminal the terminal would otherwise break words. A command's
    description breaks between its phrases, its continuation lines under its first."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.split("\n"):
            if PHRASE_BREAK in line:
                usage, *phrases = line.split(PHRASE_BREAK)
                lines += fill_phrases(phrases, max(width, len(indent) + 20), indent + usage, indent + " " * len(usage))
            else:
                lines.append(wrap(line, width, indent))
        return "\n".join(lines)

    def _format_usage(self, *args: Any) -> str:
        usage = super()._format_usage(*args)
        if max(len(line) for line in usage.splitlines()) <= self._width:
            return usage
        return wrap(" ".join(usage.split()), self._width, hang="    ") + "\n\n"


class _Parser(argparse.ArgumentParser):
    """Writes its help, its usage and its version to the Environment's streams."""

    def __init__(self, env: Environment, **options: Any) -> None:
        super().__init__(**options)
        self.env = env

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        self._print_message(self.format_usage(), file or self.env.stdout)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        self._print_message(self.format_help(), file or self.env.stdout)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Where it was sent, or nowhere: the help or the version asked for on a closed standard
        # output is not shown on standard error (main then says that nothing could be shown). A
        # write that fails is left for main to find when it flushes standard output, and to name.
        stream = file
        if message and stream is not None:
            try:
                stream.write(message)
            except (AttributeError, OSError):
                pass

    def error(self, message: str) -> NoReturn:
        # argparse's own usage error, kept; the referral follows from main's finally.
        self.print_usage(self.env.stderr)
        raise InputError(message)


class _Once(argparse.Action):
    """Stores an option's value (True for a flag declared with nargs=0) and refuses a second use:
    argparse alone would silently keep the last, e.g. of `--answers a.json --answers b.json`."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
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

        assert isinstance(parser, _Parser)
        formatter = parser._get_formatter()
        formatter.add_text(f"{parser.prog} {version()}")
        parser._print_message(formatter.format_help(), parser.env.stdout)
        parser.exit()


def _named(commands: list[str]) -> str:
    return _("{commands} or {last}").format(commands=", ".join(commands[:-1]), last=commands[-1])


def build_parser(env: Environment) -> argparse.ArgumentParser:
    width = env.size()[0] - 2  # as argparse's own: two columns spare
    setattr(argparse, "_", _)  # noqa: B010 - argparse's words ("usage:", its errors) in the run's language

    def formatter(prog: str) -> _HelpFormatter:
        return _HelpFormatter(prog, width=width)

    parser = _Parser(
        env,
        prog="treatment-explorer",
        allow_abbrev=False,  # "--ans" is a usage error, not a guess at --answers
        description=_(DESCRIPTION),
        epilog=epilog(),
        formatter_class=formatter,
    )
    parser.add_argument(
        "command",
        nargs="?",
        choices=tuple(COMMANDS),
        metavar="command",
        help=_("{commands} (see below); none for the questionnaire").format(
            commands=_named([c.usage for c in COMMANDS.values()])
        ),
    )
    parser.add_argument("section_id", nargs="?", metavar="ID", help=_("the section to show (or the schema to print)"))
    parser.add_argument(
        "--answers",
        action=_Once,
        metavar="FILE",
        help=_("read the answers from a JSON file (- for standard input) instead of asking"),
    )
    parser.add_argument(
        "--format",
        action=_Once,
        choices=[f.value for f in SHOWN],
        default="text",
        help=_(
            "how --answers and the commands that print data write it (default: text). Each JSON "
            "output has a schema: treatment-explorer schema NAME"
        ),
    )
    parser.add_argument(
        "--plain",
        action=_Once,
        nargs=0,
        default=False,
        help=_(
            "numbered choices typed as numbers, no colours or arrow-key menus "
            "(for screen readers and simple terminals; the default when TERM=dumb); "
            "compare as a list"
        ),
    )
    parser.add_argument(
        "--save",
        action=_Once,
        metavar="PATH",
        help=_("with --answers: also save a take-home summary (.html or .md) to PATH"),
    )
    parser.add_argument(
        "--lang",
        action=_Once,
        choices=LANGUAGES,
        default=env.language,
        help=_(
            "the language: en (English) or es (Spanish); without it, the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"
        ),
    )
    parser.add_argument(
        "--debug", action=_Once, nargs=0, default=False, help=_("show the full traceback if something fails")
    )
    parser.add_argument("--version", action=_Version)
    return parser
