"""Checks the catalog's files (data/ and rules/ under a content folder) with the pydantic models of
content/models/: every file read within its limits (content/limits.py), every entry valid, every
quote verbatim, every name known, the rule book within the rule engine's limits. The first problem
raises a CatalogError naming the file and the entry.

It runs when the package is built and when `make` refreshes the snapshot (content/snapshot.py), and
when a run finds the content on disk different from the snapshot's, or elsewhere
(TREATMENT_EXPLORER_CONTENT). What it returns is the data the snapshot holds: a run builds the same
records (content/catalog.py) from either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from explorer.content.answers import ANSWER_KEYS
from explorer.content.engine_limits import engine_limit_problem
from explorer.content.limits import read_limited
from explorer.content.models.documents import Document, Section
from explorer.content.models.glossary import check_glossary
from explorer.content.models.matters import load_matter_rules, load_matters_content, noted
from explorer.content.models.notes import Note
from explorer.content.models.questions import Question
from explorer.content.models.rules import (
    AttachRule,
    CautionRule,
    FiguresRule,
    NotYetRule,
    OrderPolicy,
    Rule,
    RuleBook,
    SuggestRule,
    WithholdRule,
)
from explorer.content.promotion import promotional_text
from explorer.content.sentences import check_quote, whole_sentences
from explorer.content.toml import first_problem, read_entries, read_toml, squash
from explorer.errors import CatalogError

# The files of a catalog, under its content folder: what the snapshot's freshness is checked on
# (the documents' texts are added by name, from documents.toml).
CATALOG_FILES = (
    "data/documents.toml",
    "data/sections.toml",
    "data/questions.toml",
    "data/notes.toml",
    "rules/suggestions.toml",
    "rules/safety.toml",
    "rules/notes.toml",
    "rules/order.toml",
    "rules/matters.toml",
    "rules/figures.toml",
)
MATTERS_FILES = ("data/matters.toml",)
GLOSSARY_FILES = ("data/glossary.toml",)


def _unique(path: Path, kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for one in ids:
        if one in seen:
            raise CatalogError(path, f"duplicate {kind} id", f"{kind} {one}")
        seen.add(one)


def _check_documents(data: Path) -> tuple[dict[str, Document], dict[str, str]]:
    manifest = data / "documents.toml"
    documents = {d.file: d for d in read_entries(manifest, "document", Document)}
    texts = {}
    for name, document in documents.items():
        path = data / name
        raw = read_limited(path, "source document")
        try:
            texts[name] = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CatalogError(path, f"source document cannot be read: {error}") from None
        if hashlib.sha256(raw).hexdigest() != document.sha256:
            raise CatalogError(path, "source document differs from the copy pinned in documents.toml (sha256)")
        if document.title and squash(document.title) not in squash(texts[name]):
            raise CatalogError(manifest, "title is not verbatim in the document", f"document {name}")
    return documents, texts


def _check_sections(data: Path, documents: dict[str, str]) -> dict[str, Section]:
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
        for paragraph in filter(str.strip, section.text.split("\n")):
            if not whole_sentences(paragraph, documents[section.source]):
                raise CatalogError(
                    path,
                    f"does not start and end at a sentence boundary of {section.source}: "
                    f"{paragraph[:40]!r}…{paragraph[-30:]!r}",
                    entry,
                )
        found = promotional_text(section.text)
        if found:
            raise CatalogError(path, f"contains promotional text {found!r}", entry)
    return {s.id: s for s in sections}


def _check_questions(data: Path) -> tuple[Question, ...]:
    path = data / "questions.toml"
    questions = read_entries(path, "question", Question)
    keys = [q.key for q in questions]
    if sorted(keys) != sorted(ANSWER_KEYS):
        raise CatalogError(path, f"must ask each of {', '.join(ANSWER_KEYS)} exactly once")
    if keys[0] != "for_whom":
        raise CatalogError(path, "for_whom must come first: the wording of the others depends on it")
    return tuple(questions)


def _check_notes(data: Path, sections: dict[str, Section]) -> dict[str, Note]:
    path = data / "notes.toml"
    notes = read_entries(path, "note", Note)
    _unique(path, "note", [n.id for n in notes])
    for note in notes:
        for section_id in note.sections:
            if section_id not in sections:
                raise CatalogError(path, f"names unknown section {section_id!r}", f"note {note.id}")
    return {n.id: n for n in notes}


def _check_order(path: Path) -> OrderPolicy:
    raw = read_toml(path).get("tier", [])
    try:
        return OrderPolicy.model_validate({"tiers": raw})
    except ValidationError as error:
        raise CatalogError(path, first_problem(error)) from None


def _check_rules(rules_dir: Path, sections: dict[str, Section], notes: dict[str, Note]) -> RuleBook:
    suggestions, safety = rules_dir / "suggestions.toml", rules_dir / "safety.toml"
    note_rules, order = rules_dir / "notes.toml", rules_dir / "order.toml"
    matter_rules = rules_dir / "matters.toml"
    suggest = read_entries(suggestions, "suggest", SuggestRule)
    caution = read_entries(safety, "caution", CautionRule)
    withhold = read_entries(safety, "withhold", WithholdRule)
    attach = read_entries(note_rules, "attach", AttachRule)
    not_yet = read_entries(order, "not_yet", NotYetRule)
    matter_rows, matter_asks = load_matter_rules(matter_rules)
    figure_rules_path = rules_dir / "figures.toml"
    figure_rules = read_entries(figure_rules_path, "figures", FiguresRule)
    for attach_rule in attach:
        for note_id in attach_rule.notes:
            if note_id not in notes:
                raise CatalogError(
                    note_rules, f"names unknown note {note_id!r} (data/notes.toml)", f"attach {attach_rule.id}"
                )
    for rule in suggest:
        for section_id in rule.sections:
            if section_id not in sections:
                raise CatalogError(suggestions, f"names unknown section {section_id!r}", f"suggest {rule.id}")
    for caution_rule in caution:
        entry = f"caution {caution_rule.id}"
        check_quote(safety, caution_rule.quote, caution_rule.quote_from, sections, entry, cites="quotes")
    seen: dict[str, str] = {}  # rule ids are unique across every file
    where: dict[str, tuple[Path, str]] = {}
    kinds: tuple[tuple[Path, str, Sequence[Rule]], ...] = (
        (suggestions, "suggest", suggest),
        (safety, "caution", caution),
        (safety, "withhold", withhold),
        (note_rules, "attach", attach),
        (order, "not_yet", not_yet),
        (matter_rules, "row", matter_rows),
        (matter_rules, "ask", matter_asks),
        (figure_rules_path, "figures", figure_rules),
    )
    for path, kind, rules in kinds:
        for any_rule in rules:
            if any_rule.id in seen:
                raise CatalogError(
                    path, f"duplicate rule id (first used by {seen[any_rule.id]})", f"{kind} {any_rule.id}"
                )
            seen[any_rule.id] = f"{kind} {any_rule.id} in {path.name}"
            where[any_rule.id] = (path, f"{kind} {any_rule.id}")
    problem = engine_limit_problem([rule for _, _, rules in kinds for rule in rules])
    if problem is not None:  # before the rule book is made: its own check names no file
        rule_id, message = problem
        path, entry = where[rule_id]
        raise CatalogError(path, message, entry)
    policy = _check_order(order)
    try:
        book = RuleBook(
            suggest=tuple(suggest),
            caution=tuple(caution),
            withhold=tuple(withhold),
            attach=tuple(attach),
            not_yet=tuple(not_yet),
            order=policy,
            matter_rows=matter_rows,
            matter_asks=matter_asks,
            figures=tuple(figure_rules),
        )
    except ValidationError as error:  # what is left to check concerns the suggestions (a fallback)
        raise CatalogError(suggestions, first_problem(error)) from None
    return book


def catalog_files(root: Path) -> tuple[str, ...]:
    """Every file the catalog is made from, relative to `root` (documents.toml names the texts)."""
    documents = read_entries(root / "data" / "documents.toml", "document", Document)
    return (*CATALOG_FILES, *(f"data/{d.file}" for d in documents))


def check_catalog(root: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Checks `root/data` and `root/rules`; returns the catalog's data as the snapshot holds it
    ("catalog", "matters", "glossary": JSON-ready) and the documents' texts. Raises CatalogError
    naming the first problem found."""
    data = root / "data"
    documents, texts = _check_documents(data)
    sections = _check_sections(data, texts)
    questions = _check_questions(data)
    notes = _check_notes(data, sections)
    rules = _check_rules(root / "rules", sections, notes)
    matters = load_matters_content(data, sections, notes)
    glossary = check_glossary(root)
    attached = {n for rule in rules.attach for n in rule.notes} | noted(matters)
    for note in notes.values():
        if not (note.sections or note.topics or note.cells or note.id in attached):
            raise CatalogError(
                data / "notes.toml",
                "attaches to nothing: give it sections, topics or cells, attach it in rules/notes.toml, "
                "or show it in data/matters.toml",
                f"note {note.id}",
            )
    catalog = {
        "documents": [d.model_dump(mode="json") for d in documents.values()],
        "sections": [s.model_dump(mode="json") for s in sections.values()],
        "questions": [q.model_dump(mode="json") for q in questions],
        "notes": [n.model_dump(mode="json") for n in notes.values()],
        "rules": rules.model_dump(mode="json"),
    }
    parts = {
        "catalog": catalog,
        "matters": matters.model_dump(mode="json"),
        "glossary": [t.model_dump(mode="json") for t in glossary],
    }
    return parts, texts
