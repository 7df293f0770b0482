"""The content in another language: translations kept as data beside the English (data/es/*.toml),
laid over the checked English content when a catalog in that language is made.

Each translated field is one TOML table, named by a key that says where the English is
("notes.lost-tolerance.text", "questions.setting.choices.daily.label"), holding `en`, the first 16
hex digits of the sha256 of the English it translates (whitespace squashed), and `es`, the
translation:

    ["notes.lost-tolerance.text"]
    en = "3f9a0c1d2e4b5a6f"
    es = "Después de un tiempo sin opioides, ..."

Own words (questions, notes, reasons, labels, the glossary...) are replaced by their translation.
Verbatim quotes (a section's `text`; the short `quote` of a comparison cell, of "what matters" and
of a caution) stay the English original; their translation goes beside them, in `translation`,
shown as an unofficial translation. A short quote is kept once, under "quotes.<its fingerprint>",
wherever it is shown.

When the English changes, its hash no longer matches: the translation is stale. A stale or missing
translation is never shown. An own-words field falls back to the current English, marked
UNTRANSLATED_MARK so that a reader sees it is English; a quote's translation is None (the English
original is shown). Falling back rather than refusing to build: a Spanish reader in a hard moment
gets every part of the explorer, with a correct English sentence where the Spanish is not yet
current, instead of an outdated sentence or no explorer at all. tests/test_translation_parity.py
fails on every stale or missing translation, so none is shipped unnoticed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.content.translatable import BESIDE, REPLACED, TABLES, TEXTS_BY_ID
from explorer.errors import CatalogError
from explorer.i18n import ENGLISH

UNTRANSLATED_MARK = "(en inglés) "


def _squash(text: str) -> str:
    return " ".join(text.split())  # as content/toml.py's squash, which brings pydantic with it


def fingerprint(english: str | list[str] | tuple[str, ...]) -> str:
    """The first 16 hex digits of the sha256 of the English, whitespace squashed (a list: its
    items, one a line): what a translation is tied to."""
    text = "\n".join(_squash(item) for item in english) if not isinstance(english, str) else _squash(english)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Field:
    """One translatable field of the English content: where it is and what it says."""

    key: str
    english: str | list[str]
    beside: bool  # a verbatim quote: its translation goes beside it, in `translation`
    holder: dict[str, Any]  # the dict that holds it in the part's data
    name: str


def _id_of(item: dict[str, Any]) -> str | None:
    return next((item[name] for name in ("id", "key", "value", "file") if isinstance(item.get(name), str)), None)


def _walk(data: Any, path: str, key: str) -> Iterator[Field]:
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and _id_of(item) is not None:
                yield from _walk(item, path, f"{key}.{_id_of(item)}")
        return
    if not isinstance(data, dict):
        return
    replaced, beside = REPLACED.get(path, frozenset()), BESIDE.get(path)
    for name, value in data.items():
        if name == beside and isinstance(value, str):
            yield Field(f"{key}.{name}", value, True, data, name)
        elif name == "quote" and isinstance(value, str):  # a short quote (a cell, a caution): by its English
            yield Field(f"quotes.{fingerprint(value)}", value, True, data, name)
        elif name in replaced and isinstance(value, (str, list)) and value:
            yield Field(f"{key}.{name}", value, False, data, name)
        elif isinstance(value, dict) and name in ("cells", "says"):  # one quote or note per column
            for column, inner in value.items():
                yield from _walk(inner, f"{path}.{name}", f"{key}.{name}.{column}")
        elif isinstance(value, dict) and name in TEXTS_BY_ID:
            for one, text in value.items():
                if isinstance(text, str) and text:
                    yield Field(f"{key}.{name}.{one}", text, False, value, one)
        elif isinstance(value, list) or (isinstance(value, dict) and name in TABLES):
            yield from _walk(value, f"{path}.{name}", f"{key}.{name}")


def fields(parts: dict[str, Any]) -> Iterator[Field]:
    """Every translatable field of the checked English parts ("catalog", "matters", "glossary",
    "comparison"), in order. A key leaves out the catalog part's name ("notes.x.text")."""
    for part, data in parts.items():
        if part == "catalog":
            for name, value in data.items():
                yield from _walk(value, f"catalog.{name}", name)
        else:
            yield from _walk(data, part, part)


SUMMARY_FIELDS = (("ask", "question"), ("mark", "matches"))


def summary_fields(root: Path) -> dict[str, str]:
    """The own words of rules/summary.toml (read by the summary, outside the catalog), by key:
    "summary.ask.<id>.question", "summary.mark.<id>.matches"."""
    from explorer.content.toml import read_toml

    raw = read_toml(root / "rules" / "summary.toml")
    return {
        f"summary.{table}.{entry['id']}.{name}": entry[name]
        for table, name in SUMMARY_FIELDS
        for entry in raw.get(table, [])
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get(name), str)
    }


# Where a key's translation is kept: data/<language>/<file>, by the key's first names.
FILES = (
    ("documents.", "documents.toml"),
    ("sections.", "sections.toml"),
    ("questions.", "questions.toml"),
    ("notes.", "notes.toml"),
    ("rules.suggest.", "rules-suggestions.toml"),
    ("rules.caution.", "rules-safety.toml"),
    ("rules.withhold.", "rules-safety.toml"),
    ("rules.attach.", "rules-notes.toml"),
    ("rules.not_yet.", "rules-order.toml"),
    ("rules.order.", "rules-order.toml"),
    ("rules.matter_", "rules-matters.toml"),
    ("rules.figures.", "rules-figures.toml"),
    ("summary.", "rules-summary.toml"),
    ("matters.", "matters.toml"),
    ("glossary.", "glossary.toml"),
    ("comparison.", "comparison.toml"),
    ("quotes.", "quotes.toml"),
    ("figures.", "figures.toml"),
    ("disclaimer", "disclaimer.toml"),
)


def file_for(key: str) -> str:
    """The file of data/<language>/ that keeps the translation of `key`."""
    return next(name for prefix, name in FILES if key.startswith(prefix))


@dataclass(frozen=True)
class Translation:
    """One translation as data/<language>/ keeps it."""

    key: str
    en: str  # the fingerprint of the English it translates
    text: str | list[str]
    file: Path


def read_translations(root: Path, language: str) -> dict[str, Translation]:
    """Every translation of data/<language>/*.toml under `root`, by key. Raises CatalogError on a
    file that cannot be read, an entry without `en` and `es`, or a key kept twice."""
    found: dict[str, Translation] = {}
    for path in sorted((root / "data" / language).glob("*.toml")):
        for key, translation in _read_file(path).items():
            if key in found:
                raise CatalogError(path, f"translated twice (also in {found[key].file.name})", key)
            found[key] = translation
    return found


def _read_file(path: Path) -> dict[str, Translation]:
    """The translations one file of data/<language>/ keeps, by key."""
    from explorer.content.toml import read_toml  # here: the first question's draft needs none of it

    found: dict[str, Translation] = {}
    for key, entry in read_toml(path).items():
        if not (isinstance(entry, dict) and isinstance(entry.get("en"), str) and "es" in entry):
            raise CatalogError(path, "each translation needs `en` (the English's fingerprint) and `es`", key)
        text = entry["es"]
        if not (isinstance(text, str) and text.strip()) and not (
            isinstance(text, list) and all(isinstance(item, str) for item in text)
        ):
            raise CatalogError(path, "`es` must be a text or a list of texts", key)
        found[key] = Translation(key, entry["en"], text, path)
    return found


def translation_files(root: Path, language: str) -> list[str]:
    """The translation files of `language`, relative to `root` (what the snapshot's freshness is
    checked on)."""
    if language == ENGLISH:
        return []
    return sorted(path.relative_to(root).as_posix() for path in (root / "data" / language).glob("*.toml"))


def current(translation: Translation | None, english: str | list[str]) -> bool:
    """Whether a translation exists and was made from this very English."""
    return translation is not None and translation.en == fingerprint(english)


def translate_parts(parts: dict[str, Any], root: Path, language: str) -> dict[str, Any]:
    """The checked English parts with `language` laid over them, in place: own words replaced
    (stale or missing ones: the English, marked), quotes given their `translation` (None when stale
    or missing). English: every quote's `translation` is None."""
    translations = read_translations(root, language) if language != ENGLISH else {}
    for field in list(fields(parts)):
        if field.beside:
            found = translations.get(field.key)
            field.holder["translation"] = found.text if found is not None and current(found, field.english) else None
        elif language != ENGLISH:
            found = translations.get(field.key)
            if found is not None and current(found, field.english):
                field.holder[field.name] = found.text
            elif isinstance(field.english, str):
                field.holder[field.name] = UNTRANSLATED_MARK + field.english
    return parts


def translated(key: str, english: str, language: str, root: Path) -> str:
    """One own-words text in `language`, for content read outside the catalog (rules/summary.toml:
    keys "summary.ask.<id>.question", "summary.mark.<id>.matches"): its current translation, or
    the English marked. Reads only the file that keeps `key`."""
    if language == ENGLISH:
        return english
    found = _cached(root / "data" / language / file_for(key)).get(key)
    return (
        found.text
        if found is not None and current(found, english) and isinstance(found.text, str)
        else (UNTRANSLATED_MARK + english)
    )


_CACHE: dict[Path, dict[str, Translation]] = {}


def _cached(path: Path) -> dict[str, Translation]:
    if path not in _CACHE:
        _CACHE[path] = _read_file(path) if path.is_file() else {}
    return _CACHE[path]
