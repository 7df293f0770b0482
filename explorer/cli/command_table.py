"""The command table: each command's name, where its body is, the options it takes and how --help
describes it. The parser (its choices and help), --help's list of commands and the dispatch all
read it, so a command is added in one row. Light on purpose: --help reads it, and a body's module
is imported only when that command runs.
"""

from __future__ import annotations

from explorer.i18n import N_
from explorer.published.contract import SCHEMAS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms at every start)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from explorer.cli.environment import Environment
    from explorer.content.catalog import Catalog
    from explorer.render.finish import Output

    Body = Callable[[Catalog, argparse.Namespace, Environment], Output]

ALWAYS = frozenset({"plain", "debug", "lang"})  # how to show, in which language, how to fail: everywhere
SHOWS = ALWAYS | {"format"}  # the commands that print data: as text, Markdown or JSON


class Command:
    """One way to run the explorer.

    - body: the name of its function in explorer/cli/commands.py ("" for the interactive session,
      which main starts itself).
    - options: the destinations of the options it takes; any other given is refused, never ignored.
    - usage: how --help names it ("show ID").
    - describes: what it does, as phrases: --help breaks lines between them, never inside one
      (unless a phrase is longer than the line).
    """

    def __init__(self, body: str, options: frozenset[str], usage: str, describes: tuple[str, ...]) -> None:
        self.body, self.options, self.usage, self.describes = body, options, usage, describes

    def run(self) -> Body:
        from explorer.cli import commands

        body: Body = getattr(commands, self.body)
        return body


# The commands named on the command line, in the order --help lists them.
COMMANDS: dict[str, Command] = {
    "sections": Command("sections", SHOWS, "sections", (N_("list every section of the documents"),)),
    "show": Command("show", SHOWS | {"section_id"}, "show ID", (N_("print one section"),)),
    "rules": Command(
        "rules",
        SHOWS,
        "rules",
        (
            N_("list every rule:"),
            N_("when it applies,"),
            N_("the sections it suggests,"),
            N_("its reason"),
            N_("and the notes it adds."),
            N_("Then the order of the reading list"),
        ),
    ),
    "compare": Command(
        "compare",
        SHOWS,
        "compare",
        (
            N_("methadone, buprenorphine and naltrexone side by side,"),
            N_("quoted from the documents"),
            N_("(a table; --plain for one line per row)"),
        ),
    ),
    "glossary": Command(
        "glossary", ALWAYS, "glossary", (N_("the words the documents and notes use,"), N_("each in one plain sentence"))
    ),
    "about": Command(
        "about",
        SHOWS,
        "about",
        (N_("about this content:"), N_("where it comes from,"), N_("how current it is,"), N_("who made it")),
    ),
    "disclaimer": Command("disclaimer", ALWAYS, "disclaimer", (N_("the full disclaimer"),)),
    "schema": Command(
        "schema",
        ALWAYS | {"section_id"},
        "schema NAME",
        (
            N_("print the JSON Schema of the answers file (answers)"),
            N_("or of a JSON output:"),
            ", ".join(name for name in SCHEMAS if name != "answers"),
        ),
    ),
}

# No command: the questions asked interactively, or read with --answers FILE (scripting).
INTERACTIVE = Command(
    "", ALWAYS, N_("(none)"), (N_("ask the questions interactively,"), N_("then open the reading list"))
)
SCRIPTED = Command("scripted", ALWAYS | {"answers", "format", "save"}, "--answers FILE", ())

# How --help names the options when refusing one a command does not take.
OPTION_NAMES = {"section_id": N_("an ID"), "answers": "--answers", "format": "--format", "save": "--save"}


def listed() -> list[Command]:
    """The rows of --help's list of commands, the questionnaire first."""
    return [INTERACTIVE, *COMMANDS.values()]
