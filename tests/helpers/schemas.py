"""Validating outputs against the published schemas, strictly: the tests close every object of an
output's schema (readers must ignore unknown keys, so the published schemas leave them open), so
that a key the program prints but the schema does not describe fails too."""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft202012Validator

from .format_versions import printed


def closed(node: Any) -> Any:
    """The schema with `additionalProperties: false` on every object that lists its properties."""
    if isinstance(node, list):
        return [closed(item) for item in node]
    if not isinstance(node, dict):
        return node
    shut = {key: closed(value) for key, value in node.items()}
    if "properties" in node and "additionalProperties" not in node:
        shut["additionalProperties"] = False
    return shut


@functools.cache
def strict_validator(name: str, part: str = "") -> Draft202012Validator:
    """The validator of the schema NAME, closed; of one of its definitions if `part` names one."""
    schema = closed(json.loads(printed(name)))
    if part:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{part}"}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(name: str, output: Any, part: str = "") -> list[str]:
    """Where `output` departs from the schema NAME (closed), one line each; empty when it does not."""
    found = strict_validator(name, part).iter_errors(output)
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message[:300]}" for error in found]
