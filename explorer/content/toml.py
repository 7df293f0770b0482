"""Reading the content's TOML files: each problem becomes a CatalogError naming the file and,
where there is one, the entry. The one TOML library of the content loaders; every file is read
within the limits of content/limits.py (size and shape before parsing, depth after)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from explorer.content.limits import check_depth, check_shape, read_limited
from explorer.errors import CatalogError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


M = TypeVar("M", bound=BaseModel)


def squash(text: str) -> str:
    """Whitespace-insensitive form, for the verbatim checks."""
    return " ".join(text.split())


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """`raw` (the bytes of `path`) parsed, once its shape is within the limits."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CatalogError(path, f"cannot be read: {error}") from None
    check_shape(path, text)
    try:
        data: dict[str, Any] = tomllib.loads(text)  # typed here: tomli (Python 3.10) has no types
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(path, f"cannot be parsed: {error}") from None
    except RecursionError:
        raise CatalogError(path, "cannot be parsed: values nested too deeply") from None
    check_depth(path, data)
    return data


def read_toml(path: Path) -> dict[str, Any]:
    return parse_toml(path, read_limited(path))


def tables(path: Path, raw: Any, table: str) -> list[dict[str, Any]]:
    """`raw` as the array of tables `[[table]]` must be; anything else is named, not crashed on."""
    if not isinstance(raw, list):
        raise CatalogError(path, f"[[{table}]] must be an array of tables")
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise CatalogError(path, f"must be a table ([[{table}]]), not {type(item).__name__}", f"{table} #{number}")
    return raw


def first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def read_entries(path: Path, table: str, model: type[M]) -> list[M]:
    raw = tables(path, read_toml(path).get(table, []), table)
    entries = []
    for number, item in enumerate(raw, start=1):
        named = [item.get(key) for key in ("id", "key", "file")]
        name = f"{table} {next((n for n in named if isinstance(n, str) and n), f'#{number}')}"
        try:
            entries.append(model.model_validate(item))
        except ValidationError as error:
            raise CatalogError(path, first_problem(error), name) from None
    return entries
