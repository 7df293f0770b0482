"""The medications side by side as JSON (`compare --format json`): every cell quotes the documents
and names its section, or says that they are silent; the explorer's notes stand beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from explorer.published.base import Part, Published, absent_when_none
from explorer.published.figures import Figures, figures_json
from explorer.published.notes import CellNote

if TYPE_CHECKING:
    import datetime

    from explorer.content.comparison_table import Comparison as ComparisonTable
    from explorer.content.figures import Figures as FiguresRecord


class Column(Part):
    """A medication."""

    id: str = Field(description="Its id: a key of every row's `cells`.")
    label: str = Field(description="Its name.")


class Cell(Part):
    """What the documents say on one row for one medication: a quote with its section, or silence."""

    quote: str | SkipJsonSchema[None] = absent_when_none("Whole sentences of the section, verbatim; absent if silent.")
    translation: str | SkipJsonSchema[None] = absent_when_none(
        "An unofficial translation of `quote` into the output's `lang`; absent in English and where there is none."
    )
    section: str | SkipJsonSchema[None] = absent_when_none("The id of the section quoted; absent if silent.")
    silent: bool = Field(description='True where the documents say nothing ("The documents say nothing about this.").')
    notes: tuple[CellNote, ...] = Field(description="The explorer's own notes beside the cell, set apart from it.")


class Row(Part):
    """One point of comparison."""

    id: str = Field(description="The row's id.")
    label: str = Field(description="The point, in words.")
    cells: dict[str, Cell] = Field(description="One cell per column, by the column's id.")
    about_all: Cell | SkipJsonSchema[None] = absent_when_none(
        "What the documents say about the medications in general; absent where they say nothing so general."
    )


class Comparison(Published):
    """Methadone, buprenorphine and naltrexone side by side, quoted from the documents. It shows what
    they say; it does not say which medicine fits anyone."""

    intro: str = Field(description="What the comparison is, in words.")
    columns: tuple[Column, ...] = Field(description="The medications, in order.")
    rows: tuple[Row, ...] = Field(description="The points compared, in order.")
    figures: Figures | SkipJsonSchema[None] = absent_when_none(
        "What studies found, in numbers: outcome figures with their uncertainty (format 1.1 on)."
    )


def comparison_json(
    table: ComparisonTable, figures: FiguresRecord | None = None, today: datetime.date | None = None
) -> dict[str, Any]:
    shown = Comparison.model_validate(table)
    if figures is not None:
        shown = shown.model_copy(update={"figures": figures_json(figures, today)})
    return shown.to_json()
