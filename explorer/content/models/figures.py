"""Checks the outcome figures (data/figures.toml): what studies found, as numbers of people with
their uncertainty. Every figure says what was counted, who was studied, over what time, the kind of
study and its source; every group gives counts, a percent, rates with their ratio, or a ratio, each
with its bounds where the study gives them. Numbers live only in number fields, so none is typed
twice. What a run reads of a figure is content/figures.py."""

from __future__ import annotations

import datetime
import re
import string
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from explorer.content.base import SLUG, Content
from explorer.content.figures import OPTIONS
from explorer.content.models.notes import NOTE_ADVICE
from explorer.content.toml import first_problem, read_entries, read_toml
from explorer.errors import CatalogError

DIGIT = re.compile(r"\d")
ADDRESS = r"^https://doi\.org/10\.\d{4,9}/\S+$"  # the article's own page, through its DOI


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _own_words(value: str) -> str:
    value = " ".join(value.split())
    if DIGIT.search(value):
        raise ValueError(f"no digits in words: numbers live in number fields ({value[:40]!r})")
    found = NOTE_ADVICE.search(value)
    if found:
        raise ValueError(f"a figure informs, it does not advise: {found.group(0)!r}")
    if any(mark in value for mark in '“”"'):
        raise ValueError("the explorer's own words: no quotation marks")
    return value


def _within_bounds(what: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise ValueError(f"the {what} {value} is outside its bounds {low} to {high}")


class Source(Content):
    authors: str = Field(min_length=1)
    title: str = Field(min_length=1)
    journal: str = Field(min_length=1)
    year: int = Field(ge=1950, le=2100)
    doi: str = Field(pattern=r"^10\.\d{4,9}/\S+$")
    address: str = Field(pattern=ADDRESS)
    checked_against: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _address_is_the_doi(self) -> Source:
        if self.address != f"https://doi.org/{self.doi}":
            raise ValueError("address must be https://doi.org/ followed by the doi")
        return self


class Group(Content):
    """One option's numbers: counts, a percent, rates in and out of treatment, or a ratio."""

    option: Literal["methadone", "buprenorphine", "naltrexone"]
    numerator: int | None = Field(default=None, ge=0)
    denominator: int | None = Field(default=None, gt=0)
    percent: float | None = Field(default=None, ge=0, le=100)
    rate_in: float | None = Field(default=None, ge=0)
    rate_out: float | None = Field(default=None, ge=0)
    ratio: float | None = Field(default=None, gt=0)
    low: float | None = Field(default=None, gt=0)
    high: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _whole_and_consistent(self) -> Group:
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError("numerator and denominator come together")
        if self.numerator is not None and self.denominator is not None and self.numerator > self.denominator:
            raise ValueError("numerator above denominator")
        if (self.rate_in is None) != (self.rate_out is None):
            raise ValueError("rate_in and rate_out come together")
        if (self.low is None) != (self.high is None) or (self.low is not None and self.ratio is None):
            raise ValueError("low and high come together, with the ratio they bound")
        if self.ratio is not None and self.low is not None and self.high is not None:
            _within_bounds("ratio", self.ratio, self.low, self.high)
        return self


class Compared(Content):
    """A ratio between the groups of a figure, with its bounds."""

    ratio: float = Field(gt=0)
    low: float = Field(gt=0)
    high: float = Field(gt=0)
    says: str = Field(min_length=1)

    @model_validator(mode="after")
    def _within(self) -> Compared:
        _within_bounds("ratio", self.ratio, self.low, self.high)
        _own_words(self.says)
        return self


class Overall(Content):
    """A rate for everyone a study followed, with its bounds."""

    rate: float = Field(gt=0)
    low: float = Field(gt=0)
    high: float = Field(gt=0)
    per: int = Field(gt=0)
    says: str = Field(min_length=1)

    @model_validator(mode="after")
    def _within(self) -> Overall:
        _within_bounds("rate", self.rate, self.low, self.high)
        _own_words(self.says)
        return self


class Figure(Content):
    """One thing counted, for the options a study included, with one denominator and time frame."""

    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1, max_length=50)
    measure: str = Field(min_length=1)
    population: str = Field(min_length=1)
    time_frame: str = Field(min_length=1)
    study_type: Literal["randomized-trial", "cohort-study", "review-of-cohort-studies"]
    numbers: dict[str, int] = {}
    kind: Literal["people", "rates", "ratios"]
    says: str = Field(min_length=1)
    counted: str = ""
    not_counted: str = ""
    uncertain: str = ""
    unclear: str = ""
    context: str = ""
    absent: str = ""
    compared: Compared | None = None
    overall: Overall | None = None
    notes: tuple[str, ...] = ()
    checked: datetime.date
    review_by: datetime.date
    source: Source
    groups: tuple[Group, ...] = Field(alias="group", min_length=1)

    @field_validator("name", "measure", "population", "time_frame", "says", "counted", "not_counted")
    @classmethod
    def _words(cls, value: str) -> str:
        return _own_words(value)

    @field_validator("uncertain", "unclear", "context", "absent")
    @classmethod
    def _more_words(cls, value: str) -> str:
        return _own_words(value)

    @model_validator(mode="after")
    def _complete(self) -> Figure:
        if self.review_by <= self.checked:
            raise ValueError(f"review_by ({self.review_by}) must come after checked ({self.checked})")
        for name in ("population", "time_frame"):
            unknown = _fields(getattr(self, name)) - set(self.numbers) - {"per"}
            if unknown:
                raise ValueError(f"{name} uses {{{sorted(unknown)[0]}}}, which `numbers` lacks")
        options = [group.option for group in self.groups]
        if options != [option for option in OPTIONS if option in options]:
            raise ValueError(f"groups must follow the comparison's order ({', '.join(OPTIONS)}), each once")
        for group in self.groups:
            self._group_fits(group)
        return self

    def _group_fits(self, group: Group) -> None:
        where = f"group {group.option}"
        if self.kind == "people":
            if group.numerator is None and group.percent is None:
                raise ValueError(f"{where}: a figure of people needs numerator and denominator, or a percent")
            if not (self.counted and self.not_counted):
                raise ValueError("a figure of people needs `counted` and `not_counted` (the icon array's legend)")
            if group.numerator is not None and not self.uncertain:
                raise ValueError("counts give a range: say it in `uncertain`")
        elif self.kind == "rates":
            if group.rate_in is None or "per" not in self.numbers:
                raise ValueError(f"{where}: a figure of rates needs rate_in, rate_out and numbers.per")
        elif group.ratio is None or group.low is None:
            raise ValueError(f"{where}: a figure of ratios needs ratio, low and high")
        if group.ratio is not None and group.low is not None and not self.uncertain:
            raise ValueError(f"{where}: a ratio's bounds need `uncertain` to say them")


class Words(Content):
    heading: str = Field(min_length=1)
    averages: str = Field(min_length=1)
    differ: str = Field(min_length=1)
    chance: str = Field(min_length=1)
    no_pick: str = Field(min_length=1)
    # The kind of study in plain words, by `study_type`.
    study_types: dict[Literal["randomized-trial", "cohort-study", "review-of-cohort-studies"], str]

    @field_validator("heading", "averages", "differ", "chance", "no_pick")
    @classmethod
    def _words(cls, value: str) -> str:
        return _own_words(value)

    @field_validator("study_types")
    @classmethod
    def _kinds_in_words(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) != 3:
            raise ValueError(
                "say each kind of study in words: randomized-trial, cohort-study, review-of-cohort-studies"
            )
        return {kind: _own_words(words) for kind, words in value.items()}


class FiguresFile(Content):
    words: Words
    figures: tuple[Figure, ...] = Field(min_length=1)


FIGURES_FILE = "data/figures.toml"


def check_figures(root: Path, notes: set[str] | None = None) -> FiguresFile:
    """`root/data/figures.toml`, checked; `notes`, if given, are the note ids a figure may name.
    Raises CatalogError naming the file and the figure."""
    path = root / FIGURES_FILE
    figures = read_entries(path, "figure", Figure)
    seen: set[str] = set()
    for figure in figures:
        if figure.id in seen:
            raise CatalogError(path, "duplicate figure id", f"figure {figure.id}")
        seen.add(figure.id)
        for note in figure.notes:
            if notes is not None and note not in notes:
                raise CatalogError(path, f"names unknown note {note!r} (data/notes.toml)", f"figure {figure.id}")
    try:
        words = Words.model_validate(read_toml(path).get("words"))
    except ValidationError as error:
        raise CatalogError(path, first_problem(error), "words") from None
    return FiguresFile(words=words, figures=tuple(figures))
