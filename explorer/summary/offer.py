"""Saving the take-home summary: the offer at the end of an interactive session, and the save
itself (shared with `--save PATH`).

The offer asks through the session's Terminal (explorer/ask/terminal.py), so arrow-key menus,
numbered --plain menus and tests all drive it alike. Nothing is written unless the person says yes
and names a file; an existing file is replaced only after a second yes.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from explorer import ending
from explorer.ask.terminal import Terminal
from explorer.content.catalog import Catalog
from explorer.formats import Format, saved_format
from explorer.infer.result import Result
from explorer.summary.writer import AlreadyExists, SaveError, exists, target_path, write_atomic

OFFER = "Save a summary to bring to your appointment?"
FORMATS = (
    ("HTML: a page to open in a browser or print (.html)", Format.HTML),
    ("Markdown: plain text (.md)", Format.MARKDOWN),
)
EXTENSIONS = {Format.HTML: ".html", Format.MARKDOWN: ".md"}


def save(
    catalog: Catalog,
    result: Result,
    path: str | Path,
    fmt: Format,
    overwrite: bool = False,
    today: datetime.date | None = None,
) -> Path:
    """Builds the summary and writes it atomically; raises SaveError (AlreadyExists) on failure."""
    # Imported here: only saving pays for the comparison, its rules and (for HTML) Jinja2.
    from explorer.content.comparison import load_comparison
    from explorer.summary.build import build_summary
    from explorer.summary.formats import render_summary
    from explorer.summary.rules import load_summary_rules

    comparison = load_comparison(catalog, today=today)
    summary = build_summary(catalog, result, comparison, load_summary_rules(comparison), today)
    written = write_atomic(path, render_summary(summary, Format(fmt)), overwrite=overwrite)
    ending.saved(written)  # an interruption from now on must not say that nothing was saved
    return written


def _with_extension(name: str, fmt: Format) -> str:
    return name if saved_format(name) == fmt else name + EXTENSIONS[fmt]


def offer(catalog: Catalog, result: Result, terminal: Terminal, today: datetime.date | None = None) -> Path | None:
    """Asks whether to save, in which format and where; returns the path written, or None."""
    menus, say = terminal.menus, terminal.say
    if not menus.confirm(OFFER, False):
        return None
    fmt = Format(menus.select("Which format?", FORMATS, Format.HTML))
    day = (today or datetime.date.today()).isoformat()
    default = f"treatment-options-summary-{day}{EXTENSIONS[fmt]}"
    while True:
        name = menus.text("Which file should it be saved to?", default).strip()
        if not name:
            say("No file name given: nothing was saved.")
            return None
        overwrite = False
        try:
            path = target_path(_with_extension(name, fmt))
            if exists(path) and not os.path.isdir(path):  # a dangling link too: never followed
                overwrite = menus.confirm(f"{path} already exists. Replace it?", False)
                if not overwrite:
                    continue
            written = save(catalog, result, path, fmt, overwrite=overwrite, today=today)
        except AlreadyExists:
            continue  # it appeared in the meantime: ask again
        except SaveError as error:
            say(f"Could not save: {error}. Nothing was written.")
            if not menus.confirm("Try another file name?", True):
                return None
            continue
        say(f"Saved: {written.resolve()}")
        return written
