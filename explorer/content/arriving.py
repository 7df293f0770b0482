"""The content of an interactive session, arriving while the person reads: the first question is
read alone and cheaply (tomllib, no pydantic), so it is on screen at once; the whole catalog is
loaded and validated in a background thread, started once that question is drawn (the main thread
then waits on the keyboard and leaves the interpreter to the loader).

It must not change what is refused, nor how: a first question that is not plainly well-formed
sends the session to the full load before anything is shown (which names the file and the entry),
and damage the background load finds is raised, unchanged, at the next step that needs the content.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.content.limits import check_shape, read_limited
from explorer.content.resources import content_root
from explorer.content.translation import UNTRANSLATED_MARK, fingerprint
from explorer.content.wording import KNOWN_PLACEHOLDERS, PLACEHOLDER
from explorer.i18n import ENGLISH

# As in content/toml.py, which is not imported here: it brings pydantic.
if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog


class DraftChoice:
    """One choice of the first question, as the file says it (checked later by the full load)."""

    def __init__(self, value: str, label: str) -> None:
        self.value, self.label = value, label

    def offered_to(self, for_whom: str) -> bool:
        """The first question asks whom the exploring is for: each of its choices is offered to all."""
        return True


class DraftQuestion:
    """The first question as questions.toml declares it: what the questionnaire reads of a Question."""

    def __init__(self, key: str, kind: str, prompt: str, help: str, choices: tuple[DraftChoice, ...]) -> None:
        self.key, self.kind, self.prompt, self.help, self.choices = key, kind, prompt, help, choices


def _shown_as(question: Any) -> tuple[Any, ...]:
    """What the person sees of a question, draft or validated: they must be the same."""
    return (
        question.key,
        question.kind,
        question.prompt,
        question.help,
        tuple((c.value, c.label) for c in question.choices),
    )


def _plain_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value) and set(PLACEHOLDER.findall(value)) <= KNOWN_PLACEHOLDERS


def _in_language(root: Path, language: str) -> Any:
    """How a field of the first question reads in `language`: its current translation in
    data/<language>/questions.toml, or the English marked, as content/translation.py lays it over
    the whole catalog (the validated question must be the one drawn)."""
    if language == ENGLISH:
        return lambda key, english: english
    path = root / "data" / language / "questions.toml"
    text = read_limited(path).decode("utf-8")
    check_shape(path, text)
    translations = tomllib.loads(text)

    def worded(key: str, english: str) -> str:
        entry = translations.get(f"questions.for_whom.{key}")
        if isinstance(entry, dict) and entry.get("en") == fingerprint(english) and isinstance(entry.get("es"), str):
            return str(entry["es"])
        return UNTRANSLATED_MARK + english

    return worded


def read_first_question(root: Path, language: str = ENGLISH) -> tuple[DraftQuestion, int] | None:
    """questions.toml's first question (in `language`) and how many there are, when the first is
    plainly the for_whom menu the full load would accept; None otherwise (the caller then loads it
    all first)."""
    path = root / "data" / "questions.toml"
    try:  # within the content limits: a file that is too large or oddly shaped is the full load's to name
        text = read_limited(path).decode("utf-8")
        check_shape(path, text)
        entries = tomllib.loads(text).get("question")
    except Exception:  # noqa: BLE001 - any trouble is for the full load to name, with file and entry
        return None
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        return None
    first = entries[0]
    choices = first.get("choices")
    if (
        first.get("key") != "for_whom"
        or first.get("kind") != "select"
        or not all(_plain_text(first.get(field)) for field in ("prompt", "help", "name"))
        or not isinstance(choices, list)
        or not all(isinstance(c, dict) and set(c) == {"value", "label"} for c in choices)
        or not all(isinstance(c["value"], str) and _plain_text(c["label"]) for c in choices)
    ):
        return None
    try:
        worded = _in_language(root, language)
    except Exception:  # noqa: BLE001 - a translation file in trouble: the full load decides
        return None
    draft = DraftQuestion(
        "for_whom",
        "select",
        worded("prompt", first["prompt"]),
        worded("help", first["help"]),
        tuple(DraftChoice(c["value"], worded(f"choices.{c['value']}.label", c["label"])) for c in choices),
    )
    return draft, len(entries)


class CatalogLoader:
    """Loads and validates the catalog in a background thread; catalog() waits for it and raises
    what the load raised (a CatalogError names file and entry, as a load in the foreground would)."""

    def __init__(self, root: Path, language: str = ENGLISH) -> None:
        self.root, self.language = root, language
        self._thread = threading.Thread(target=self._load, name="catalog-loader", daemon=True)
        self._catalog: Catalog | None = None
        self._error: BaseException | None = None

    def _load(self) -> None:
        try:
            from explorer.content.catalog import load_catalog

            self._catalog = load_catalog(self.root, self.language)
        except BaseException as error:  # noqa: B036 - handed to the main thread, which decides
            self._error = error

    def start(self) -> None:
        if self._thread.ident is None:
            self._thread.start()

    def catalog(self) -> Catalog:
        self.start()
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._catalog is not None
        return self._catalog


class ArrivingQuestions(Sequence[Any]):
    """The questions: the draft of the first until the catalog is needed, then the validated ones.
    Asking for any other question waits for the catalog (and raises what its load found)."""

    def __init__(self, first: DraftQuestion, total: int, loader: CatalogLoader) -> None:
        self.first, self.total, self.loader = first, total, loader
        self._checked = False

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: Any) -> Any:
        if index == 0 and not self._checked:
            return self.first
        return self.validated()[index]

    def validated(self) -> Sequence[Any]:
        questions = self.loader.catalog().questions
        if not self._checked:
            # The same file read twice in one run: what was shown is what the full load validated.
            if _shown_as(questions[0]) != _shown_as(self.first) or len(questions) != self.total:
                raise RuntimeError("questions.toml changed while the explorer was reading it")
            self._checked = True
        return questions


class SessionContent:
    """What a session needs from the content: the questions at once, the catalog when it has arrived."""

    def __init__(self, questions: Sequence[Any], loader: CatalogLoader) -> None:
        self.questions, self.loader = questions, loader

    def start_loading(self) -> None:
        self.loader.start()

    def catalog(self) -> Catalog:
        return self.loader.catalog()


def session_content(root: Path | None = None, language: str = ENGLISH) -> SessionContent:
    """The first question (in `language`) without loading the rest; or, when the first question is
    not plainly well-formed, everything loaded here and now (so a damaged file is named before the
    session)."""
    root = root or content_root()
    loader = CatalogLoader(root, language)
    first = read_first_question(root, language)
    if first is None:
        catalog = loader.catalog()  # in the foreground: raises the CatalogError before anything is shown
        return SessionContent(catalog.questions, loader)
    return SessionContent(ArrivingQuestions(*first, loader), loader)
