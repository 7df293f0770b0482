"""The side-by-side comparison (data/comparison.toml), loaded only by `compare` and a saved summary:
from the snapshot's "comparison" part when it is fresh (content/snapshot.py), else checked against
the catalog like the catalog itself: every column filled on every row, every quote verbatim
(whitespace aside) in the section it cites, which must exist, and free of the sites' promotion.
The comparison's models (content/comparison_table.py) are also what renders it and what the summary
holds, so they are built here, from either source.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from pydantic import ValidationError

from explorer.content.catalog import Catalog
from explorer.content.comparison_table import Cell, Comparison
from explorer.content.matters import SILENT
from explorer.content.promotion import promotional_text
from explorer.content.resources import content_root
from explorer.content.sentences import check_quote
from explorer.content.toml import first_problem, read_toml, tables
from explorer.errors import CatalogError
from explorer.i18n import N_, _

ABOUT_ALL = N_("About these medications in general")


def _check_cell(path: Path, catalog: Catalog, cell: Cell, entry: str) -> None:
    if cell.silent:
        return
    if cell.section not in catalog.sections:
        raise CatalogError(path, f"cites unknown section {cell.section!r}", entry)
    found = promotional_text(cell.quote or "")
    if found:
        raise CatalogError(path, f"contains promotional text {found!r}", entry)
    check_quote(path, cell.quote or "", cell.section, catalog.sections, entry)


def load_comparison(catalog: Catalog, root: Path | None = None, today: datetime.date | None = None) -> Comparison:
    """The comparison of `root/data/comparison.toml` (by default under content_root()), with the
    explorer's notes attached to its cells (their `cells` in data/notes.toml); raises CatalogError
    naming the file and the entry."""
    root = root or content_root()
    data = None
    if catalog.snapshot is not None and root == catalog.root:  # unchanged since the snapshot was made?
        data = catalog.snapshot.fresh_part("comparison")
    if data is None:
        comparison = check_comparison(catalog, root)
        if catalog.language != "en":
            from explorer.content.translation import translate_parts

            translated = translate_parts({"comparison": comparison.model_dump(mode="json")}, root, catalog.language)
            comparison = Comparison.model_validate(translated["comparison"])
    else:
        comparison = Comparison.model_validate(data)
    return _with_notes(comparison, catalog, root / "data" / "notes.toml", today)


def check_comparison(catalog: Catalog, root: Path) -> Comparison:
    """`root/data/comparison.toml`, checked against the catalog (its cells without notes)."""
    path = root / "data" / "comparison.toml"
    raw = read_toml(path)
    rows = tables(path, raw.get("row", []), "row")
    tables(path, raw.get("column", []), "column")
    for number, raw_row in enumerate(rows, start=1):
        name = f"row {raw_row.get('id') or f'#{number}'}"
        cells = raw_row.get("cells") or {}
        if not isinstance(cells, dict):
            raise CatalogError(path, "cells must be a table", name)
        for column, cell in cells.items():
            try:
                Cell.model_validate(cell)
            except ValidationError as error:
                raise CatalogError(path, first_problem(error), f"{name}, {column}") from None
    try:
        comparison = Comparison.model_validate(
            {"intro": raw.get("intro"), "columns": raw.get("column", []), "rows": rows}
        )
    except ValidationError as error:
        raise CatalogError(path, first_problem(error)) from None
    for row in comparison.rows:
        for column, cell in row.cells.items():
            _check_cell(path, catalog, cell, f"row {row.id}, {column}")
        if row.about_all:
            _check_cell(path, catalog, row.about_all, f"row {row.id}, about_all")
    return comparison


def _with_notes(comparison: Comparison, catalog: Catalog, notes_path: Path, today: datetime.date | None) -> Comparison:
    cells = {f"{row.id}/{column}" for row in comparison.rows for column in row.cells}
    for note in catalog.notes.values():
        for cell in note.cells:
            if cell not in cells:
                raise CatalogError(notes_path, f"names unknown comparison cell {cell!r}", f"note {note.id}")
    rows = []
    for row in comparison.rows:
        filled = {
            column: cell.model_copy(
                update={
                    "notes": tuple(n.shown(today) for n in catalog.notes.values() if f"{row.id}/{column}" in n.cells)
                }
            )
            for column, cell in row.cells.items()
        }
        rows.append(row.model_copy(update={"cells": filled}))
    return comparison.model_copy(update={"rows": tuple(rows)})


def cell_text(cell: Cell) -> str:
    return _(SILENT) if cell.silent else f"“{cell.quote}”"


def cell_source(cell: Cell) -> str | None:
    """The section a cell quotes, as shown under the quote; None for a silent cell."""
    return None if cell.silent else _("(section {id})").format(id=cell.section)
