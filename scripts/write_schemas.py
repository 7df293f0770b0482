"""Writes docs/schema/: each published JSON Schema as `treatment-explorer schema NAME` prints it,
and docs/schema/format-versions.json, the shape of each format version. Refuses to record a changed
shape under a format version already published (see tests/helpers/format_versions.py). Run it with
`make schemas`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import format_versions  # noqa: E402


def main() -> int:
    shapes = format_versions.fingerprints(format_versions.current_schemas())
    history = format_versions.recorded()
    version = format_versions.FORMAT_VERSION
    changed = [n for n in shapes if version in history and history[version].get(n) != shapes[n]]
    if changed:
        print(f"write_schemas: the shape of {', '.join(changed)} changed under format version {version}:")
        print(f"  {format_versions.BUMP}")
        return 1
    format_versions.SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in format_versions.written_files().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
