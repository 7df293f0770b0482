"""The outcome figures in words: every number shown is worked out here, once, from the data
(content/figures.py), with one rounding rule: decimal, half up (2.65 reads 2.7), never a float
format. People are whole numbers out of 100; rates are whole from 10 up and keep one decimal below;
ratios said "times" keep one decimal; ratios said "for every 10" are whole. A range worked out from a
study's counts is the Wilson 95 % interval. Pure functions; the terminal, Markdown, HTML and JSON all
say the figures with these words."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from explorer.i18n import N_, _

if TYPE_CHECKING:
    from explorer.content.figures import Figure, Figures, Group

PEOPLE_PER = 100  # an icon array is 10 by 10: one mark a person
RATIOS_PER = 10
Z_95 = Decimal("1.96")
YEARS = ("from", "to")  # numbers shown without a thousands separator


def half_up(value: float | Decimal, places: int = 0) -> Decimal:
    """`value` rounded half up in decimal: from its shortest decimal form, never from binary."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain(number: Decimal) -> str:
    return f"{number:,}"


def rate(value: float) -> str:
    return _plain(half_up(value, 0 if value >= 10 else 1))


def times(value: float) -> str:
    return _plain(half_up(value, 1))


def wilson(numerator: int, denominator: int) -> tuple[Decimal, Decimal]:
    """The Wilson 95 % interval of numerator/denominator, out of 100 (not rounded)."""
    n, p = Decimal(denominator), Decimal(numerator) / Decimal(denominator)
    z2 = Z_95 * Z_95
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z_95 * (p * (1 - p) / n + z2 / (4 * n * n)).sqrt() / (1 + z2 / n)
    return (centre - half) * 100, (centre + half) * 100


def people(group: Group) -> int:
    """How many out of 100, from the counts or the percent."""
    if group.numerator is not None and group.denominator is not None:
        return int(half_up(Decimal(group.numerator) * 100 / Decimal(group.denominator)))
    assert group.percent is not None  # the model requires one or the other
    return int(half_up(group.percent))


# The options a figure compares, as a reader names them (the data keeps the id, a key).
OPTION_LABELS = {
    "methadone": N_("Methadone"),
    "buprenorphine": N_("Buprenorphine"),
    "naltrexone": N_("Naltrexone"),
}


def option_label(option: str) -> str:
    return _(OPTION_LABELS.get(option, option.capitalize()))


def filled(template: str, numbers: dict[str, int]) -> str:
    return template.format(**{key: str(v) if key in YEARS else f"{v:,}" for key, v in numbers.items()})


@dataclass(frozen=True)
class GroupWords:
    option: str
    label: str
    says: str  # the number, in a sentence
    uncertain: str  # its range, in a sentence ("" where the study gives none)
    out_of_100: int | None  # for an icon array (figures of people)


@dataclass(frozen=True)
class FigureWords:
    """A figure as every output says it."""

    id: str
    name: str
    measure: str
    population: str
    time_frame: str
    study_type: str
    source: str
    address: str
    source_short: str  # authors, journal, year and address: where a title would not fit (paper)
    groups: tuple[GroupWords, ...]
    compared: str
    overall: str
    context: str
    absent: str
    counted: str
    not_counted: str
    notes: tuple[str, ...] = ()  # the explorer's notes it stands next to
    out_of_date: str = ""  # said once its review-by day has passed

    def group_sentences(self) -> list[str]:
        return [" ".join(part for part in (g.says, g.uncertain) if part) for g in self.groups]

    def about(self) -> list[str]:
        """Who, what, when, what kind of study and its source, one line each."""
        return [
            _("What was counted: {measure}.").format(measure=self.measure),
            _("Who: {population}.").format(population=self.population),
            _("Over what time: {time}.").format(time=self.time_frame),
            _("Kind of study: {kind}").format(kind=self.study_type),
            _("Source: {source}").format(source=self.source),
        ]

    def findings(self) -> list[str]:
        """What it found: each group, then what compares them, then what helps read them."""
        found = (self.overall, *self.group_sentences(), self.compared, self.context, self.absent, self.out_of_date)
        return [s for s in found if s]

    def in_words(self) -> str:
        """The figure in one paragraph (a screen reader's text alternative for its icon arrays)."""
        return " ".join([f"{self.name}.", *self.findings()])


def _group(figure: Figure, group: Group) -> GroupWords:
    label = option_label(group.option)
    if figure.kind == "people":
        n = people(group)
        says = figure.says.format(option=label, n=n, per=PEOPLE_PER)
        uncertain = ""
        if group.numerator is not None and group.denominator is not None:
            low, high = wilson(group.numerator, group.denominator)
            uncertain = figure.uncertain.format(low=half_up(low), high=half_up(high))
        return GroupWords(group.option, label, says, uncertain, n)
    if figure.kind == "rates":
        assert group.rate_in is not None and group.rate_out is not None
        per = f"{figure.numbers['per']:,}"
        says = figure.says.format(option=label, rate_in=rate(group.rate_in), rate_out=rate(group.rate_out), per=per)
        uncertain = ""
        if group.ratio is not None and group.low is not None and group.high is not None:
            uncertain = figure.uncertain.format(ratio=times(group.ratio), low=times(group.low), high=times(group.high))
        return GroupWords(group.option, label, says, uncertain, None)
    assert group.ratio is not None and group.low is not None and group.high is not None
    tenths = [half_up(Decimal(str(value)) * RATIOS_PER) for value in (group.ratio, group.low, group.high)]
    says = figure.says.format(option=label, n=tenths[0], per=RATIOS_PER)
    uncertain = figure.uncertain.format(low=tenths[1], high=tenths[2])
    if group.low < 1 < group.high and figure.unclear:
        uncertain = f"{uncertain} {figure.unclear}"
    return GroupWords(group.option, label, says, uncertain, None)


OUT_OF_DATE = N_("These numbers were due for review on {day} and may be out of date.")


def figure_words(figure: Figure, figures: Figures, today: datetime.date | None = None) -> FigureWords:
    compared = overall = ""
    if figure.compared is not None:
        c = figure.compared
        compared = c.says.format(ratio=times(c.value), low=times(c.low), high=times(c.high))
    if figure.overall is not None:
        o = figure.overall
        overall = o.says.format(rate=rate(o.value), low=rate(o.low), high=rate(o.high), per=f"{o.per:,}")
    return FigureWords(
        id=figure.id,
        name=figure.name,
        measure=figure.measure,
        population=filled(figure.population, figure.numbers),
        time_frame=filled(figure.time_frame, figure.numbers),
        study_type=figures.study_types[figure.study_type],
        source=figure.source.cited,
        address=figure.source.address,
        source_short=f"{figure.source.authors} {figure.source.journal}, {figure.source.year}. {figure.source.address}",
        groups=tuple(_group(figure, group) for group in figure.groups),
        compared=compared,
        overall=overall,
        context=figure.context,
        absent=figure.absent,
        counted=figure.counted,
        not_counted=figure.not_counted,
        notes=figure.notes,
        out_of_date=_(OUT_OF_DATE).format(day=figure.review_by.isoformat())
        if figure.may_be_out_of_date(today or datetime.date.today())
        else "",
    )


def all_figure_words(figures: Figures, today: datetime.date | None = None) -> tuple[FigureWords, ...]:
    return tuple(figure_words(figure, figures, today) for figure in figures.figures)


def common_lines(figures: Figures) -> list[str]:
    """What is said with every block of figures: averages over groups, studies that differ."""
    return [figures.averages, figures.differ, figures.chance, figures.no_pick]
