"""Every JSON output is what its published schema says, key for key: the reading list over the
whole answer space (each distinct part of it, and a hash-deduplicated spread of whole outputs),
"what matters to me" generated with hypothesis, and every command's JSON. Each starts with its
`format_version` and ends with the referral. The schemas are closed here (tests/helpers/schemas.py):
a key the program prints that the schema does not describe fails."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.content.answers import PRIORITY_KEYS, RATINGS, Answers
from explorer.formats import Format
from explorer.published.contract import FORMAT_VERSION
from explorer.published.reading_list import Suggestion
from explorer.render.finish import finish
from explorer.render.result import render_result

from .helpers.budgets import examples
from .helpers.checks import assert_referral_last
from .helpers.content import SINGLE_KEYS
from .helpers.run import run_main
from .helpers.schemas import problems

SPREAD = 150  # whole reading lists validated, chosen by hash among the distinct ones


def printed_json(result) -> dict:
    return json.loads(finish(render_result(result, Format.JSON, 80), 80))


def test_every_distinct_suggestion_of_the_answer_space_matches_its_schema(every_result):
    distinct = {}
    for result in every_result:
        for item in result.suggestions:
            distinct.setdefault((item.id, item.reasons, item.cautions, tuple(n.id for n in item.notes)), item)
    assert len(distinct) > 100  # the space's suggestions differ by reasons, cautions and notes
    for item in distinct.values():
        dumped = Suggestion.model_validate(item).model_dump(mode="json")
        assert problems("result", dumped, "Suggestion") == [], item.id


def test_every_answers_echo_of_the_answer_space_matches_its_schema(every_result):
    for result in every_result:
        assert problems("result", result.answers.model_dump(mode="json"), "Answers") == [], result.answers


def _spread(every_result):
    """One whole output for each kind of reading list (cautions, notes, list notes), then whole
    outputs chosen by the hash of their suggestions among the distinct lists."""
    kinds, lists = {}, {}
    for result in every_result:
        suggestions = tuple(s.id for s in result.suggestions)
        parts = tuple(sorted({(bool(s.cautions), bool(s.notes)) for s in result.suggestions}))
        kinds.setdefault((parts, tuple(n.id for n in result.notes)), result)
        lists.setdefault(hashlib.sha256(repr(suggestions).encode()).hexdigest(), result)
    chosen = [lists[key] for key in sorted(lists)[:SPREAD]]
    return [*kinds.values(), *chosen], len(kinds), len(lists)


def test_a_spread_of_whole_reading_lists_matches_the_schema(every_result):
    spread, kinds, distinct = _spread(every_result)
    assert kinds > 10 and distinct > 1000  # the spread is drawn from many different lists
    for result in spread:
        output = printed_json(result)
        assert list(output)[0] == "format_version" and output["format_version"] == FORMAT_VERSION
        assert list(output)[-1] == "referral"
        assert problems("result", output) == [], result.answers


matters = st.fixed_dictionaries({}, optional={key: st.sampled_from(RATINGS) for key in PRIORITY_KEYS})
answers = st.fixed_dictionaries(
    {"matters": matters},
    optional={key: st.sampled_from(Answers.allowed_values(key)) for key in SINGLE_KEYS}
    | {"interests": st.lists(st.sampled_from(Answers.allowed_values("interests")), max_size=3)},
)


@given(answers)
@settings(max_examples=examples(60))  # under the "ci" profile (tests/helpers/budgets.py)
def test_reading_lists_with_what_matters_match_the_schema(given_answers):
    code, out, err = run_main(["--answers", "-", "--format", "json"], stdin=json.dumps(given_answers).encode())
    assert code == 0, err
    output = assert_referral_last(out, "json")
    assert list(output)[0] == "format_version"
    rated = any(value != "unsure" for value in given_answers["matters"].values())
    assert ("matters" in output) == rated
    assert problems("result", output) == [], given_answers


COMMANDS = [
    ("sections", ["sections"]),
    ("rules", ["rules"]),
    ("about", ["about"]),
    ("compare", ["compare"]),
    ("compare", ["compare", "--plain"]),
    ("show", ["show", "naltrexone-and-vivitrol"]),
]


@pytest.mark.parametrize("name, argv", COMMANDS, ids=[" ".join(argv) for _, argv in COMMANDS])
def test_every_command_s_json_matches_its_schema(name, argv):
    code, out, err = run_main([*argv, "--format", "json"])
    assert code == 0, err
    output = assert_referral_last(out, "json")
    assert list(output)[0] == "format_version" and output["format_version"] == FORMAT_VERSION
    assert problems(name, output) == []


def test_every_section_s_json_matches_the_schema(catalog):
    for section_id in catalog.sections:
        code, out, err = run_main(["show", section_id, "--format", "json"])
        assert code == 0, err
        assert problems("show", json.loads(out)) == [], section_id


def test_the_strict_check_catches_a_key_the_schema_does_not_describe():
    code, out, _ = run_main(["about", "--format", "json"])
    planted = {**json.loads(out), "added": "a key nobody described"}
    assert problems("about", planted) == ["(top): Additional properties are not allowed ('added' was unexpected)"]
    planted = json.loads(out)
    planted["checked"] = "last week"
    assert problems("about", planted) == ["checked: 'last week' is not a 'date'"]
