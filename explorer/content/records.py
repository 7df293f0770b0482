"""What every content record shares: the content as a run reads it, light and read-only.

The content has two faces. A *model* (explorer/content/models/, pydantic) checks a TOML file; it
runs when the package is built, when `make` refreshes the snapshot in a checkout, and when the
content on disk is not the one the snapshot was made from. A *record* (this module's `Record`,
subclassed in documents.py, notes.py, questions.py, rules.py, matters.py, glossary.py) is what
every run reads: plain attributes in __slots__, made from the snapshot's JSON with no validation
and no class to build at start-up. The snapshot holds only what the models accepted, so a record
never needs to check anything.

Adding a content type: a model (models/) that checks the TOML and whose `model_dump(mode="json")`
is the type's data; a record here that takes that data back (`from_data`); and its place in the
snapshot (content/snapshot.py: which part holds it, which files it comes from). See
docs/how-it-works.md, "Where the content is found".

Records answer what the rest of the program reads of pydantic models on content: their fields by
attribute, `dict(record)` (iterating gives (name, value) pairs), `model_dump` and `model_copy` (tests
that plant a defect), so they drop in where the models were, attributes read by pydantic's
from_attributes included.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


def _plain(value: Any, json: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode="json" if json else "python")
    if isinstance(value, (tuple, list)):
        items = [_plain(item, json) for item in value]
        return items if json else tuple(items)
    if isinstance(value, dict):
        return {key: _plain(item, json) for key, item in value.items()}
    if json and isinstance(value, datetime.date):
        return value.isoformat()
    return value


class Record:
    """A read-only bundle of named values; equal when of the same kind with the same values."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()  # every slot, the base class's first (as pydantic orders fields)

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        own = cls.__dict__.get("__slots__", ())
        cls._fields = (*cls._fields, *own)

    def __init__(self, **values: Any) -> None:
        if len(values) != len(self._fields):
            unknown = set(values) - set(self._fields) or set(self._fields) - set(values)
            raise TypeError(f"{type(self).__name__}: unknown or missing field {sorted(unknown)[0]!r}")
        for name in self._fields:
            object.__setattr__(self, name, values[name])

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({inside})"

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """(name, value) for each field, as pydantic models give them: dict(record) is its fields."""
        return ((name, getattr(self, name)) for name in self._fields)

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """The fields as plain data; with mode="json", as JSON has them (lists, ISO dates)."""
        return {name: _plain(getattr(self, name), mode == "json") for name in self._fields}

    def model_copy(self: R, update: dict[str, Any] | None = None) -> R:
        """A copy with some fields replaced (unchecked, as pydantic's model_copy)."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(update or {})
        return type(self)(**values)
