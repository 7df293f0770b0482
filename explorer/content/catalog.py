"""Loads and validates the content: documents, sections and questions (data/), rules (rules/).

Everything is checked once, at load: a catalog that loads is one the explorer can serve.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from explorer.content.answers import ANSWER_KEYS, Answers
from explorer.content.documents import Document, Section
from explorer.content.promotion import promotional_text
from explorer.content.questions import Question
from explorer.content.rules import CautionRule, Rule, RuleBook, SuggestRule, WithholdRule
from explorer.content.toml import first_problem, read_entries, squash
from explorer.content.wording import personalize
from explorer.errors import CatalogError

PROJECT_ROOT = Path(__file__).resolve().parents[2]


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

    def preferences(self, answers: Answers) -> tuple[tuple[str, str], ...]:
        """The stated preferences in plain words: (question name, chosen label)."""
        rows = []
        for question in self.questions:
            labels = {c.value: personalize(c.label, answers.for_whom) for c in question.choices}
            value = getattr(answers, question.key)
            if question.key == "interests":
                shown = ", ".join(labels[v] for v in value) or "nothing in particular"
            else:
                shown = labels[value]
            rows.append((question.name, shown))
        return tuple(rows)


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
    suggest = read_entries(suggestions, "suggest", SuggestRule)
    caution = read_entries(safety, "caution", CautionRule)
    withhold = read_entries(safety, "withhold", WithholdRule)
    for rule in suggest:
        for section_id in rule.sections:
            if section_id not in sections:
                raise CatalogError(suggestions, f"names unknown section {section_id!r}", f"suggest {rule.id}")
    for caution_rule in caution:
        entry = f"caution {caution_rule.id}"
        if caution_rule.quote_from not in sections:
            raise CatalogError(safety, f"quotes unknown section {caution_rule.quote_from!r}", entry)
        if squash(caution_rule.quote) not in squash(sections[caution_rule.quote_from].text):
            raise CatalogError(safety, f"quote is not verbatim in section {caution_rule.quote_from!r}", entry)
    seen: dict[str, str] = {}  # rule ids are unique across both files
    kinds: tuple[tuple[Path, str, Sequence[Rule]], ...] = (
        (suggestions, "suggest", suggest),
        (safety, "caution", caution),
        (safety, "withhold", withhold),
    )
    for path, kind, rules in kinds:
        for any_rule in rules:
            if any_rule.id in seen:
                raise CatalogError(
                    path, f"duplicate rule id (first used by {seen[any_rule.id]})", f"{kind} {any_rule.id}"
                )
            seen[any_rule.id] = f"{kind} {any_rule.id} in {path.name}"
    try:
        return RuleBook(suggest=tuple(suggest), caution=tuple(caution), withhold=tuple(withhold))
    except ValidationError as error:  # what is left to check concerns the suggestions (a fallback)
        raise CatalogError(suggestions, first_problem(error)) from None


def load_catalog(root: Path = PROJECT_ROOT) -> Catalog:
    """Loads `root/data` and `root/rules`; raises CatalogError naming the first problem found."""
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
