"""Reading the content's TOML files: each problem becomes a CatalogError naming the file and,
where there is one, the entry. The one TOML library of the content loaders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from explorer.errors import CatalogError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


M = TypeVar("M", bound=BaseModel)


def squash(text: str) -> str:
    """Whitespace-insensitive form, for the verbatim checks."""
    return " ".join(text.split())


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)  # typed here: tomli (Python 3.10) has no types
            return data
    except FileNotFoundError:
        raise CatalogError(path, "file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(path, f"cannot be parsed: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(path, f"cannot be read: {error}") from None
    except RecursionError:
        raise CatalogError(path, "cannot be parsed: values nested too deeply") from None


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
        name = f"{table} {item.get('id') or item.get('key') or item.get('file') or f'#{number}'}"
        try:
            entries.append(model.model_validate(item))
        except ValidationError as error:
            raise CatalogError(path, first_problem(error), name) from None
    return entries
