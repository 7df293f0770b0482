"""Brings explorer/locale/es/LC_MESSAGES/explorer.po up to date with the code: every message the
code says (explorer/i18n/extract.py) gets an entry, its translation kept where it had one; a new
message gets an empty one (shown in English until translated; the parity test fails on it);
entries the code no longer says are dropped. Then compiles the .mo. Run it after changing the
explorer's words in code, then translate the new entries."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.i18n.extract import messages  # noqa: E402
from explorer.i18n.messages import catalog_paths  # noqa: E402
from explorer.i18n.po import compile_po, read_po  # noqa: E402

HEADER = (
    "Spanish (US) translation of the Treatment Options Explorer's own words.\n"
    "Plain Spanish, understood across countries of origin; the fixed terms as in the glossary\n"
    "(metadona, buprenorfina, naltrexona, naloxona, sobredosis, ...). Numbers, phone numbers,\n"
    "web addresses and {placeholders} stay exactly as in the English (a test checks it)."
)
META = (
    "Project-Id-Version: treatment-options-explorer\n"
    "Language: es\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"
)


def po_string(text: str) -> str:
    """A .po string, split after each newline so that a translator reads it line by line."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    parts = escaped.split("\n")
    pieces = [part + "\\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    if len(pieces) <= 1:
        return f'"{pieces[0] if pieces else ""}"'
    return '""\n' + "\n".join(f'"{piece}"' for piece in pieces)


def main() -> None:
    po, mo = catalog_paths("es", ROOT / "explorer" / "locale")
    old = {entry.msgid: entry for entry in read_po(po)} if po.exists() else {}
    blocks = ["\n".join(f"# {line}" for line in HEADER.splitlines()) + f'\nmsgid ""\nmsgstr {po_string(META)}']
    for message in messages(ROOT):
        known = old.get(message.msgid)
        lines = [f"#: {message.where}"]
        if known is not None and known.fuzzy:
            lines.append("#, fuzzy")
        lines.append(f"msgid {po_string(message.msgid)}")
        if message.plural:
            plurals = known.plurals if known is not None and known.plurals else ("", "")
            lines.append(f"msgid_plural {po_string(message.plural)}")
            lines += [f"msgstr[{index}] {po_string(form)}" for index, form in enumerate(plurals)]
        else:
            lines.append(f"msgstr {po_string(known.msgstr if known is not None else '')}")
        blocks.append("\n".join(lines))
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    compile_po(po, mo)
    untranslated = [
        m.msgid for m in messages(ROOT) if not (old.get(m.msgid) and (old[m.msgid].msgstr or any(old[m.msgid].plurals)))
    ]
    print(f"{po.relative_to(ROOT)}: {len(blocks) - 1} messages, {len(untranslated)} without a translation")


if __name__ == "__main__":
    main()
