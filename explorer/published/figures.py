"""The outcome figures as JSON (`compare --format json`, key `figures`): each figure structured, so
that a script needs no parsing of sentences: what was counted, who was studied, over what time, the
kind of study, the source, and each option's numbers with their bounds; the sentences the explorer
shows stand beside them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from explorer.published.base import Part, absent_when_none

if TYPE_CHECKING:
    import datetime

    from explorer.content.figures import Figure as FigureRecord
    from explorer.content.figures import Figures as FiguresRecord


class Source(Part):
    """The published paper a figure comes from."""

    authors: str = Field(description="Its authors, as cited.")
    title: str = Field(description="Its title.")
    journal: str = Field(description="The journal.")
    year: int = Field(description="The year of publication.")
    doi: str = Field(description="Its DOI.")
    address: str = Field(description="Its own page: https://doi.org/ and the DOI.")


class Group(Part):
    """One option's numbers. Counts give `numerator` and `denominator`; a percent only `percent`;
    rates `rate_in` and `rate_out` with their `ratio`; a ratio alone `ratio`. `ci_low` and `ci_high`
    bound the proportion (from counts, out of 100) or else the ratio, where known."""

    option: Literal["methadone", "buprenorphine", "naltrexone"] = Field(description="The option's id.")
    numerator: int | SkipJsonSchema[None] = absent_when_none("How many people it counted.")
    denominator: int | SkipJsonSchema[None] = absent_when_none("Out of how many people.")
    percent: float | SkipJsonSchema[None] = absent_when_none("The percentage, where the study gives no counts.")
    out_of_100: int | SkipJsonSchema[None] = absent_when_none("As shown: how many out of 100 people, rounded half up.")
    rate_in: float | SkipJsonSchema[None] = absent_when_none("Deaths per `per` person-years in treatment.")
    rate_out: float | SkipJsonSchema[None] = absent_when_none("Deaths per `per` person-years out of treatment.")
    ratio: float | SkipJsonSchema[None] = absent_when_none(
        "A ratio: out of treatment to in it (rates), or against people taking no medicine (ratios)."
    )
    ci_low: float | SkipJsonSchema[None] = absent_when_none("The 95 % interval's lower bound.")
    ci_high: float | SkipJsonSchema[None] = absent_when_none("The 95 % interval's upper bound.")
    ci_from: Literal["study", "counts"] | SkipJsonSchema[None] = absent_when_none(
        '"study": the paper gives the interval; "counts": worked out here from its counts (Wilson).'
    )
    says: str = Field(description="The option's sentence, with its uncertainty in words, as shown.")


class Bounded(Part):
    """A number with its 95 % interval, and the sentence that says it."""

    value: float = Field(description="The ratio (compared) or the rate (overall).")
    ci_low: float = Field(description="The interval's lower bound.")
    ci_high: float = Field(description="The interval's upper bound.")
    per: int | SkipJsonSchema[None] = absent_when_none("A rate's denominator in person-years.")
    says: str = Field(description="The sentence, as shown.")


class Figure(Part):
    """One thing counted, for the options one study included, with one denominator and time frame."""

    id: str = Field(description="The figure's id.")
    name: str = Field(description="The figure in a few words.")
    measure: str = Field(description="What was counted.")
    population: str = Field(description="Who was studied: how many people, where, when.")
    time_frame: str = Field(description="Over what time.")
    study_type: Literal["randomized-trial", "cohort-study", "review-of-cohort-studies"] = Field(
        description="The kind of study."
    )
    kind: Literal["people", "rates", "ratios"] = Field(
        description='How the groups are given: "people" (out of 100), "rates" (per person-years), "ratios".'
    )
    per: int = Field(description="The denominator the options share (100 people, 1,000 person-years, or 10).")
    source: Source = Field(description="Where the numbers come from.")
    checked: str = Field(description="The day the numbers were compared with the source (YYYY-MM-DD).")
    review_by: str = Field(description="The day after which the figure may be out of date (YYYY-MM-DD).")
    groups: tuple[Group, ...] = Field(description="The options the study included, in the comparison's order.")
    compared: Bounded | SkipJsonSchema[None] = absent_when_none("A ratio between the groups, where given.")
    overall: Bounded | SkipJsonSchema[None] = absent_when_none("A rate for everyone studied, where given.")
    says: tuple[str, ...] = Field(description="What the figure found, sentence by sentence, as shown.")


class Figures(Part):
    """What studies found, in numbers: averages over groups of people, never a prediction for one
    person, never a ranking of the options."""

    heading: str = Field(description="The block's heading.")
    read_with: tuple[str, ...] = Field(
        description="Sentences shown with every block: averages over groups, studies that differ, chance."
    )
    figures: tuple[Figure, ...] = Field(description="The figures, in order.")


def _figure(record: FigureRecord, figures: FiguresRecord, today: datetime.date | None) -> Figure:
    from explorer.render.figure_words import PEOPLE_PER, RATIOS_PER, figure_words, half_up, wilson

    words = figure_words(record, figures, today)
    groups = []
    for group, said, said_text in zip(record.groups, words.groups, words.group_sentences(), strict=True):
        values = {key: value for key, value in dict(group).items() if value is not None}
        values.pop("low", None), values.pop("high", None)
        if group.low is not None and group.high is not None:
            values.update(ci_low=group.low, ci_high=group.high, ci_from="study")
        elif group.numerator is not None and group.denominator is not None:
            low, high = wilson(group.numerator, group.denominator)
            values.update(ci_low=float(half_up(low, 1)), ci_high=float(half_up(high, 1)), ci_from="counts")
        groups.append(Group(**values, out_of_100=said.out_of_100, says=said_text))
    per = {"people": PEOPLE_PER, "ratios": RATIOS_PER}.get(record.kind) or record.numbers["per"]

    def bounded(b: object, says: str) -> Bounded | None:
        if b is None:
            return None
        return Bounded(value=b.value, ci_low=b.low, ci_high=b.high, per=b.per, says=says)  # type: ignore[attr-defined]

    return Figure(
        id=record.id,
        name=record.name,
        measure=words.measure,
        population=words.population,
        time_frame=words.time_frame,
        study_type=record.study_type,  # type: ignore[arg-type]
        kind=record.kind,  # type: ignore[arg-type]
        per=per,
        source=Source.model_validate(record.source),
        checked=record.checked.isoformat(),
        review_by=record.review_by.isoformat(),
        groups=tuple(groups),
        compared=bounded(record.compared, words.compared),
        overall=bounded(record.overall, words.overall),
        says=tuple(words.findings()),
    )


def figures_json(figures: FiguresRecord, today: datetime.date | None = None) -> Figures:
    from explorer.render.figure_words import common_lines

    return Figures(
        heading=figures.heading,
        read_with=tuple(common_lines(figures)),
        figures=tuple(_figure(f, figures, today) for f in figures.figures),
    )
