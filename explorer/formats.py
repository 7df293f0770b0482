"""The output formats, named once. Light on purpose: the command line's --help lists them."""

from __future__ import annotations

import enum
from pathlib import Path


class Format(str, enum.Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    HTML = "html"  # the saved summary only

    def __str__(self) -> str:  # "json", not "Format.JSON", wherever a format is printed
        return self.value


# What --format offers (the listings and the result); a saved summary is HTML or Markdown.
SHOWN = (Format.TEXT, Format.MARKDOWN, Format.JSON)
SAVED_BY_EXTENSION = {".html": Format.HTML, ".htm": Format.HTML, ".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN}


def saved_format(path: str | Path) -> Format | None:
    """The saved summary's format from the file's extension; None for any other."""
    return SAVED_BY_EXTENSION.get(Path(path).suffix.lower())
