"""Saving the take-home summary: the offer at the end of an interactive session, and the save
itself (shared with `--save PATH`).

The offer asks through the session's Terminal (explorer/ask/terminal.py), so arrow-key menus,
numbered --plain menus and tests all drive it alike; the day and the record of what was saved are
the Environment's (explorer/cli/environment.py). Nothing is written unless the person says yes
and names a file; an existing file is replaced only after a second yes.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.ask.terminal import Terminal
from explorer.content.catalog import Catalog
from explorer.formats import Format, saved_format
from explorer.i18n import N_, _
from explorer.infer.result import Result
from explorer.summary.writer import AlreadyExists, Records, SaveError, exists, target_path, write_atomic

if TYPE_CHECKING:
    from explorer.cli.environment import Environment

OFFER = N_("Save a summary to bring to your appointment?")
FORMATS = (
    (N_("HTML: a page to open in a browser or print (.html)"), Format.HTML),
    (N_("Markdown: plain text (.md)"), Format.MARKDOWN),
)
EXTENSIONS = {Format.HTML: ".html", Format.MARKDOWN: ".md"}


def save(
    catalog: Catalog,
    result: Result,
    path: str | Path,
    fmt: Format,
    overwrite: bool = False,
    today: datetime.date | None = None,
    records: Records | None = None,
) -> Path:
    """Builds the summary and writes it atomically; raises SaveError (AlreadyExists) on failure.
    `records` (the Environment) is told of the file as it takes its name."""
    # Imported here: only saving pays for the comparison, its rules and (for HTML) Jinja2.
    from explorer.content.comparison import load_comparison
    from explorer.content.figures import load_figures
    from explorer.summary.build import build_summary
    from explorer.summary.formats import render_summary
    from explorer.summary.rules import load_summary_rules

    comparison = load_comparison(catalog, today=today)
    rules = load_summary_rules(comparison)
    figures = load_figures(catalog).chosen(result.figures) if result.figures else None
    summary = build_summary(catalog, result, comparison, rules, today, figures)
    return write_atomic(path, render_summary(summary, Format(fmt)), overwrite=overwrite, records=records)


def save_in(
    env: Environment, catalog: Catalog, result: Result, path: str | Path, fmt: Format, overwrite: bool = False
) -> Path:
    """save() dated by the Environment's clock, and recorded there in the step that gives the file
    its name: an interruption from then on must not say that nothing was saved."""
    return save(catalog, result, path, fmt, overwrite=overwrite, today=env.today(), records=env)


def _with_extension(name: str, fmt: Format) -> str:
    return name if saved_format(name) == fmt else name + EXTENSIONS[fmt]


def free_name(path: Path) -> Path:
    """`path` if nothing is there, else the first free name beside it with -2, -3, ... before its
    extension (treatment-options-summary-2026-12-01-2.html)."""
    if not exists(path):
        return path
    number = 2
    while exists(candidate := path.with_name(f"{path.stem}-{number}{path.suffix}")):
        number += 1
    return candidate


ASK_NAME = N_("Which file should it be saved to?")
ASK_OTHER_NAME = N_("Which other file should it be saved to? (Enter alone: save nothing)")


def offer(catalog: Catalog, result: Result, terminal: Terminal, env: Environment) -> Path | None:
    """Asks whether to save, in which format and where; returns the path written, or None.

    Enter alone at every question always ends: a declined "Replace it?" and a name that is a
    folder suggest a name that is free; after an error nothing is suggested, so Enter alone gives
    up. No name is ever suggested twice in a row."""
    menus, say = terminal.menus, terminal.say
    if not menus.confirm(_(OFFER), False):
        return None
    fmt = Format(menus.select(_("Which format?"), [(_(label), value) for label, value in FORMATS], Format.HTML))
    day = env.today().isoformat()
    default_name = f"treatment-options-summary-{day}{EXTENSIONS[fmt]}"
    question, suggestion = ASK_NAME, default_name
    while True:
        name = menus.text(_(question), suggestion).strip()
        if not name:
            say(_("No file name given: nothing was saved."))
            return None
        question, overwrite = ASK_NAME, False
        try:
            if os.path.isdir(folder := target_path(name)):  # "~" or "Documents": a file in it
                suggestion = str(free_name(folder / default_name))
                say(_("{folder} is a folder. Here is a file name inside it.").format(folder=folder))
                continue
            path = target_path(_with_extension(name, fmt))
            if exists(path):  # a dangling link too: never followed
                overwrite = menus.confirm(_("{path} already exists. Replace it?").format(path=path), False)
                if not overwrite:
                    suggestion = str(free_name(path))
                    continue
            written = save_in(env, catalog, result, path, fmt, overwrite=overwrite)
        except AlreadyExists:
            suggestion = str(free_name(path))  # it appeared in the meantime
            continue
        except SaveError as error:
            say(_("Could not save: {error}. Nothing was written.").format(error=error))
            if not menus.confirm(_("Try another file name?"), True):
                return None
            question, suggestion = ASK_OTHER_NAME, ""
            continue
        say(_("Saved: {path}").format(path=written.resolve()))
        return written
