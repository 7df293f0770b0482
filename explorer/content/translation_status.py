"""Which content still needs translating: every translatable English text, by the key its
translation is kept under (content/translation.py), and those without a current translation.
Read by scripts/translations.py and the tests; never at run time."""

from __future__ import annotations

from pathlib import Path

from explorer.content.translation import current, fields, read_translations, summary_fields

DISCLAIMER = "DISCLAIMER.md"
DISCLAIMER_KEY = "disclaimer"  # data/<language>/disclaimer.toml: `en` ties DISCLAIMER.<language>.md to it


def english_fields(root: Path) -> dict[str, str | list[str]]:
    """Every translatable English text of the content under `root`, by key: what
    data/<language>/ must translate (the catalog, "what matters", the glossary, the comparison and
    the summary's rules). Checks the content first, as a snapshot build does."""
    from explorer.content.catalog import Catalog
    from explorer.content.checking import check_catalog
    from explorer.content.comparison import check_comparison

    parts, texts = check_catalog(root)
    catalog = Catalog(parts["catalog"], root, None, {**parts, "texts": texts})
    parts["comparison"] = check_comparison(catalog, root).model_dump(mode="json")
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
