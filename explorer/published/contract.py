"""The published contract, named once: the format version every JSON output carries, and the
schemas `treatment-explorer schema NAME` prints. Light on purpose: --help lists the names, and
nothing here imports pydantic.

The version policy (docs/scripting.md, "Format versions"): MAJOR.MINOR. A minor version only adds (a key, an
output, a value of an enumeration), and readers ignore what they do not know; a major version may
remove, rename or change what a key holds. Every version has a changelog line in docs/scripting.md, and
docs/schema/format-versions.json records the shape of each published version: a shape that
changes without a new version fails the tests.
"""

from __future__ import annotations

FORMAT_VERSION = "1.2"

# The schemas, in the order --help and docs/scripting.md list them: name -> what reads or prints it.
SCHEMAS = {
    "answers": "treatment-explorer --answers FILE reads it",
    "result": "treatment-explorer --answers FILE --format json prints it",
    "show": "treatment-explorer show ID --format json prints it",
    "sections": "treatment-explorer sections --format json prints it",
    "rules": "treatment-explorer rules --format json prints it",
    "compare": "treatment-explorer compare --format json prints it",
    "about": "treatment-explorer about --format json prints it",
}


def major(version: str = FORMAT_VERSION) -> str:
    return version.split(".", 1)[0]


def schema_id(name: str) -> str:
    """A schema's `$id`: its name and the major version it describes (every minor version of a
    major one is read by the same schema, its additions ignored)."""
    return f"urn:treatment-options-explorer:schema:{name}:{major()}"
