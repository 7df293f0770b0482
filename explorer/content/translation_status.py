"""Which content still needs translating: every translatable English text, by the key its
translation is kept under (content/translation.py), and those without a current translation.
Read by scripts/translations.py and the tests; never at run time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from explorer.content.translatable import BESIDE, KEPT, KEPT_HERE, REPLACED, TEXTS_BY_ID
from explorer.content.translation import current, fields, read_translations, summary_fields

DISCLAIMER = "DISCLAIMER.md"
DISCLAIMER_KEY = "disclaimer"  # data/<language>/disclaimer.toml: `en` ties DISCLAIMER.<language>.md to it


def english_parts(root: Path) -> dict[str, Any]:
    """The checked English content under `root`, as the snapshot's parts ("catalog", "matters",
    "glossary", "comparison")."""
    from explorer.content.catalog import Catalog
    from explorer.content.checking import check_catalog
    from explorer.content.comparison import check_comparison
    from explorer.content.models.figures import check_figures

    parts, texts = check_catalog(root)
    catalog = Catalog(parts["catalog"], root, None, {**parts, "texts": texts})
    parts["comparison"] = check_comparison(catalog, root).model_dump(mode="json")
    parts["figures"] = check_figures(root, set(catalog.notes)).model_dump(mode="json")
    return parts


def unclassified(parts: dict[str, Any]) -> list[str]:
    """Each text field of the parts ("path.field") that is neither translated (REPLACED, BESIDE, a
    quote) nor declared to stay as it is (KEPT): a new kind of content whose words would otherwise
    go untranslated unnoticed."""
    found: set[str] = set()

    def walk(data: Any, path: str) -> None:
        if isinstance(data, list):
            for item in data:
                walk(item, path)
            return
        if not isinstance(data, dict):
            return
        for name, value in data.items():
            texts = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
            if isinstance(value, dict) and name in TEXTS_BY_ID:
                continue  # every text in it is translated
            if isinstance(value, dict) and name in ("cells", "says"):
                for inner in value.values():
                    walk(inner, f"{path}.{name}")
            elif isinstance(value, (dict, list)) and not (texts and value):
                walk(value, f"{path}.{name}")
            elif texts and not (
                name in KEPT
                or name in KEPT_HERE.get(path, ())
                or name in REPLACED.get(path, ())
                or name == BESIDE.get(path)
                or name in ("quote", "translation")
            ):
                found.add(f"{path}.{name}")

    for part, data in parts.items():
        walk(data, part)
    return sorted(found)


def english_fields(root: Path) -> dict[str, str | list[str]]:
    """Every translatable English text of the content under `root`, by key: what
    data/<language>/ must translate (the catalog, "what matters", the glossary, the comparison and
    the summary's rules). Checks the content first, as a snapshot build does."""
    parts = english_parts(root)
    found: dict[str, str | list[str]] = {field.key: field.english for field in fields(parts)}
    found.update(summary_fields(root))
    disclaimer = root / DISCLAIMER
    if disclaimer.is_file():  # translated whole, as DISCLAIMER.<language>.md; only its tie is in data/<language>/
        found[DISCLAIMER_KEY] = disclaimer.read_text(encoding="utf-8")
    return found


def untranslated(root: Path, language: str) -> dict[str, str]:
    """Each key of english_fields() without a current translation in `language`: "missing" or
    "stale" (translated from an English that has changed since)."""
    translations = read_translations(root, language)
    return {
        key: "stale" if key in translations else "missing"
        for key, text in english_fields(root).items()
        if not current(translations.get(key), text)
    }


def orphaned(root: Path, language: str) -> list[str]:
    """Translations in data/<language>/ of no English text (its entry was removed or renamed, or a
    short quote changed): never shown, to be deleted."""
    english = english_fields(root)
    if not (root / DISCLAIMER).is_file():  # a content folder without the disclaimer beside it
        english[DISCLAIMER_KEY] = ""
    return sorted(key for key in read_translations(root, language) if key not in english)
