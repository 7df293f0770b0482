"""The content's snapshot: the shipped content, checked once and saved as JSON, so that a run
reads it at C speed into records (content/records.py) instead of parsing and checking the TOML.

Where it is made: `explorer/snapshot/` (content/resources.py), by content/build_snapshot.py, when
the wheel is built (setup.py) and by `make` in a checkout; never at run time, and never anywhere
else (nothing is written in the home folder). It is only what the models accepted.

Its format (FORMAT): `manifest.json` records, for each language, each part's JSON file with its
sha256 and the sha256 of every file the part was made from; and the sha256 of the code that checked
it (explorer/content/). The parts of a language:
- "catalog": documents, sections, questions, notes, the rule book (what every run needs);
- "matters", "glossary": read only when asked (Catalog.matters, Catalog.glossary);
- "comparison": read only by `compare` and a saved summary;
- "figures": the outcome figures (data/figures.toml), read where they are shown.
Another language adds its own entry; a run reads only its language's.

Never stale: a part is used only when the content folder is the shipped one (not one named by
TREATMENT_EXPLORER_CONTENT or passed by a caller), the code is the one that checked it, the part
itself and every file it came from have the recorded sha256 (each read within content/limits.py's bounds). The
catalog is used only when its part and the "matters" and "glossary" parts all are, since a full
check checks them together. Otherwise the caller checks the TOML (content/checking.py), with the
same one-line errors as ever.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from explorer.content.limits import read_limited
from explorer.content.resources import code_root, shipped_root, snapshot_folder
from explorer.errors import CatalogError

FORMAT = 1
MANIFEST = "manifest.json"
DEFAULT_LANGUAGE = "en"
WITH_CATALOG = ("catalog", "matters", "glossary")  # checked together, so fresh together


def digest(path: Path) -> str | None:
    """The sha256 of a file read within the content limits; None if it cannot be read so."""
    try:
        return hashlib.sha256(read_limited(path)).hexdigest()
    except CatalogError:
        return None


def _unchanged(base: Path, hashes: dict[str, str]) -> bool:
    return all(digest(base / name) == expected for name, expected in hashes.items())


class Snapshot:
    """One language's parts of a snapshot whose catalog is fresh."""

    def __init__(self, folder: Path, root: Path, parts: dict[str, Any], raw: dict[str, bytes]) -> None:
        self.folder, self.root, self.parts = folder, root, parts
        self._raw = raw  # the parts read with the catalog, checked, not yet parsed

    def part(self, name: str) -> Any:
        """A part's data (one of WITH_CATALOG: fresh with the catalog)."""
        return json.loads(self._raw[name])

    def fresh_part(self, name: str) -> Any | None:
        """A part checked apart from the catalog (the comparison): its data if its files are
        unchanged, else None."""
        entry = self.parts.get(name)
        if entry is None or not _unchanged(self.root, entry["sources"]):
            return None
        raw = _part_bytes(self.folder, entry)
        return None if raw is None else json.loads(raw)


def _part_bytes(folder: Path, entry: dict[str, Any]) -> bytes | None:
    """A part's file, if it is the one the manifest records."""
    try:
        raw = (folder / entry["file"]).read_bytes()
    except OSError:
        return None
    return raw if hashlib.sha256(raw).hexdigest() == entry["sha256"] else None


def fresh_snapshot(root: Path, language: str = DEFAULT_LANGUAGE) -> Snapshot | None:
    """The snapshot of `root` in `language`, if it is the shipped content and nothing it was made
    from has changed; None otherwise (then the TOML is checked)."""
    if root != shipped_root():
        return None
    folder = snapshot_folder()
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())
        if manifest["format"] != FORMAT:
            return None
        parts = manifest["languages"][language]
        if not _unchanged(code_root(), manifest["code"]):
            return None
        if not all(_unchanged(root, parts[name]["sources"]) for name in WITH_CATALOG):
            return None
        raw = {name: _part_bytes(folder, parts[name]) for name in WITH_CATALOG}
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return None  # none made yet (a fresh checkout before `make`), another language, or damaged
    if any(data is None for data in raw.values()):
        return None
    return Snapshot(folder, root, parts, {name: data for name, data in raw.items() if data is not None})
