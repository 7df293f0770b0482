"""The published schemas: `treatment-explorer schema NAME` prints a draft 2020-12 JSON Schema with
`$schema` and an `$id` for the answers file and every JSON output; docs/schema/ holds exactly what
it prints; and a schema's shape never changes under a published format version (a changed shape
asks for a new version and its changelog line)."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from explorer.published import schemas
from explorer.published.contract import FORMAT_VERSION, SCHEMAS, schema_id
from explorer.published.reading_list import ReadingList

from .helpers.checks import assert_referral_last
from .helpers.format_versions import (
    CHANGELOG,
    HISTORY,
    SCHEMA_DIR,
    changelog_versions,
    check_current,
    current_schemas,
    fingerprints,
    printed,
    recorded,
    version_problems,
)
from .helpers.run import run_main

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
ORIGINAL = schemas.model_of


def _next_minor() -> str:
    """A format version after every recorded one."""
    latest = max(tuple(map(int, v.split("."))) for v in recorded())
    return f"{latest[0]}.{latest[1] + 1}"


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_each_schema_is_a_valid_draft_2020_12_schema_with_its_id_and_the_referral_last(name):
    text = printed(name)
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    assert list(schema)[:2] == ["$schema", "$id"]
    assert schema["$schema"] == DRAFT_2020_12
    assert schema["$id"] == schema_id(name) == f"urn:treatment-options-explorer:schema:{name}:{FORMAT_VERSION[0]}"
    assert f"format version {FORMAT_VERSION}" in schema["description"]
    assert list(schema)[-1] == "referral"
    assert_referral_last(text, "json")


def _objects(node, found=None):
    """Every object schema in a schema (those with properties)."""
    found = [] if found is None else found
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            _objects(value, found)
    elif isinstance(node, list):
        for item in node:
            _objects(item, found)
    return found


def test_the_answers_schema_is_closed_and_every_output_schema_open():
    every = current_schemas()
    answers = _objects(every.pop("answers"))
    assert len(answers) == 2  # the answers and their "what matters" ratings
    assert all(obj.get("additionalProperties") is False for obj in answers)
    for name, schema in every.items():
        assert not any("additionalProperties" in obj for obj in _objects(schema)), name


def test_every_key_of_every_schema_is_described():
    for name, schema in current_schemas().items():
        for obj in _objects(schema):
            for key, value in obj["properties"].items():
                assert value.get("description", "").strip(), f"{name}: {key} has no description"


def test_docs_schema_holds_what_the_program_prints():
    for name in SCHEMAS:
        assert (SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8") == printed(name), (
            f"docs/schema/{name}.json is not what `treatment-explorer schema {name}` prints: run `make schemas`"
        )
    assert sorted(p.name for p in SCHEMA_DIR.iterdir()) == sorted([*(f"{n}.json" for n in SCHEMAS), HISTORY.name])


def test_a_published_format_version_keeps_its_shapes_and_has_its_changelog_line():
    assert check_current() == []
    assert FORMAT_VERSION in recorded()


def test_the_version_guard_asks_for_a_new_version_when_a_field_is_added_to_an_output(monkeypatch, catalog):
    """A field added to the reading list's model, format version unchanged: the guard says to bump it."""

    class LongerReadingList(ReadingList):
        added: str = "a new key"

    monkeypatch.setattr(schemas, "model_of", lambda name: LongerReadingList if name == "result" else ORIGINAL(name))
    shapes = fingerprints({name: schemas.schema_of(name, catalog) for name in SCHEMAS})
    problems = version_problems(FORMAT_VERSION, shapes, recorded(), changelog_versions(CHANGELOG.read_text()))
    assert len(problems) == 1
    assert "the shape of the 'result' schema changed, but format version" in problems[0]
    assert "bump FORMAT_VERSION" in problems[0] and "changelog line" in problems[0]
    # With a new version recorded and its changelog line, the same shapes are fine.
    new = _next_minor()
    history = {**recorded(), new: shapes}
    assert version_problems(new, shapes, history, [*changelog_versions(CHANGELOG.read_text()), new]) == []


def test_the_version_guard_ignores_reworded_descriptions(monkeypatch, catalog):
    every = {name: schemas.schema_of(name, catalog) for name in SCHEMAS}
    every["result"]["description"] = "Reworded."
    every["result"]["properties"]["notes"]["description"] = "Reworded too."
    assert fingerprints(every) == recorded()[FORMAT_VERSION]


def test_the_version_guard_asks_for_a_changelog_line_and_a_recorded_version():
    shapes = recorded()[FORMAT_VERSION]
    earlier = [v for v in recorded() if v != FORMAT_VERSION]  # each with its line
    assert version_problems(FORMAT_VERSION, shapes, recorded(), earlier) == [
        f'docs/scripting.md has no changelog line for format version {FORMAT_VERSION} ("- `{FORMAT_VERSION}`: ...")'
    ]
    new = _next_minor()
    unrecorded = version_problems(new, shapes, recorded(), [*recorded(), new])
    assert unrecorded == [
        f"format version {new} is not recorded in docs/schema/format-versions.json: run `make schemas`"
    ]
    older = version_problems("0.9", shapes, {**recorded(), "0.9": shapes}, ["0.9", *recorded()])
    assert older == [f"format version 0.9 is older than the published {', '.join(recorded())}"]


@pytest.mark.parametrize(
    "argv, says",
    [
        (["schema"], "schema needs a name, one of: answers, result, show, sections, rules, compare, about"),
        (["schema", "reslut"], "no schema 'reslut'; the schemas are: answers, result"),
    ],
)
def test_a_missing_or_unknown_schema_name_is_a_usage_error(argv, says):
    code, out, err = run_main(argv)
    assert code == 2
    assert out == ""
    assert err.startswith(f"treatment-explorer: {says}")
    assert_referral_last(err)
