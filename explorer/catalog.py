"""Loads and validates the content: documents, sections and questions (data/), rules (rules/).

Everything is checked once, at load: a catalog that loads is one the explorer can serve.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from explorer.errors import CatalogError
from explorer.models import (
    ANSWER_KEYS,
    CautionRule,
    Document,
    Question,
    RuleBook,
    Section,
    SuggestRule,
    WithholdRule,
)
from explorer.resources import content_root

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# Debris of the source web pages that must never reach a reader (see DEVELOPERS.md).
PHONE_NUMBER = re.compile(r"\+?\d[\d\s().-]{6,}\d")
# Searched in the lower-cased text: lower() plus a plain search is a third of what re.IGNORECASE
# costs over the 58 sections, on every run.
PROMOTIONAL_WORDS = re.compile(
    r"call us|call addiction advice|helpline information|where do calls go|scroll to top"
    r"|rehabs\.org|addiction advice online"
)

M = TypeVar("M", bound=BaseModel)


def promotional_text(text: str) -> str | None:
    """The first phone number or piece of the sites' advertising in `text`, if any."""
    found = PHONE_NUMBER.search(text) or PROMOTIONAL_WORDS.search(text.lower())
    return found.group(0) if found else None


@dataclass(frozen=True)
class Catalog:
    documents: dict[str, Document]
    document_texts: dict[str, str]
    sections: dict[str, Section]  # in reading order
    questions: tuple[Question, ...]
    rules: RuleBook
    topics_index: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def document_label(self, file: str) -> str:
        title = self.documents[file].title
        return f"“{title}” ({file})" if title else file


def squash(text: str) -> str:
    """Whitespace-insensitive form, for the verbatim checks."""
    return " ".join(text.split())


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise CatalogError(path, "file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(path, f"cannot be parsed: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(path, f"cannot be read: {error}") from None


def first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def read_entries(path: Path, table: str, model: type[M]) -> list[M]:
    raw = read_toml(path).get(table, [])
    if not isinstance(raw, list):
        raise CatalogError(path, f"[[{table}]] must be an array of tables")
    entries = []
    for number, item in enumerate(raw, start=1):
        name = f"{table} {item.get('id') or item.get('key') or item.get('file') or f'#{number}'}"
        try:
            entries.append(model.model_validate(item))
        except ValidationError as error:
            raise CatalogError(path, first_problem(error), name) from None
    return entries


def _unique(path: Path, kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for one in ids:
        if one in seen:
            raise CatalogError(path, f"duplicate {kind} id", f"{kind} {one}")
        seen.add(one)


def _load_documents(data: Path) -> tuple[dict[str, Document], dict[str, str]]:
    manifest = data / "documents.toml"
    documents = {d.file: d for d in read_entries(manifest, "document", Document)}
    texts = {}
    for name, document in documents.items():
        path = data / name
        try:
            raw = path.read_bytes()
            texts[name] = raw.decode("utf-8")
        except FileNotFoundError:
            raise CatalogError(path, "source document is missing") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CatalogError(path, f"source document cannot be read: {error}") from None
        if hashlib.sha256(raw).hexdigest() != document.sha256:
            raise CatalogError(path, "source document differs from the copy pinned in documents.toml (sha256)")
        if document.title and squash(document.title) not in squash(texts[name]):
            raise CatalogError(manifest, "title is not verbatim in the document", f"document {name}")
    return documents, texts


def _load_sections(data: Path, documents: dict[str, str]) -> dict[str, Section]:
    path = data / "sections.toml"
    sections = read_entries(path, "section", Section)
    _unique(path, "section", [s.id for s in sections])
    squashed = {name: squash(text) for name, text in documents.items()}
    for section in sections:
        entry = f"section {section.id}"
        if section.source not in documents:
            raise CatalogError(path, f"unknown source {section.source!r} (known: {', '.join(documents)})", entry)
        if squash(section.text) not in squashed[section.source]:
            raise CatalogError(path, f"text is not verbatim in {section.source}", entry)
        found = promotional_text(section.text)
        if found:
            raise CatalogError(path, f"contains promotional text {found!r}", entry)
    return {s.id: s for s in sections}


def _load_questions(data: Path) -> tuple[Question, ...]:
    path = data / "questions.toml"
    questions = read_entries(path, "question", Question)
    keys = [q.key for q in questions]
    if sorted(keys) != sorted(ANSWER_KEYS):
        raise CatalogError(path, f"must ask each of {', '.join(ANSWER_KEYS)} exactly once")
    if keys[0] != "for_whom":
        raise CatalogError(path, "for_whom must come first: the wording of the others depends on it")
    return tuple(questions)


def _load_rules(rules_dir: Path, sections: dict[str, Section]) -> RuleBook:
    suggestions, safety = rules_dir / "suggestions.toml", rules_dir / "safety.toml"
    parts = {
        "suggest": read_entries(suggestions, "suggest", SuggestRule),
        "caution": read_entries(safety, "caution", CautionRule),
        "withhold": read_entries(safety, "withhold", WithholdRule),
    }
    for rule in parts["suggest"]:
        for section_id in rule.sections:
            if section_id not in sections:
                raise CatalogError(suggestions, f"names unknown section {section_id!r}", f"suggest {rule.id}")
    for rule in parts["caution"]:
        entry = f"caution {rule.id}"
        if rule.quote_from not in sections:
            raise CatalogError(safety, f"quotes unknown section {rule.quote_from!r}", entry)
        if squash(rule.quote) not in squash(sections[rule.quote_from].text):
            raise CatalogError(safety, f"quote is not verbatim in section {rule.quote_from!r}", entry)
    seen: dict[str, str] = {}  # rule ids are unique across both files
    for path, kind in ((suggestions, "suggest"), (safety, "caution"), (safety, "withhold")):
        for rule in parts[kind]:
            if rule.id in seen:
                raise CatalogError(path, f"duplicate rule id (first used by {seen[rule.id]})", f"{kind} {rule.id}")
            seen[rule.id] = f"{kind} {rule.id} in {path.name}"
    try:
        return RuleBook(**parts)
    except ValidationError as error:  # what is left to check concerns the suggestions (a fallback)
        raise CatalogError(suggestions, first_problem(error)) from None


def load_catalog(root: Path | None = None) -> Catalog:
    """Loads `root/data` and `root/rules` (by default content_root()); raises CatalogError naming the
    first problem found."""
    root = root or content_root()
    data = root / "data"
    documents, texts = _load_documents(data)
    sections = _load_sections(data, texts)
    questions = _load_questions(data)
    rules = _load_rules(root / "rules", sections)
    topics_index: dict[str, list[str]] = {}
    for section in sections.values():
        for topic in section.topics:
            topics_index.setdefault(topic, []).append(section.id)
    return Catalog(
        documents=documents,
        document_texts=texts,
        sections=sections,
        questions=questions,
        rules=rules,
        topics_index={topic: tuple(ids) for topic, ids in topics_index.items()},
    )
