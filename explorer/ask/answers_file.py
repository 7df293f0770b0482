"""Reads answers for scripted runs (`--answers FILE`, `-` for standard input) into Answers.

Every way the input can be wrong becomes an InputError with one line that names the problem.
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from pydantic import ValidationError

from explorer.content.answers import FILE_KEYS, PRIORITY_KEYS, RATINGS, Answers
from explorer.errors import InputError
from explorer.i18n import _, reason

MAX_BYTES = 1024 * 1024
EXAMPLE = '{"setting": "doctor_office", "dosing": "monthly", "interests": ["overdose"]}'


def _short(value: Any, limit: int = 40) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError(_("the key {key} appears more than once").format(key=_short(key)))
        result[key] = value
    return result


def _whole_number(digits: str) -> int:
    # Python refuses to convert more than 4300 digits (a ValueError that json.loads lets through).
    if len(digits.lstrip("-")) > 100:
        raise InputError(_("a number with {count} digits cannot be an answer").format(count=len(digits.lstrip("-"))))
    return int(digits)


def _unknown(key: str, data: dict[str, Any], allowed: tuple[str, ...]) -> str:
    # A key pydantic cannot read as text at all (a lone surrogate, "\ud800") comes with no name.
    return key if key in data else next((k for k in data if k not in allowed), key)


def _explain_matters(first: Any, given: Any) -> str:
    """The optional step's answers: an object of priorities, each rated."""
    ratings, priorities = ", ".join(RATINGS), ", ".join(PRIORITY_KEYS)
    if not isinstance(given, dict):
        return _('"matters" must be an object rating any of: {keys} (got {given})').format(
            keys=priorities, given=_short(given)
        )
    key = str(first["loc"][1]) if len(first["loc"]) > 1 else ""
    if first["type"] == "extra_forbidden" or key not in PRIORITY_KEYS:
        unknown = _unknown(key, given, PRIORITY_KEYS)
        return _('unknown key {key} in "matters" (allowed keys: {keys})').format(key=_short(unknown), keys=priorities)
    return _('"matters.{key}" must be one of: {values} (got {given})').format(
        key=key, values=ratings, given=_short(given.get(key))
    )


def _explain(error: ValidationError, data: dict[str, Any]) -> str:
    first = error.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else ""
    if key == "matters" and key in data and (len(first["loc"]) > 1 or first["type"] != "extra_forbidden"):
        return _explain_matters(first, data[key])
    if first["type"] == "extra_forbidden" or key not in FILE_KEYS:
        return _("unknown key {key} (allowed keys: {keys})").format(
            key=_short(_unknown(key, data, FILE_KEYS)), keys=", ".join(FILE_KEYS)
        )
    allowed = ", ".join(Answers.allowed_values(key))
    if key == "interests":
        return _('"interests" must be a list of any of: {values} (got {given})').format(
            values=allowed, given=_short(data.get(key))
        )
    return _("{key} must be one of: {values} (got {given})").format(
        key=_short(key), values=allowed, given=_short(data.get(key))
    )


MAX_DEPTH = 4  # an answers file is an object of strings and one list of strings: depth 2
MAX_ITEMS = 100  # far more than there are interests or priorities; checked before pydantic sees them
# A string, closed or not: one never closed runs to the end of the text. Each match always
# succeeds where it starts, so the text is read once, whatever its quotes and backslashes (a
# pattern that needed the closing quote would go back to every quote of an open string: hours
# for a file under 1 MiB of escaped quotes).
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
JSON_WHITESPACE = " \t\n\r"  # the only spaces JSON allows between its tokens


def _depth(text: str) -> int:
    """How deeply the JSON nests, counted before parsing (strings skipped, brackets in them are
    text); any depth and any string cost one pass."""
    deepest = depth = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _bounded(data: dict[str, Any], name: str) -> None:
    """A long list (or object) would cost pydantic seconds and a gigabyte to refuse item by item."""
    for key, value in data.items():
        if isinstance(value, (list, dict)) and len(value) > MAX_ITEMS:
            raise InputError(
                _("{name}: {key} has {count} items; an answer lists at most {most}").format(
                    name=name, key=_short(key), count=len(value), most=MAX_ITEMS
                )
            )


def parse_answers(raw: bytes, name: str) -> Answers:
    if len(raw) > MAX_BYTES:
        raise InputError(
            _("{name} is larger than 1 MiB; an answers file is a few lines of JSON, like {example}").format(
                name=name, example=EXAMPLE
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(_("{name} is not UTF-8 text").format(name=name)) from None
    if not text.strip(JSON_WHITESPACE):  # other spaces (U+3000, a no-break space) are not JSON
        raise InputError(_("{name} is empty; expected a JSON object like {example}").format(name=name, example=EXAMPLE))
    if _depth(text) > MAX_DEPTH:
        raise InputError(_("{name} is nested too deeply to be an answers file").format(name=name))
    try:
        data = json.loads(text, object_pairs_hook=_no_repeated_keys, parse_int=_whole_number)
    except InputError as error:
        raise InputError(f"{name}: {error}") from None
    except json.JSONDecodeError as error:
        raise InputError(
            _("{name} is not valid JSON (line {line}, column {column}: {problem})").format(
                name=name, line=error.lineno, column=error.colno, problem=error.msg
            )
        ) from None
    except RecursionError:
        raise InputError(_("{name} is nested too deeply to be an answers file").format(name=name)) from None
    if not isinstance(data, dict):
        raise InputError(_("{name} must hold a JSON object like {example}").format(name=name, example=EXAMPLE))
    _bounded(data, name)
    try:
        return Answers.model_validate(data)
    except ValidationError as error:
        raise InputError(f"{name}: {_explain(error, data)}") from None


def read_answers(path: str, stdin: IO[bytes] | None) -> Answers:
    """Reads at most 1 MiB (plus one byte, to tell that there is more) and parses it; `stdin` is
    None where standard input is closed."""
    name = _("standard input") if path == "-" else path
    try:
        if path == "-":
            if stdin is None:
                raise InputError(_("standard input is closed; pipe the answers in, or give --answers FILE"))
            raw = stdin.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(_("{name}: no such file").format(name=name)) from None
    except IsADirectoryError:
        raise InputError(_("{name} is a directory, not an answers file").format(name=name)) from None
    except OSError as error:
        raise InputError(_("{name} cannot be read: {reason}").format(name=name, reason=reason(error))) from None
    return parse_answers(raw, name)
