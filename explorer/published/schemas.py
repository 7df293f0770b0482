"""The JSON Schemas (draft 2020-12) that `treatment-explorer schema NAME` prints: generated from the
models that read the answers file (validation) and produce every JSON output (serialization),
with `$schema` and an `$id`. The answers' descriptions come from the questions themselves
(data/questions.toml, data/matters.toml): each key's question and what each value means.

An output's schema leaves its objects open (readers ignore keys they do not know: a minor
version may add some); the answers file's schema is closed, as the program is: an unknown key is
refused."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Literal

from pydantic.json_schema import GenerateJsonSchema

from explorer.content.wording import personalize
from explorer.published.base import Published, finished
from explorer.published.contract import FORMAT_VERSION, SCHEMAS, schema_id

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import CoreSchema, core_schema

    from explorer.content.catalog import Catalog
    from explorer.content.questions import Question

# name -> the model (module, class): the answers are read by one, every output produced by one.
MODELS = {
    "answers": ("explorer.content.answers", "Answers"),
    "result": ("explorer.published.reading_list", "ReadingList"),
    "show": ("explorer.published.listings", "SectionPage"),
    "sections": ("explorer.published.listings", "SectionsListing"),
    "rules": ("explorer.published.rules", "RulesListing"),
    "compare": ("explorer.published.comparison", "Comparison"),
    "about": ("explorer.published.listings", "About"),
}

ANSWERS_FILE = (
    "The answers file of `treatment-explorer --answers FILE` (or - for standard input): one JSON object "
    "of general preferences, in UTF-8, at most 1 MiB, each key at most once. Every key may be left out: "
    'a missing key means "unsure", missing interests mean none. A key not listed here is refused, and so '
    "is a value not listed. Only general preferences: no names, no symptoms."
)


class PublishedSchema(GenerateJsonSchema):
    """pydantic's generator, as an output is read: a key is required wherever the output always
    has it (all but those left out when empty), no default values, and no titles made up from
    field names (the descriptions say what a key holds)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def field_is_required(
        self,
        field: core_schema.ModelField | core_schema.DataclassField | core_schema.TypedDictField,
        total: bool,
    ) -> bool:
        if self.mode == "serialization":
            return field.get("serialization_exclude_if") is None
        return super().field_is_required(field, total)

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> dict[str, Any]:
        if self.mode == "serialization":
            return self.generate_inner(schema["schema"])
        return super().default_schema(schema)


def model_of(name: str) -> type[BaseModel]:
    module, attribute = MODELS[name]
    model: type[BaseModel] = getattr(importlib.import_module(module), attribute)
    return model


def _opened(node: Any) -> Any:
    """The schema without `additionalProperties: false`: an output's reader ignores unknown keys."""
    if isinstance(node, dict):
        return {k: _opened(v) for k, v in node.items() if not (k == "additionalProperties" and v is False)}
    if isinstance(node, list):
        return [_opened(item) for item in node]
    return node


def _choices(question: Question) -> str:
    return "\n".join(f"{c.value}: {personalize(c.label, 'unsure')}" for c in question.choices)


def _describe_answers(schema: dict[str, Any], catalog: Catalog) -> None:
    """Each answer key's question and the meaning of each of its values, in the objects the answer
    models make (the answers file itself, or the answers echoed in the reading list)."""
    objects = [schema, *schema.get("$defs", {}).values()]
    for found in objects:
        properties = found.get("properties", {})
        if found.get("title") == "Answers":
            for question in catalog.questions:
                asked = personalize(f"{question.name}. Asked: “{question.prompt}” {question.help}", "unsure")
                many = " Any number of these (none: [] or left out):" if question.kind == "checkbox" else ""
                properties[question.key]["description"] = f"{asked}{many}\n{_choices(question)}"
            if catalog.matters is not None:
                properties["matters"]["description"] = (
                    f"“What matters to me”. {personalize(catalog.matters.step_help, 'unsure')} "
                    'Rate any of the priorities; a missing one is "unsure".'
                )
        if found.get("title") == "Matters" and catalog.matters is not None:
            ratings = "\n".join(f"{c.value}: {c.label}" for c in catalog.matters.choices)
            for priority in catalog.matters.priorities:
                asked = personalize(f"{priority.name}. Asked: “{priority.prompt}”", "unsure")
                properties[priority.key]["description"] = f"{asked}\n{ratings}"


def schema_of(name: str, catalog: Catalog) -> dict[str, Any]:
    """The named schema (a key of contract.SCHEMAS), generated from its model."""
    model = model_of(name)
    mode: Literal["validation", "serialization"] = "serialization"
    if issubclass(model, Published):
        model = finished(model)
    else:
        mode = "validation"
    generator = PublishedSchema(by_alias=True)
    core: CoreSchema = model.__pydantic_core_schema__
    body = generator.generate(core, mode=mode)
    if mode == "serialization":
        body = _opened(body)
    for model_schema in (body, *body.get("$defs", {}).values()):  # a docstring's line breaks
        if "description" in model_schema:
            model_schema["description"] = " ".join(model_schema["description"].split())
    _describe_answers(body, catalog)
    head = {"$schema": generator.schema_dialect, "$id": schema_id(name), "title": body.pop("title")}
    description = body.pop("description", "")
    description = ANSWERS_FILE if name == "answers" else description
    about = f"{SCHEMAS[name]} (format version {FORMAT_VERSION})."
    return {**head, "description": f"{description}\n\n{about}", **body}
