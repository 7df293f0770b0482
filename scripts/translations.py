"""The translator's tool for the content's translations (data/<language>/*.toml, see
explorer/content/translation.py).

    scripts/translations.py missing es     every field with no current translation: its key, the
                                           file it belongs in, and the English to translate
    scripts/translations.py stamp es       ties each new translation (a table with `es` and no
                                           `en` yet) to the English it translates now

A translator writes `["key"]` and `es = "..."`, then stamps. A stale translation (its English
changed) is not stamped again: re-translate it, delete its `en` line, and stamp."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.content.toml import read_toml  # noqa: E402
from explorer.content.translation import file_for, fingerprint  # noqa: E402
from explorer.content.translation_status import english_fields, untranslated  # noqa: E402

HEADER = re.compile(r'^\["(?P<key>[^"]+)"\]\s*$')


def missing(root: Path, language: str) -> int:
    texts = english_fields(root)
    found = untranslated(root, language)
    for key, state in found.items():
        print(f'{state} data/{language}/{file_for(key)} ["{key}"]\n  {texts[key]}\n')
    print(f"{len(found)} without a current translation", file=sys.stderr)
    return 1 if found else 0


def stamp(root: Path, language: str) -> int:
    texts = english_fields(root)
    for path in sorted((root / "data" / language).glob("*.toml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        raw = read_toml(path)
        out: list[str] = []
        for line in lines:
            out.append(line)
            header = HEADER.match(line)
            if header and "en" not in raw.get(header["key"], {}):
                if header["key"] not in texts:
                    print(f"{path.name}: no English field {header['key']!r}", file=sys.stderr)
                    continue
                out.append(f'en = "{fingerprint(texts[header["key"]])}"')
        path.write_text("\n".join(out), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/translations.py", description=__doc__)
    parser.add_argument("command", choices=("missing", "stamp"))
    parser.add_argument("language")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    return missing(args.root, args.language) if args.command == "missing" else stamp(args.root, args.language)


if __name__ == "__main__":
    sys.exit(main())
