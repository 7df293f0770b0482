"""The answer contract: one person's general preferences (also the contract of `--answers FILE`)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import field_validator

from explorer.content.base import Frozen

# The answer contract (also that of `--answers FILE`). "unsure" is the default everywhere.
ForWhom = Literal["self", "someone_else", "unsure"]
Setting = Literal["clinic_daily", "doctor_office", "residential", "outpatient_program", "unsure"]
Dosing = Literal["daily", "monthly", "no_medication", "unsure"]
Detox = Literal["not_started", "in_progress", "completed", "unsure"]
YesNo = Literal["yes", "no", "unsure"]
Interest = Literal[
    "how_medications_work",
    "side_effects",
    "withdrawal",
    "overdose",
    "understanding_addiction",
    "finding_a_program",
    "unsure",
]


class Answers(Frozen):
    """One person's general preferences. A missing key means "unsure"."""

    for_whom: ForWhom = "unsure"
    setting: Setting = "unsure"
    dosing: Dosing = "unsure"
    detox: Detox = "unsure"
    counseling: YesNo = "unsure"
    support_groups: YesNo = "unsure"
    interests: tuple[Interest, ...] = ()

    @field_validator("interests")
    @classmethod
    def _normalize_interests(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Canonical order, no repeats; "I'm not sure" ticked means nothing in particular.
        return tuple(i for i in get_args(Interest) if i in value and i != "unsure")

    @classmethod
    def allowed_values(cls, key: str) -> tuple[str, ...]:
        annotation = cls.model_fields[key].annotation
        if key == "interests":
            annotation = get_args(annotation)[0]
        return get_args(annotation)


ANSWER_KEYS: tuple[str, ...] = tuple(Answers.model_fields)
