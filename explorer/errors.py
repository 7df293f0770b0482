"""The explorer's own exceptions, in a module that imports nothing heavy: the command line needs
them for its error handler before it knows whether the run needs pydantic or durable at all."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Input the user can fix; reported in one line, exit code 2."""


class CatalogError(Exception):
    """The content on disk is not servable. Names the file and, where there is one, the entry."""

    def __init__(self, path: Path, message: str, entry: str | None = None):
        self.path, self.entry, self.message = path, entry, message
        where = f"{path}" + (f": {entry}" if entry else "")
        super().__init__(f"{where}: {message}")


class EngineError(RuntimeError):
    """A rule's action failed inside durable-rules (durable stores it in the session state)."""
