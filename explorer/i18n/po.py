"""The catalog's two files: the .po a translator reads and edits (msgid, the English; msgstr, its
Spanish), and the .mo gettext reads at run time, compiled from it by the build (setup.py), by
`make` and by scripts/compile_messages.py. Standard library only, as GNU msgfmt would compile it:
an entry marked fuzzy, or without a translation, is left out (the English is shown).
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path
from typing import NamedTuple


class Entry(NamedTuple):
    """One message: its English, its translation ("" while untranslated), the plural forms
    (msgid_plural and msgstr[n]) where it has them, and whether it is marked fuzzy."""

    msgid: str
    msgstr: str
    plural: str = ""
    plurals: tuple[str, ...] = ()
    fuzzy: bool = False


def _string(line: str) -> str:
    """A .po string ("...", C escapes) as its text."""
    text: str = ast.literal_eval(line.strip())
    return text


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, the header (msgid "") included; obsolete ones (#~) left out."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    current = ""
    fuzzy = False

    def complete() -> bool:
        return any(key.startswith("msgstr") for key in fields)

    def close() -> None:
        nonlocal fields, fuzzy
        plurals = tuple(fields[key] for key in sorted(k for k in fields if k.startswith("msgstr[")))
        entries.append(Entry(fields["msgid"], fields.get("msgstr", ""), fields.get("msgid_plural", ""), plurals, fuzzy))
        fields, fuzzy = {}, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            continue
        if not line or line.startswith("#"):
            if complete():
                close()
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        if line.startswith('"'):
            fields[current] += _string(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgctxt") and complete():
            close()
        current = keyword
        fields[current] = _string(rest)
    if complete():
        close()
    return entries


def translations(entries: list[Entry]) -> dict[str, str]:
    """What a .mo holds: the header, and every translated message not marked fuzzy. A plural's
    key and value join its forms with NUL, as gettext expects."""
    table: dict[str, str] = {}
    for entry in entries:
        if entry.fuzzy and entry.msgid:
            continue
        if entry.plural:
            if all(entry.plurals):
                table[entry.msgid + "\0" + entry.plural] = "\0".join(entry.plurals)
        elif entry.msgstr:
            table[entry.msgid] = entry.msgstr
    return table


def mo_bytes(table: dict[str, str]) -> bytes:
    """The GNU .mo format (little-endian, no hash table): what gettext.GNUTranslations reads."""
    keys = sorted(table)
    ids = [key.encode("utf-8") for key in keys]
    strs = [table[key].encode("utf-8") for key in keys]
    count = len(keys)
    ids_start = 7 * 4 + 16 * count  # the header, then both offset tables
    offsets, data = [], b""
    for text in ids:
        offsets.append((len(text), ids_start + len(data)))
        data += text + b"\0"
    strs_start = ids_start + len(data)
    str_offsets, str_data = [], b""
    for text in strs:
        str_offsets.append((len(text), strs_start + len(str_data)))
        str_data += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    table_ids = b"".join(struct.pack("<2I", *pair) for pair in offsets)
    table_strs = b"".join(struct.pack("<2I", *pair) for pair in str_offsets)
    return header + table_ids + table_strs + data + str_data


def compile_po(po: Path, mo: Path) -> None:
    """Writes `mo` from `po` (whole, or not at all)."""
    mo.parent.mkdir(parents=True, exist_ok=True)
    partial = mo.with_name(mo.name + ".partial")
    partial.write_bytes(mo_bytes(translations(read_po(po))))
    partial.replace(mo)
