"""The answers file's published schema accepts exactly what the program accepts: the same keys
(an unknown one refused), the same values, the same bound on the interests. So an editor with the
schema catches a typo before the program does, and a file the schema passes is never refused.

Generated with hypothesis: answers files near the contract (each key with its own values, another
key's, a near miss, a value of the wrong type; typos of keys; long lists), each through the
program's own reader (explorer/ask/answers_file.py) and through the schema that
`treatment-explorer schema answers` prints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from explorer.ask.answers_file import parse_answers
from explorer.content.answers import FILE_KEYS, MAX_LISTED, PRIORITY_KEYS, RATINGS, Answers
from explorer.errors import InputError

from .helpers.budgets import examples
from .helpers.format_versions import printed

SCHEMA = Draft202012Validator(json.loads(printed("answers")))
SINGLE = [key for key in FILE_KEYS if key not in ("interests", "matters")]
INTERESTS = Answers.allowed_values("interests")
EVERY_VALUE = sorted({v for key in SINGLE for v in Answers.allowed_values(key)} | set(INTERESTS) | set(RATINGS))
NEAR_MISSES = ["Unsure", "unsure ", "", "clinic", "doctor-office", "a lot", "yes please", "none", "Overdose"]
WRONG_TYPES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), st.just([]), st.just({})
)
KEY_TYPOS = ["Setting", "interest", "matter", "for-whom", "visits", "extra", "$schema", "format_version", ""]
PRIORITY_TYPOS = ["visit", "Cost", "how-taken", "setting", "price"]


def accepted_by_the_program(data: Any) -> bool:
    try:
        parse_answers(json.dumps(data).encode(), "answers.json")
    except InputError:
        return False
    return True


def wrong_value(key: str) -> st.SearchStrategy[Any]:
    """A value the key does not take (most of the time): another key's, a near miss, a wrong type."""
    return st.one_of(st.sampled_from(EVERY_VALUE), st.sampled_from(NEAR_MISSES), WRONG_TYPES)


good_interests = st.lists(st.sampled_from(INTERESTS), max_size=6)
bad_interests = st.one_of(
    st.lists(st.one_of(st.sampled_from(INTERESTS), st.sampled_from(NEAR_MISSES), WRONG_TYPES), min_size=1, max_size=4),
    st.sampled_from(INTERESTS),  # one value, not a list
    WRONG_TYPES,
)
long_interests = st.lists(st.sampled_from(INTERESTS), min_size=MAX_LISTED - 2, max_size=MAX_LISTED + 2)  # the bound
good_matters = st.dictionaries(st.sampled_from(PRIORITY_KEYS), st.sampled_from(RATINGS), max_size=7)
bad_matters = st.one_of(
    st.dictionaries(
        st.sampled_from([*PRIORITY_KEYS, *PRIORITY_TYPOS]),
        st.one_of(st.sampled_from(RATINGS), st.sampled_from(NEAR_MISSES), WRONG_TYPES),
        min_size=1,
        max_size=4,
    ),
    WRONG_TYPES,
    st.lists(st.sampled_from(PRIORITY_KEYS), max_size=2),
)


def good_value(key: str) -> st.SearchStrategy[Any]:
    if key == "interests":
        return st.one_of(good_interests, long_interests)
    if key == "matters":
        return good_matters
    return st.sampled_from(Answers.allowed_values(key))


def bad_value(key: str) -> st.SearchStrategy[Any]:
    if key == "interests":
        return bad_interests
    if key == "matters":
        return bad_matters
    return wrong_value(key)


@st.composite
def answers_files(draw: st.DrawFn) -> Any:
    """About half of them well formed; the others with a key or a value of a key gone wrong."""
    if draw(st.integers(0, 19)) == 0:  # now and then not an object at all
        return draw(st.one_of(WRONG_TYPES, st.lists(st.sampled_from(EVERY_VALUE), max_size=3), st.text(max_size=5)))
    keys = draw(st.lists(st.sampled_from(FILE_KEYS), unique=True, max_size=len(FILE_KEYS)))
    data: dict[str, Any] = {key: draw(good_value(key)) for key in keys}
    damage = draw(st.sampled_from(["none", "none", "value", "key"]))
    if damage == "value" and keys:
        key = draw(st.sampled_from(keys))
        data[key] = draw(bad_value(key))
    elif damage == "key":
        data[draw(st.sampled_from(KEY_TYPOS))] = draw(st.one_of(st.sampled_from(EVERY_VALUE), WRONG_TYPES))
    return data


@given(answers_files())
@settings(max_examples=examples(500))  # under the "ci" profile (tests/helpers/budgets.py)
def test_the_schema_and_the_program_accept_the_same_answers_files(data):
    program = accepted_by_the_program(data)
    event("accepted" if program else "refused")
    assert SCHEMA.is_valid(data) == program, data


@pytest.mark.parametrize("count", [MAX_LISTED, MAX_LISTED + 1])
def test_the_schema_and_the_program_agree_on_the_longest_list_of_interests(count):
    data = {"interests": ["overdose"] * count}
    assert accepted_by_the_program(data) == (count <= MAX_LISTED)
    assert SCHEMA.is_valid(data) == (count <= MAX_LISTED)


def test_the_agreement_check_catches_a_schema_that_forgets_the_closed_keys():
    """The detector works: a schema that lets unknown keys through disagrees with the program."""
    opened = json.loads(printed("answers"))
    del opened["additionalProperties"]
    data = {"setting": "doctor_office", "Dosing": "daily"}  # a typo of a key
    assert not accepted_by_the_program(data)
    assert SCHEMA.is_valid(data) is False
    assert Draft202012Validator(opened).is_valid(data) is True


def test_each_answer_key_is_described_with_its_question_and_the_meaning_of_each_value(catalog):
    schema = json.loads(printed("answers"))
    properties = schema["properties"]
    for question in catalog.questions:
        described = properties[question.key]["description"]
        assert question.name in described
        for choice in question.choices:
            assert f"{choice.value}: " in described, (question.key, choice.value)
            assert choice.label.replace("{you}", "you").replace("{your}", "your") in described
    matters = schema["$defs"][properties["matters"]["$ref"].rsplit("/", 1)[-1]]["properties"]
    for priority in catalog.matters.priorities:
        assert priority.name in matters[priority.key]["description"]
        for choice in catalog.matters.choices:
            assert f"{choice.value}: {choice.label}" in matters[priority.key]["description"]
