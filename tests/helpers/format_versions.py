"""The published schemas and the shape of each format version.

docs/schema/NAME.json is what `treatment-explorer schema NAME` prints. docs/schema/format-versions.json
records, for every published format version, the fingerprint of each schema's shape: what it says
about structure (keys, types, enumerations, what is required, patterns), without its words
(descriptions, titles) and with its references inlined, so that rewording a description or renaming
a model changes nothing, and any change a reader's code could notice changes the fingerprint.

A published version's shapes never change: a new shape needs a new format version
(explorer/published/contract.py) and its changelog line in docs/scripting.md. scripts/write_schemas.py
(`make schemas`) writes the files, and refuses to record a changed shape under a published version.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from explorer.published.contract import FORMAT_VERSION, SCHEMAS

from .content import PROJECT_ROOT
from .run import run_main

SCHEMA_DIR = PROJECT_ROOT / "docs" / "schema"
HISTORY = SCHEMA_DIR / "format-versions.json"
CHANGELOG = PROJECT_ROOT / "docs" / "scripting.md"  # its "Changelog" section

WORDS = frozenset({"description", "title", "$comment", "examples", "$id", "$schema"})
MAPPINGS = frozenset({"properties", "patternProperties"})  # their keys are names of keys, not keywords


def printed(name: str) -> str:
    """What `treatment-explorer schema NAME` prints."""
    code, out, err = run_main(["schema", name])
    assert code == 0, err
    return out


def _shape(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_shape(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        return _shape({**target, **{k: v for k, v in node.items() if k != "$ref"}}, defs)
    shaped: dict[str, Any] = {}
    for key, value in node.items():
        if key in WORDS or key == "$defs":
            continue
        shaped[key] = {k: _shape(v, defs) for k, v in value.items()} if key in MAPPINGS else _shape(value, defs)
    return shaped


def shape(schema: dict[str, Any]) -> Any:
    """The schema's structure without its words, references inlined (the referral that ends the
    printed document is not part of the schema)."""
    document = {k: v for k, v in schema.items() if k != "referral"}
    return _shape(document, document.get("$defs", {}))


def fingerprint(schema: dict[str, Any]) -> str:
    canonical = json.dumps(shape(schema), sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def fingerprints(schemas: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {name: fingerprint(schema) for name, schema in schemas.items()}


def current_schemas() -> dict[str, dict[str, Any]]:
    return {name: json.loads(printed(name)) for name in SCHEMAS}


def recorded() -> dict[str, dict[str, str]]:
    return json.loads(HISTORY.read_text(encoding="utf-8")) if HISTORY.exists() else {}


def _number(version: str) -> tuple[int, int]:
    major, minor = version.split(".")
    return int(major), int(minor)


def changelog_versions(readme: str) -> list[str]:
    """The versions of the format changelog (docs/scripting.md): its lines "- `MAJOR.MINOR`: ..."."""
    return re.findall(r"^- `(\d+\.\d+)`: ", readme, flags=re.MULTILINE)


BUMP = (
    "bump FORMAT_VERSION in explorer/published/contract.py (minor: only additions; major: anything "
    "else), add its changelog line to docs/scripting.md (Changelog), then run `make schemas`"
)


def version_problems(
    version: str, shapes: dict[str, str], history: dict[str, dict[str, str]], changelog: list[str]
) -> list[str]:
    """What is wrong with publishing `shapes` as `version`, given the versions published before
    and the changelog; empty when nothing is."""
    problems = []
    if version in history:
        for name in sorted(set(shapes) | set(history[version])):
            if shapes.get(name) != history[version].get(name):
                change = "is new" if name not in history[version] else "changed"
                if name not in shapes:
                    change = "is gone"
                problems.append(
                    f"the shape of the {name!r} schema {change}, but format version {version} is published: {BUMP}"
                )
    else:
        problems.append(
            f"format version {version} is not recorded in docs/schema/format-versions.json: run `make schemas`"
        )
    later = [v for v in history if _number(v) > _number(version)]
    if later:
        problems.append(f"format version {version} is older than the published {', '.join(later)}")
    for missing in [v for v in (*history, version) if v not in changelog]:
        problems.append(f'docs/scripting.md has no changelog line for format version {missing} ("- `{missing}`: ...")')
    return list(dict.fromkeys(problems))


def check_current() -> list[str]:
    shapes = fingerprints(current_schemas())
    return version_problems(
        FORMAT_VERSION, shapes, recorded(), changelog_versions(CHANGELOG.read_text(encoding="utf-8"))
    )


def written_files() -> dict[Path, str]:
    """What docs/schema/ must hold: each schema as printed, and the history with this version."""
    schemas = {name: printed(name) for name in SCHEMAS}
    history = recorded()
    history[FORMAT_VERSION] = fingerprints({name: json.loads(text) for name, text in schemas.items()})
    files = {SCHEMA_DIR / f"{name}.json": text for name, text in schemas.items()}
    files[HISTORY] = json.dumps(history, indent=2, sort_keys=False) + "\n"
    return files
