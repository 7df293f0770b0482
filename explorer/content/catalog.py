"""The catalog: documents, sections, questions, the explorer's own notes, "what matters to me" and
the glossary (data/), the rules and the ordering policy (rules/), as records (content/records.py).

load_catalog reads the snapshot when it is fresh (content/snapshot.py: the shipped content,
unchanged since it was checked), or checks the TOML (content/checking.py, the pydantic models)
otherwise; both give the same records. A catalog that loads is one the explorer can serve.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from explorer.content.documents import Document, Section
from explorer.content.notes import Note
from explorer.content.questions import Question
from explorer.content.resources import content_root
from explorer.content.rules import RuleBook
from explorer.content.wording import personalize

if TYPE_CHECKING:
    from explorer.content.answers import Answers
    from explorer.content.glossary import Term
    from explorer.content.matters import MattersContent
    from explorer.content.snapshot import Snapshot


class Catalog:
    """The content a run serves. `matters`, `glossary` and `document_texts` are read when first
    asked for; `origin` says whether the snapshot or a check of the TOML made it."""

    def __init__(
        self,
        data: dict[str, Any],
        root: Path,
        snapshot: Snapshot | None,
        checked: dict[str, Any] | None = None,
        language: str = "en",
    ) -> None:
        self.root = root
        self.language = language  # every own-words field is in it; quotes stay English (Section.translation)
        self.origin: Literal["snapshot", "checked"] = "snapshot" if snapshot is not None else "checked"
        self.snapshot = snapshot
        self._checked = checked or {}  # a check's parts and texts, when no snapshot was used
        self.documents: dict[str, Document] = {d["file"]: Document(**d) for d in data["documents"]}
        self.sections: dict[str, Section] = {s["id"]: Section.from_data(s) for s in data["sections"]}  # reading order
        self.questions: tuple[Question, ...] = tuple(Question.from_data(q) for q in data["questions"])
        self.rules: RuleBook = RuleBook.from_data(data["rules"])
        self.notes: dict[str, Note] = {n["id"]: Note.from_data(n) for n in data["notes"]}  # the explorer's own
        index: dict[str, list[str]] = {}
        for section in self.sections.values():
            for topic in section.topics:
                index.setdefault(topic, []).append(section.id)
        self.topics_index: dict[str, tuple[str, ...]] = {topic: tuple(ids) for topic, ids in index.items()}

    def _part(self, name: str) -> Any:
        return self.snapshot.part(name) if self.snapshot is not None else self._checked[name]

    @cached_property
    def matters(self) -> MattersContent | None:
        """ "What matters to me" (data/matters.toml)."""
        from explorer.content.matters import MattersContent

        return MattersContent.from_data(self._part("matters"))

    @cached_property
    def glossary(self) -> dict[str, Term]:
        """data/glossary.toml, by id."""
        from explorer.content.glossary import glossary_from_data

        return glossary_from_data(self._part("glossary"))

    @cached_property
    def document_texts(self) -> dict[str, str]:
        """The documents' texts, by file name (the checks read them; a run shows sections only)."""
        if "texts" in self._checked:
            texts: dict[str, str] = self._checked["texts"]
            return texts
        from explorer.content.limits import read_limited

        return {name: read_limited(self.root / "data" / name).decode("utf-8") for name in self.documents}

    def section_notes(self, section: Section) -> tuple[Note, ...]:
        """The notes that attach themselves to a section (by id or topic), wherever it is shown."""
        return tuple(n for n in self.notes.values() if section.id in n.sections or set(n.topics) & set(section.topics))

    def document_label(self, file: str) -> str:
        """A document as a reader sees it: its title (or the explorer's description, marked as
        such) and the kind of source; never its file name (that stays in JSON)."""
        return self.documents[file].label_in(self.language)

    def document_name(self, file: str) -> str:
        """The short form, where a label would be too long (after a quoted caution)."""
        return self.documents[file].name_in(self.language)

    def preferences(self, answers: Answers) -> tuple[tuple[str, str], ...]:
        """The stated preferences in plain words: (question name, chosen label)."""
        rows = []
        for key, name, labels in self._choice_labels[answers.for_whom]:
            value = getattr(answers, key)
            if key == "interests":
                nothing = "nada en particular" if self.language == "es" else "nothing in particular"
                rows.append((name, ", ".join(labels[v] for v in value) or nothing))
            else:
                rows.append((name, labels[value]))
        return tuple(rows)

    # Worded once per catalog, not per result: every profile of the answer space needs them.
    @cached_property
    def _choice_labels(self) -> dict[str, tuple[tuple[str, str, dict[str, str]], ...]]:
        from explorer.content.answers import Answers  # here: only a result, which has answers, needs it

        return {
            for_whom: tuple(
                (q.key, q.name, {c.value: personalize(c.label, for_whom, self.language) for c in q.choices})
                for q in self.questions
            )
            for for_whom in Answers.allowed_values("for_whom")
        }


def load_catalog(root: Path | None = None, language: str = "en") -> Catalog:
    """The catalog of `root/data` and `root/rules` (by default content_root()) in `language`
    ("en" or "es": content/translation.py lays data/es/ over the English): from the snapshot when
    it is fresh, else checked from the TOML, which raises CatalogError naming the first problem
    found. Only the chosen language is read."""
    from explorer.content.snapshot import fresh_snapshot

    root = root or content_root()
    snapshot = fresh_snapshot(root, language)
    if snapshot is not None:
        return Catalog(snapshot.part("catalog"), root, snapshot, language=language)
    from explorer.content.checking import check_catalog
    from explorer.content.translation import translate_parts

    parts, texts = check_catalog(root)
    translate_parts(parts, root, language)
    return Catalog(parts["catalog"], root, None, {**parts, "texts": texts}, language=language)
