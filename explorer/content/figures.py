"""The outcome figures (data/figures.toml) as a run reads them: what studies found, as numbers of
people, with who was studied, over what time, the kind of study, the source and the bounds.
content/models/figures.py checks the file; the snapshot's "figures" part holds what it accepted.
Loaded only by `compare`, the reading list's figures entry and a saved summary."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.content.records import Record

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog

# The comparison's fixed order (data/comparison.toml's columns): groups always follow it.
OPTIONS = ("methadone", "buprenorphine", "naltrexone")


class Source(Record):
    __slots__ = ("authors", "title", "journal", "year", "doi", "address", "checked_against")
    authors: str
    title: str
    journal: str
    year: int
    doi: str
    address: str
    checked_against: tuple[str, ...]

    @property
    def cited(self) -> str:
        """The source as a reader cites it: authors, title, journal and year, and its address."""
        return f"{self.authors} {self.title}. {self.journal}, {self.year}. {self.address}"


class Group(Record):
    __slots__ = ("option", "numerator", "denominator", "percent", "rate_in", "rate_out", "ratio", "low", "high")
    option: str
    numerator: int | None
    denominator: int | None
    percent: float | None
    rate_in: float | None
    rate_out: float | None
    ratio: float | None
    low: float | None
    high: float | None


class Bounded(Record):
    """A ratio between groups (`compared`) or a rate for everyone (`overall`), with its bounds."""

    __slots__ = ("value", "low", "high", "per", "says")
    value: float
    low: float
    high: float
    per: int | None
    says: str


class Figure(Record):
    __slots__ = (
        "id",
        "name",
        "measure",
        "population",
        "time_frame",
        "study_type",
        "numbers",
        "kind",
        "says",
        "counted",
        "not_counted",
        "uncertain",
        "unclear",
        "context",
        "absent",
        "compared",
        "overall",
        "notes",
        "checked",
        "review_by",
        "source",
        "groups",
    )
    id: str
    name: str
    measure: str
    population: str
    time_frame: str
    study_type: str
    numbers: dict[str, int]
    kind: str
    says: str
    counted: str
    not_counted: str
    uncertain: str
    unclear: str
    context: str
    absent: str
    compared: Bounded | None
    overall: Bounded | None
    notes: tuple[str, ...]
    checked: datetime.date
    review_by: datetime.date
    source: Source
    groups: tuple[Group, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Figure:
        source = dict(data["source"], checked_against=tuple(data["source"]["checked_against"]))
        compared, overall = data["compared"], data["overall"]
        return cls(
            **{
                **data,
                "compared": None
                if compared is None
                else Bounded(
                    value=compared["ratio"], low=compared["low"], high=compared["high"], per=None, says=compared["says"]
                ),
                "overall": None
                if overall is None
                else Bounded(
                    value=overall["rate"],
                    low=overall["low"],
                    high=overall["high"],
                    per=overall["per"],
                    says=overall["says"],
                ),
                "notes": tuple(data["notes"]),
                "checked": datetime.date.fromisoformat(data["checked"]),
                "review_by": datetime.date.fromisoformat(data["review_by"]),
                "source": Source(**source),
                "groups": tuple(Group(**group) for group in data["groups"]),
            }
        )

    def may_be_out_of_date(self, today: datetime.date) -> bool:
        return today > self.review_by


class Figures(Record):
    """The figures in file order, and the words shown with every block of them."""

    __slots__ = ("heading", "averages", "differ", "chance", "no_pick", "study_types", "figures")
    heading: str
    averages: str
    differ: str
    chance: str
    no_pick: str
    study_types: dict[str, str]
    figures: tuple[Figure, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Figures:
        return cls(**data["words"], figures=tuple(Figure.from_data(f) for f in data["figures"]))

    def chosen(self, ids: tuple[str, ...]) -> Figures:
        """Only the figures with these ids (the ones the rules offer), in file order."""
        return self.model_copy(update={"figures": tuple(f for f in self.figures if f.id in ids)})

    def next_to(self, note_id: str) -> tuple[Figure, ...]:
        """The figures shown next to an explorer's note (the ones that cite the same source)."""
        return tuple(figure for figure in self.figures if note_id in figure.notes)


def load_figures(catalog: Catalog, root: Path | None = None) -> Figures:
    """The figures of `root/data/figures.toml` (by default the catalog's): from the snapshot's
    "figures" part when it is fresh, else checked; raises CatalogError naming the file and figure."""
    root = root or catalog.root
    data = None
    if catalog.snapshot is not None and root == catalog.root:
        data = catalog.snapshot.fresh_part("figures")
    if data is None:
        from explorer.content.models.figures import check_figures

        data = check_figures(root, set(catalog.notes)).model_dump(mode="json")
        if catalog.language != "en":  # as the snapshot's part in that language holds them
            from explorer.content.translation import translate_parts

            data = translate_parts({"figures": data}, root, catalog.language)["figures"]
    figures = Figures.from_data(data)
    known = {figure.id for figure in figures.figures}
    for rule in catalog.rules.figures:  # rules/figures.toml names figures of this file
        for figure_id in rule.figures:
            if figure_id not in known:
                from explorer.errors import CatalogError

                raise CatalogError(
                    root / "rules" / "figures.toml", f"names unknown figure {figure_id!r}", f"figures {rule.id}"
                )
    return figures
