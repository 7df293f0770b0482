"""Synthetic content N times the real one, for the scaling figures: written into a folder the
benchmark owns (a temporary directory), never into data/ or rules/, and never shipped.

Copy k of every document starts with a line of its own (so each copy is a distinct file with its
own sha256); copy k of every section quotes copy k of its document; copy k of every rule points at
copy k of its sections. The questions stay as they are: the answer contract does not grow; so do
the explorer's own notes, the ordering policy, "what matters to me" (its content and its rules),
the glossary and the comparison, which name sections of copy 0 (their ids are the originals).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomli, a dependency there
    import tomli as tomllib


PROJECT_ROOT = Path(__file__).resolve().parent.parent  # not imported from explorer: the parent stays light


def _copy_name(name: str, k: int) -> str:
    return name if k == 0 else f"c{k}_{name}"


def _copy_id(ident: str, k: int) -> str:
    return ident if k == 0 else f"{ident}-c{k}"


def _toml_value(value: Any) -> str:
    # JSON strings without ASCII escaping are valid TOML basic strings for this content.
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML form for {value!r}")


def _write_tables(path: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    lines = []
    for table, entries in tables.items():
        for entry in entries:
            lines.append(f"[[{table}]]")
            lines += [f"{key} = {_toml_value(value)}" for key, value in entry.items()]
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def write_catalog(target: Path, factor: int, source: Path = PROJECT_ROOT) -> Path:
    """Writes `factor` copies of source's content under target/data and target/rules."""
    data, rules = target / "data", target / "rules"
    data.mkdir(parents=True)
    rules.mkdir()
    shutil.copy(source / "data" / "questions.toml", data / "questions.toml")
    # The explorer's own notes, the rules that attach them and the ordering policy stay single:
    # they name sections of copy 0, which keeps the original ids.
    for name in ("notes.toml", "matters.toml", "glossary.toml", "comparison.toml"):
        shutil.copy(source / "data" / name, data / name)
    for name in ("notes.toml", "order.toml", "matters.toml", "summary.toml"):
        shutil.copy(source / "rules" / name, rules / name)

    documents = []
    for document in _read(source / "data" / "documents.toml")["document"]:
        original = (source / "data" / document["file"]).read_bytes()
        for k in range(factor):
            raw = original if k == 0 else f"Synthetic copy {k}.\n".encode() + original
            name = _copy_name(document["file"], k)
            (data / name).write_bytes(raw)
            documents.append({**document, "file": name, "sha256": hashlib.sha256(raw).hexdigest()})
    _write_tables(data / "documents.toml", {"document": documents})

    sections = _read(source / "data" / "sections.toml")["section"]
    _write_tables(
        data / "sections.toml",
        {
            "section": [
                {**s, "id": _copy_id(s["id"], k), "source": _copy_name(s["source"], k)}
                for k in range(factor)
                for s in sections
            ]
        },
    )

    suggest = _read(source / "rules" / "suggestions.toml")["suggest"]
    _write_tables(
        rules / "suggestions.toml",
        {
            "suggest": [
                {**r, "id": _copy_id(r["id"], k), "sections": [_copy_id(s, k) for s in r["sections"]]}
                for k in range(factor)
                for r in suggest
            ]
        },
    )
    safety = _read(source / "rules" / "safety.toml")
    _write_tables(
        rules / "safety.toml",
        {
            "caution": [
                {**r, "id": _copy_id(r["id"], k), "quote_from": _copy_id(r["quote_from"], k)}
                for k in range(factor)
                for r in safety.get("caution", [])
            ],
            "withhold": [{**r, "id": _copy_id(r["id"], k)} for k in range(factor) for r in safety.get("withhold", [])],
        },
    )
    return target
