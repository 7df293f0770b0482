"""Loads and validates the content: documents, sections, questions, the explorer's own notes,
"what matters to me" and the glossary (data/), rules and the ordering policy (rules/).

Everything is checked once, at load: a catalog that loads is one the explorer can serve.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from explorer.content.answers import ANSWER_KEYS, Answers
from explorer.content.documents import Document, Section
from explorer.content.glossary import Term, load_glossary
from explorer.content.matters import MattersContent, load_matter_rules, load_matters_content, noted
from explorer.content.notes import Note
from explorer.content.promotion import promotional_text
from explorer.content.questions import Question
from explorer.content.resources import content_root
from explorer.content.rules import (
    AttachRule,
    CautionRule,
    NotYetRule,
    OrderPolicy,
    Rule,
    RuleBook,
    SuggestRule,
    WithholdRule,
)
from explorer.content.sentences import check_quote, whole_sentences
from explorer.content.toml import first_problem, read_entries, read_toml, squash
from explorer.content.wording import personalize
from explorer.errors import CatalogError


@dataclass(frozen=True)
class Catalog:
    documents: dict[str, Document]
    document_texts: dict[str, str]
    sections: dict[str, Section]  # in reading order
    questions: tuple[Question, ...]
    rules: RuleBook
    notes: dict[str, Note] = field(default_factory=dict)  # the explorer's own, in file order
    topics_index: dict[str, tuple[str, ...]] = field(default_factory=dict)
    matters: MattersContent | None = None  # "what matters to me" (data/matters.toml)
    glossary: dict[str, Term] = field(default_factory=dict)  # data/glossary.toml, by id

    def section_notes(self, section: Section) -> tuple[Note, ...]:
        """The notes that attach themselves to a section (by id or topic), wherever it is shown."""
        return tuple(n for n in self.notes.values() if section.id in n.sections or set(n.topics) & set(section.topics))

    def document_label(self, file: str) -> str:
        """A document as a reader sees it: its title (or the explorer's description, marked as
        such) and the kind of source; never its file name (that stays in JSON)."""
        return self.documents[file].label

    def document_name(self, file: str) -> str:
        """The short form, where a label would be too long (after a quoted caution)."""
        return self.documents[file].name

    def preferences(self, answers: Answers) -> tuple[tuple[str, str], ...]:
        """The stated preferences in plain words: (question name, chosen label)."""
        rows = []
        for key, name, labels in self._choice_labels[answers.for_whom]:
            value = getattr(answers, key)
            if key == "interests":
                rows.append((name, ", ".join(labels[v] for v in value) or "nothing in particular"))
            else:
                rows.append((name, labels[value]))
        return tuple(rows)

    # Worded once per catalog, not per result: every profile of the answer space needs them.
    @cached_property
    def _choice_labels(self) -> dict[str, tuple[tuple[str, str, dict[str, str]], ...]]:
        return {
            for_whom: tuple(
                (q.key, q.name, {c.value: personalize(c.label, for_whom) for c in q.choices}) for q in self.questions
            )
            for for_whom in Answers.allowed_values("for_whom")
        }


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


def _load_questions(data: Path) -> tuple[Question, ...]:
    path = data / "questions.toml"
    questions = read_entries(path, "question", Question)
    keys = [q.key for q in questions]
    if sorted(keys) != sorted(ANSWER_KEYS):
        raise CatalogError(path, f"must ask each of {', '.join(ANSWER_KEYS)} exactly once")
    if keys[0] != "for_whom":
        raise CatalogError(path, "for_whom must come first: the wording of the others depends on it")
    return tuple(questions)


def _load_notes(data: Path, sections: dict[str, Section]) -> dict[str, Note]:
    path = data / "notes.toml"
    notes = read_entries(path, "note", Note)
    _unique(path, "note", [n.id for n in notes])
    for note in notes:
        for section_id in note.sections:
            if section_id not in sections:
                raise CatalogError(path, f"names unknown section {section_id!r}", f"note {note.id}")
    return {n.id: n for n in notes}


def _load_order(path: Path) -> OrderPolicy:
    raw = read_toml(path).get("tier", [])
    try:
        return OrderPolicy.model_validate({"tiers": raw})
    except ValidationError as error:
        raise CatalogError(path, first_problem(error)) from None


def _load_rules(rules_dir: Path, sections: dict[str, Section], notes: dict[str, Note]) -> RuleBook:
    suggestions, safety = rules_dir / "suggestions.toml", rules_dir / "safety.toml"
    note_rules, order = rules_dir / "notes.toml", rules_dir / "order.toml"
    matter_rules = rules_dir / "matters.toml"
    suggest = read_entries(suggestions, "suggest", SuggestRule)
    caution = read_entries(safety, "caution", CautionRule)
    withhold = read_entries(safety, "withhold", WithholdRule)
    attach = read_entries(note_rules, "attach", AttachRule)
    not_yet = read_entries(order, "not_yet", NotYetRule)
    matter_rows, matter_asks = load_matter_rules(matter_rules)
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
    kinds: tuple[tuple[Path, str, Sequence[Rule]], ...] = (
        (suggestions, "suggest", suggest),
        (safety, "caution", caution),
        (safety, "withhold", withhold),
        (note_rules, "attach", attach),
        (order, "not_yet", not_yet),
        (matter_rules, "row", matter_rows),
        (matter_rules, "ask", matter_asks),
    )
    for path, kind, rules in kinds:
        for any_rule in rules:
            if any_rule.id in seen:
                raise CatalogError(
                    path, f"duplicate rule id (first used by {seen[any_rule.id]})", f"{kind} {any_rule.id}"
                )
            seen[any_rule.id] = f"{kind} {any_rule.id} in {path.name}"
    policy = _load_order(order)
    try:
        return RuleBook(
            suggest=tuple(suggest),
            caution=tuple(caution),
            withhold=tuple(withhold),
            attach=tuple(attach),
            not_yet=tuple(not_yet),
            order=policy,
            matter_rows=matter_rows,
            matter_asks=matter_asks,
        )
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
    notes = _load_notes(data, sections)
    rules = _load_rules(root / "rules", sections, notes)
    matters = load_matters_content(data, sections, notes)
    glossary = load_glossary(root)
    attached = {n for rule in rules.attach for n in rule.notes} | noted(matters)
    for note in notes.values():
        if not (note.sections or note.topics or note.cells or note.id in attached):
            raise CatalogError(
                data / "notes.toml",
                "attaches to nothing: give it sections, topics or cells, attach it in rules/notes.toml, "
                "or show it in data/matters.toml",
                f"note {note.id}",
            )
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
        notes=notes,
        topics_index={topic: tuple(ids) for topic, ids in topics_index.items()},
        matters=matters,
        glossary=glossary,
    )
