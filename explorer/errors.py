"""The explorer's exit statuses and its one root exception, in a module that imports nothing
heavy: the command line needs them before it knows whether the run needs pydantic or durable.

Each kind of failure knows its exit status and how it is told in one line; `cli.main` is the
only place that turns them into an exit.
"""

from __future__ import annotations

import enum
from pathlib import Path

from explorer.i18n import N_, _


class ExitStatus(enum.IntEnum):
    """The documented exit codes (docs/scripting.md, "Exit codes")."""

    SUCCESS = 0
    ERROR = 1  # damaged content, or a failure inside the explorer
    USAGE = 2  # bad input or usage: the person can fix it
    INTERRUPTED = 130  # Ctrl-C, end of input, a closed terminal or a kill


class ExplorerError(Exception):
    """The root of the explorer's own failures; a kind sets `status` and may set `lead`."""

    status = ExitStatus.ERROR
    lead = ""  # said before the message, after "treatment-explorer: "

    def describe(self) -> str:
        return f"{_(self.lead) if self.lead else ''}{self}"


class InputError(ExplorerError):
    """Input the user can fix; reported in one line."""

    status = ExitStatus.USAGE


class CatalogError(ExplorerError):
    """The content on disk is not servable. Names the file and, where there is one, the entry."""

    lead = N_("the content files are damaged, so nothing can be shown: ")

    def __init__(self, path: Path, message: str, entry: str | None = None):
        self.path, self.entry, self.message = path, entry, message
        where = f"{path}" + (f": {entry}" if entry else "")
        super().__init__(f"{where}: {message}")


class EngineError(ExplorerError):
    """A rule's action failed inside durable-rules (durable stores it in the session state)."""
