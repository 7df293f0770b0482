"""The answer contract: one person's general preferences (also the contract of `--answers FILE`)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator

from explorer.content.base import Frozen

# The answer contract (also that of `--answers FILE`). "unsure" is the default everywhere.
# "dont_know" ("I don't know") is offered to a reader exploring for someone else, who may not know
# where detox stands or how often the person would want a dose; rules/*.toml say what follows.
ForWhom = Literal["self", "someone_else", "unsure"]
Setting = Literal["clinic_daily", "doctor_office", "residential", "outpatient_program", "unsure"]
Dosing = Literal["daily", "monthly", "no_medication", "unsure", "dont_know"]
Detox = Literal["not_started", "in_progress", "completed", "unsure", "dont_know"]
YesNo = Literal["yes", "no", "unsure"]
Interest = Literal[
    "how_medications_work",
    "side_effects",
    "withdrawal",
    "overdose",
    "understanding_addiction",
    "finding_a_program",
    "relapse_and_cravings",
    "pregnancy",
    "cost_and_coverage",
    "unsure",
]
# How much each priority of the optional "what matters" step matters (data/matters.toml).
Rating = Literal["a_lot", "somewhat", "not_much", "unsure"]
RATED: tuple[str, ...] = ("a_lot", "somewhat")  # the ratings whose priority is shown
# The longest list of interests an answers file may give (repeats included): explorer/ask/answers_file.py
# refuses a longer one before validation, with its own message; the bound is here too so that the
# published schema of the answers file says it.
MAX_LISTED = 100


class Matters(Frozen):
    """How much each priority matters to the person; a missing key means "unsure". Never weighed
    by the explorer: it only chooses which points are shown."""

    visits: Rating = "unsure"
    how_taken: Rating = "unsure"
    opioid_medicine: Rating = "unsure"
    withdrawal_first: Rating = "unsure"
    side_effects: Rating = "unsure"
    privacy: Rating = "unsure"
    cost: Rating = "unsure"

    def answered(self) -> bool:
        """Whether the step was answered at all (anything but "unsure")."""
        return any(value != "unsure" for value in self.model_dump().values())


PRIORITY_KEYS: tuple[str, ...] = tuple(Matters.model_fields)


def check_priority(value: str) -> str:
    """A field naming a priority (data/matters.toml, rules/matters.toml) names a known one."""
    if value not in PRIORITY_KEYS:
        raise ValueError(f"unknown priority {value!r} (priorities: {', '.join(PRIORITY_KEYS)})")
    return value


RATINGS: tuple[str, ...] = get_args(Rating)


class Answers(Frozen):
    """One person's general preferences. A missing key means "unsure"."""

    for_whom: ForWhom = "unsure"
    setting: Setting = "unsure"
    dosing: Dosing = "unsure"
    detox: Detox = "unsure"
    counseling: YesNo = "unsure"
    support_groups: YesNo = "unsure"
    interests: tuple[Interest, ...] = Field(default=(), max_length=MAX_LISTED)
    matters: Matters = Matters()

    @field_validator("interests")
    @classmethod
    def _normalize_interests(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Canonical order, no repeats; "I'm not sure" ticked means nothing in particular.
        return tuple(i for i in get_args(Interest) if i in value and i != "unsure")

    @classmethod
    def allowed_values(cls, key: str) -> tuple[str, ...]:
        """The values of a question's key, or of a priority written "matters.KEY"."""
        if key.startswith("matters.") and key[len("matters.") :] in PRIORITY_KEYS:
            return RATINGS
        annotation = cls.model_fields[key].annotation
        if key == "interests":
            annotation = get_args(annotation)[0]
        return get_args(annotation)


# The questionnaire's keys (data/questions.toml); "matters" is the optional step's, asked apart.
ANSWER_KEYS: tuple[str, ...] = tuple(key for key in Answers.model_fields if key != "matters")
FILE_KEYS: tuple[str, ...] = tuple(Answers.model_fields)  # what an answers file may hold
CONDITION_KEYS: tuple[str, ...] = (*ANSWER_KEYS, *(f"matters.{key}" for key in PRIORITY_KEYS))
