"""Makes the content's snapshot (content/snapshot.py): checks the content with the models, as a run
that finds no snapshot would, and writes what they accepted as JSON, with the sha256 of every file
it came from and of the code that checked it.

Every language is made at once (content/translation.py: the English with data/<language>/ laid
over it), so that a run reads only its own language's parts. Run by `make` in a checkout
(scripts/build_snapshot.py: the checkout's content into explorer/snapshot/) and by setup.py when
the wheel is built (into the wheel's own copy of the package). Never at run time.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from explorer.content.catalog import Catalog
from explorer.content.checking import GLOSSARY_FILES, MATTERS_FILES, catalog_files, check_catalog
from explorer.content.comparison import check_comparison
from explorer.content.models.figures import FIGURES_FILE, check_figures
from explorer.content.snapshot import FORMAT, MANIFEST, digest
from explorer.content.translation import translate_parts, translation_files
from explorer.errors import CatalogError
from explorer.i18n import LANGUAGES

COMPARISON_FILES = ("data/comparison.toml",)
FIGURES_FILES = (FIGURES_FILE, "data/notes.toml")  # a figure names the notes it stands next to


def _hashes(base: Path, names: tuple[str, ...] | list[str]) -> dict[str, str]:
    hashes = {}
    for name in names:
        found = digest(base / name)
        if found is None:
            raise CatalogError(base / name, "cannot be read for the snapshot")
        hashes[name] = found
    return hashes


# Modules outside explorer/content/ that the check imports and whose change can change what it
# accepts (the control characters it refuses); tests/test_snapshot.py finds any new one.
CHECKING_CODE_ELSEWHERE = ("render/printable.py",)


def code_files(package: Path) -> list[str]:
    """The code that checks the content (explorer/content/, its models, and what they import from
    elsewhere in the package), relative to the folder that holds the package: a snapshot is stale
    once any of it changes."""
    found = [f"{package.name}/{name}" for name in CHECKING_CODE_ELSEWHERE]
    for folder in (package / "content", package / "content" / "models"):
        found += [f"{package.name}/{folder.relative_to(package).as_posix()}/{name}" for name in os.listdir(folder)]
    return sorted(name for name in found if name.endswith(".py"))


def _write(path: Path, data: Any) -> str:
    """Written whole or not at all (a run reading the snapshot meanwhile sees the old file or the
    new one, never half of one); returns its sha256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    partial.write_bytes(raw)
    os.replace(partial, path)
    return hashlib.sha256(raw).hexdigest()


def build_snapshot(root: Path, package: Path, target: Path, languages: tuple[str, ...] = LANGUAGES) -> dict[str, Any]:
    """Checks the content under `root` and writes its snapshot into `target`, one folder per
    language (the English with data/<language>/ laid over it: content/translation.py); `package`
    is the explorer package whose code checked it. Returns the manifest."""
    checked, texts = check_catalog(root)
    catalog = Catalog(checked["catalog"], root, None, {**checked, "texts": texts})
    checked["comparison"] = check_comparison(catalog, root).model_dump(mode="json")
    checked["figures"] = check_figures(root, set(catalog.notes)).model_dump(mode="json")
    manifest_path = target / MANIFEST
    if manifest_path.exists():  # until the new manifest is written, no snapshot is used at all
        manifest_path.unlink()
    by_language = {}
    for language in languages:
        parts = translate_parts(copy.deepcopy(checked), root, language)
        translations = translation_files(root, language)  # a language's parts are stale once these change
        sources = {
            "catalog": [*catalog_files(root), *translations],
            "matters": [*MATTERS_FILES, *translations],
            "glossary": [*GLOSSARY_FILES, *translations],
            "comparison": [*COMPARISON_FILES, *translations],
            "figures": [*FIGURES_FILES, *translations],
        }
        entries = {}
        for name, data in parts.items():
            file = f"{language}/{name}.json"
            entries[name] = {
                "file": file,
                "sha256": _write(target / file, data),
                "sources": _hashes(root, sources[name]),
            }
        by_language[language] = entries
    manifest = {"format": FORMAT, "code": _hashes(package.parent, code_files(package)), "languages": by_language}
    _write(manifest_path, manifest)
    return manifest
