"""What a content file may cost to read: its size and shape are checked before tomllib parses it,
and its depth after, so that no content file, damaged or hostile, costs more than about a second
and some tens of megabytes; each refusal is a CatalogError naming the file and where in it.

The limits and what they rest on (measured with Python 3.11's tomllib on this project's machine;
docs/how-it-works.md, "Content limits"):
- MAX_FILE_BYTES: a content file, or a source document, is read up to this many bytes and refused
  beyond, unread; a device, a pipe or a folder is refused before it is read (a symlink to
  /dev/zero would otherwise grow without end). The largest file today, data/sections.toml, is
  44 KB; ten copies of it are 450 KB. The costliest 512 KiB TOML found (a table header on every
  line) parses in 0.7 s and 64 MB.
- MAX_DOTS_PER_LINE, MAX_DOTS: tomllib's time grows with the square of the parts of one dotted key
  (`id.a.a.a…`: one key of 64 KB took 19 s and 4 GB), and each part costs a table.
  A key lies on one line, so a line with at most 64 dots holds keys of at most 65 parts; a file
  with at most 16,384 dots makes at most as many tables from them. The content's own lines have at
  most 7 dots, its files at most 410 (the prose's full stops).
- MAX_DEPTH: no value nested deeper than this (the content's own go 5 deep); deeper values are
  refused before anything builds a message out of them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from explorer.errors import CatalogError

MAX_FILE_BYTES = 512 * 1024
MAX_DOTS_PER_LINE = 64
MAX_DOTS = 16_384
MAX_DEPTH = 16


def read_limited(path: Path, what: str = "", limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a CatalogError naming the file
    otherwise (missing, unreadable, not a regular file, too large). `what` starts the messages
    ("source document"; nothing for a content file)."""
    lead = f"{what} " if what else ""
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise CatalogError(path, f"{lead or 'file '}is missing") from None
    except OSError as error:
        raise CatalogError(path, f"{lead}cannot be read: {error}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise CatalogError(path, f"{lead}cannot be read: not a regular file (a device, a pipe or a folder)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise CatalogError(path, f"{lead}cannot be read: {error}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise CatalogError(path, f"{lead}is larger than {limit:,} bytes: refused unread")
    return b"".join(chunks)


def check_shape(path: Path, text: str) -> None:
    """Refuses, before it is parsed, a text whose dotted keys could cost tomllib too much."""
    total = text.count(".")
    if total <= MAX_DOTS_PER_LINE:
        return
    if total > MAX_DOTS:
        raise CatalogError(path, f"has {total:,} dots (.): at most {MAX_DOTS:,} in a content file")
    for number, line in enumerate(text.split("\n"), start=1):
        dots = line.count(".")
        if dots > MAX_DOTS_PER_LINE:
            raise CatalogError(
                path,
                f"has {dots:,} dots (.) on one line: at most {MAX_DOTS_PER_LINE} (keys of so many parts)",
                f"line {number}",
            )


def _entry_of(data: dict[str, Any], top: str, index: int | None) -> str:
    """How a refusal names the entry at `data[top][index]` (or the top-level key `top`)."""
    if index is None:
        return top
    item = data[top][index]
    for key in ("id", "key", "file"):
        name = item.get(key) if isinstance(item, dict) else None
        if isinstance(name, str) and len(name) <= 80:
            return f"{top} {name}"
    return f"{top} #{index + 1}"


def check_depth(path: Path, data: dict[str, Any]) -> None:
    """Refuses a value nested deeper than MAX_DEPTH, naming the entry that holds it. Walks without
    recursion: the value itself may be too deep for Python's."""
    for top, value in data.items():
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            stack: list[tuple[Any, int]] = [(item, 2 if index is not None else 1)]
            while stack:
                current, depth = stack.pop()
                if depth > MAX_DEPTH:
                    raise CatalogError(path, f"values nested more than {MAX_DEPTH} deep", _entry_of(data, top, index))
                if isinstance(current, dict):
                    stack.extend((child, depth + 1) for child in current.values())
                elif isinstance(current, list):
                    stack.extend((child, depth + 1) for child in current)
