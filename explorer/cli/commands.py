"""The commands' bodies. Each returns what it shows (an Output, without the referral: the command
line finishes it), so every command and every format ends the same way.

Heavy modules are imported inside the commands that need them: `sections` never loads durable,
and only saving loads the comparison, its rules and Jinja2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.ask.terminal import width_of
from explorer.cli import ending
from explorer.cli.encoding import can_show
from explorer.errors import InputError
from explorer.formats import Format, saved_format
from explorer.render.finish import Output

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog
    from explorer.infer.result import Result


def sections(catalog: Catalog, args: argparse.Namespace) -> Output:
    from explorer.render.listings import sections_listing

    return Output(Format.TEXT, sections_listing(catalog, width_of(sys.stdout)))


def rules(catalog: Catalog, args: argparse.Namespace) -> Output:
    from explorer.render.listings import rules_listing

    return Output(Format.TEXT, rules_listing(catalog, width_of(sys.stdout)))


def show(catalog: Catalog, args: argparse.Namespace) -> Output:
    from explorer.render.result import render_section

    if not args.section_id:
        raise InputError("show needs a section ID; list them with: treatment-explorer sections")
    section = catalog.sections.get(args.section_id)
    if section is None:
        raise InputError(f"no section {args.section_id!r}; list them with: treatment-explorer sections")
    label = catalog.document_label(section.source)
    notes = tuple(note.shown() for note in catalog.section_notes(section))
    return render_section(section, label, Format(args.format), width_of(sys.stdout), notes)


def about(catalog: Catalog, args: argparse.Namespace) -> Output:
    from explorer.render.listings import about_text

    return Output(Format.TEXT, about_text(width_of(sys.stdout)))


def compare(catalog: Catalog, args: argparse.Namespace) -> Output:
    from explorer.content.comparison import load_comparison
    from explorer.render.comparison import BOX_CHARACTERS, render_comparison

    # The linear form also where the terminal's encoding has no box-drawing characters.
    plain = args.plain or not can_show(BOX_CHARACTERS, sys.stdout)
    return render_comparison(load_comparison(catalog), Format(args.format), width_of(sys.stdout), plain)


def save_format(args: argparse.Namespace) -> Format | None:
    """Checks --save before anything runs: it goes with --answers and names .html or .md."""
    if args.save is None:
        return None
    if not args.answers or args.command:
        raise InputError("--save goes with --answers FILE (an interactive session offers to save at the end)")
    if not args.save.strip():
        raise InputError("--save needs a file name ending in .html or .md, such as summary.html")
    name = Path(args.save).name
    if saved_format("x" + name) is not None and saved_format(name) is None:  # ".html" alone
        raise InputError(f"--save {args.save}: give a name before the extension, such as summary{name}")
    fmt = saved_format(args.save)
    if fmt is None:
        raise InputError(f"--save {args.save}: the file name must end in .html or .md")
    return fmt


def scripted(catalog: Catalog, args: argparse.Namespace) -> Output:
    """--answers FILE: the reading list in the chosen format, and the summary saved if asked."""
    from explorer.ask.answers_file import read_answers
    from explorer.infer.run import result_for
    from explorer.render.result import render_result

    fmt = save_format(args)
    stdin = sys.stdin.buffer if sys.stdin is not None else None  # None: standard input is closed
    result = result_for(catalog, read_answers(args.answers, stdin))
    if fmt:
        _save(catalog, result, args.save, fmt)
    return render_result(result, Format(args.format), width_of(sys.stdout))


def _save(catalog: Catalog, result: Result, path: str, fmt: Format) -> None:
    from explorer.summary import offer
    from explorer.summary.writer import SaveError

    try:
        written = offer.save(catalog, result, path, fmt)
    except SaveError as error:
        raise InputError(f"the summary was not saved: {error}") from None
    ending.note(f"treatment-explorer: summary saved to {written}\n")
