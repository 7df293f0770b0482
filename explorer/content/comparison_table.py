"""The side-by-side comparison (data/comparison.toml) as models: columns, rows, and cells that
quote the documents or say plainly that they are silent."""

from __future__ import annotations

from pydantic import Field, model_validator

from explorer.content.base import SLUG, Content
from explorer.content.notes import ShownNote


class Column(Content):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)


class Cell(Content):
    """A short quote with the section it comes from, or `silent = true` where the documents say
    nothing: a deliberate statement, never an empty default."""

    quote: str | None = Field(default=None, min_length=1)
    section: str | None = None
    silent: bool = False
    translation: str | None = None  # of the quote, in the catalog's language (content/translation.py)
    notes: tuple[ShownNote, ...] = ()  # the explorer's, attached from data/notes.toml at load, never written here

    @model_validator(mode="after")
    def _a_quote_or_silence(self) -> Cell:
        if self.silent and (self.quote or self.section):
            raise ValueError("a silent cell has no quote and no section")
        if not self.silent and not (self.quote and self.section):
            raise ValueError("needs a quote and its section, or silent = true")
        return self


class ComparisonRow(Content):
    id: str = Field(pattern=SLUG)
    label: str = Field(min_length=1)
    cells: dict[str, Cell]
    about_all: Cell | None = None  # what the documents say about the medications in general


class Comparison(Content):
    intro: str = Field(min_length=1)
    columns: tuple[Column, ...] = Field(min_length=2)
    rows: tuple[ComparisonRow, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_row_fills_every_column(self) -> Comparison:
        ids = [c.id for c in self.columns]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate column id")
        for row in self.rows:
            if sorted(row.cells) != sorted(ids):
                raise ValueError(f"row {row.id!r} needs exactly one cell for each of {', '.join(ids)}")
        return self
