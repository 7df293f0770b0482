"""Every complete output ends here: `finish` adds the referral, in the output's own format, for
every command. The referral block is rendered in this module and only here.

A command returns an `Output` (what it shows, without the referral); the command line finishes
it. Light on purpose: the closing referral after a failure must not import pydantic.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from explorer.formats import Format
from explorer.referral import referral_lines, referral_text, referral_title
from explorer.render.markdown import escape
from explorer.render.text import rule, wrap

Body = str | list[str] | dict[str, Any]


class Output(NamedTuple):  # not a dataclass: importing dataclasses costs --help about 8 ms
    """What a command shows, before the referral: text (a str ending in a newline), Markdown
    (a list of lines) or JSON (a dict)."""

    format: Format
    body: Body


def referral(width: int, plain: bool = False) -> str:
    """The referral block: set apart by a rule line, or with `plain` (screen readers) by a blank
    line only."""
    body = "\n".join(wrap(line, width, "  ") if line else "" for line in referral_lines())
    apart = "" if plain else f"{rule(width)}\n"
    return f"{apart}{referral_title().upper()}\n{body}\n"


def referral_markdown() -> list[str]:
    lines = referral_lines()
    return [f"## {referral_title()}", "", *(escape(line.strip()) + "  " if line else "" for line in lines)]


def referral_json() -> dict[str, str]:
    return {"text": referral_text()}


def finish(output: Output, width: int, ascii_only: bool = False, plain: bool = False) -> str:
    """The output with the referral last: the last block of text and Markdown, the last key of JSON.
    `ascii_only` (a stream that may not encode every character): JSON escapes the rest as \\uXXXX,
    which stays the same JSON, where a look-alike would change it."""
    if output.format == Format.JSON:
        assert isinstance(output.body, dict)
        body = {**output.body, "referral": referral_json()}
        return json.dumps(body, indent=2, ensure_ascii=ascii_only) + "\n"
    if output.format == Format.MARKDOWN:
        assert isinstance(output.body, list)
        return "\n".join([*output.body, *referral_markdown()]).rstrip() + "\n"
    assert isinstance(output.body, str)
    return output.body + referral(width, plain)
