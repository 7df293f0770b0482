"""The commands' bodies, named by the command table (explorer/cli/command_table.py). Each takes the
catalog, the parsed options and the Environment, and returns what it shows (an Output, without the
referral: main finishes it), so every command and every format ends the same way.

Heavy modules are imported inside the commands that need them: `sections` never loads durable,
and only saving loads the comparison, its rules and Jinja2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.cli import ending
from explorer.errors import InputError
from explorer.formats import Format, saved_format
from explorer.i18n import _
from explorer.render.finish import Output

if TYPE_CHECKING:
    from explorer.cli.environment import Environment
    from explorer.content.catalog import Catalog
    from explorer.infer.result import Result


def sections(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.render.listings import render_sections

    return render_sections(catalog, Format(args.format), env.width())


def rules(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.render.listings import render_rules

    return render_rules(catalog, Format(args.format), env.width())


def show(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.render.result import render_section

    if not args.section_id:
        raise InputError(_("show needs a section ID; list them with: treatment-explorer sections"))
    section = catalog.sections.get(args.section_id)
    if section is None:
        raise InputError(_("no section {id!r}; list them with: treatment-explorer sections").format(id=args.section_id))
    label = catalog.document_label(section.source)
    notes = tuple(note.shown(env.today()) for note in catalog.section_notes(section))
    return render_section(section, label, Format(args.format), env.width(), notes, env.plain)


def about(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.render.listings import render_about

    return render_about(Format(args.format), env.width())


def schema(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    """The JSON Schema of the answers file or of a JSON output, generated from its model."""
    from explorer.published.contract import SCHEMAS

    names = ", ".join(SCHEMAS)
    if not args.section_id:
        raise InputError(_("schema needs a name, one of: {names}").format(names=names))
    if args.section_id not in SCHEMAS:
        raise InputError(_("no schema {name!r}; the schemas are: {names}").format(name=args.section_id, names=names))
    from explorer.published.schemas import schema_of

    return Output(Format.JSON, schema_of(args.section_id, catalog))


def glossary(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.render.glossary import render_glossary

    return render_glossary(tuple(catalog.glossary.values()), Format(args.format), env.width())


def disclaimer(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.content.resources import disclaimer_path
    from explorer.render.listings import disclaimer_text

    return Output(
        Format.TEXT, disclaimer_text(disclaimer_path(env.language).read_text(encoding="utf-8"), env.width(), env.plain)
    )


def compare(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    from explorer.content.comparison import load_comparison
    from explorer.content.figures import load_figures
    from explorer.render.comparison import BOX_CHARACTERS, render_comparison
    from explorer.render.figures import ASCII_GLYPHS, GLYPHS

    # The linear form also where the terminal's encoding has no box-drawing characters; the icon
    # arrays in squares where it has them, in ASCII where not, and not at all with --plain.
    plain = env.plain or not env.can_show(BOX_CHARACTERS)
    glyphs = None if env.plain else GLYPHS if env.can_show("".join(GLYPHS)) else ASCII_GLYPHS
    comparison = load_comparison(catalog, today=env.today())
    figures = load_figures(catalog)
    return render_comparison(comparison, Format(args.format), env.width(), plain, figures, glyphs, env.today())


def save_format(args: argparse.Namespace) -> Format | None:
    """Checks --save before anything runs: it goes with --answers and names .html or .md."""
    if args.save is None:
        return None
    if not args.answers or args.command:
        raise InputError(_("--save goes with --answers FILE (an interactive session offers to save at the end)"))
    if not args.save.strip():
        raise InputError(_("--save needs a file name ending in .html or .md, such as summary.html"))
    name = Path(args.save).name
    if saved_format("x" + name) is not None and saved_format(name) is None:  # ".html" alone
        raise InputError(
            _("--save {name}: give a name before the extension, such as summary{extension}").format(
                name=args.save, extension=name
            )
        )
    fmt = saved_format(args.save)
    if fmt is None:
        raise InputError(_("--save {name}: the file name must end in .html or .md").format(name=args.save))
    return fmt


def scripted(catalog: Catalog, args: argparse.Namespace, env: Environment) -> Output:
    """--answers FILE: the reading list in the chosen format, and the summary saved if asked."""
    from explorer.ask.answers_file import read_answers
    from explorer.infer.run import result_for
    from explorer.render.result import render_result

    fmt = save_format(args)
    stdin = env.stdin.buffer if env.stdin is not None else None  # None: standard input is closed
    result = result_for(catalog, read_answers(args.answers, stdin), env.today())
    if fmt:
        _save(catalog, result, args.save, fmt, env)
    return render_result(result, Format(args.format), env.width(), env.plain)


def _save(catalog: Catalog, result: Result, path: str, fmt: Format, env: Environment) -> None:
    from explorer.summary import offer
    from explorer.summary.writer import SaveError

    try:
        written = offer.save_in(env, catalog, result, path, fmt)
    except SaveError as error:
        raise InputError(_("the summary was not saved: {error}").format(error=error)) from None
    ending.note(env, "treatment-explorer: " + _("summary saved to {path}").format(path=written) + "\n")
