"""The messages the code says, found in its source: every `_("...")`, `N_("...")` and
`ngettext("...", "...", n)` with literal strings, and every `_("...")` of the summary's
templates. scripts/update_messages.py writes them into the .po for the translator; the parity
tests check that each has its translation. Tooling for the checkout: never imported by a run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import NamedTuple

MARKERS = ("_", "N_")
TEMPLATE_MESSAGE = re.compile(r'\b_\("((?:[^"\\]|\\.)*)"\)')
TEMPLATE_PLURAL = re.compile(r'\bngettext\("((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"')
PLURAL = "ngettext"


class Message(NamedTuple):
    msgid: str
    plural: str
    where: str  # path:line of its first use


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def messages_in(path: Path, root: Path) -> list[Message]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name) or not node.args:
            continue
        where = f"{path.relative_to(root).as_posix()}:{node.lineno}"
        first = _literal(node.args[0])
        if node.func.id in MARKERS and first is not None:
            found.append(Message(first, "", where))
        elif node.func.id == PLURAL and len(node.args) >= 2 and first is not None:
            second = _literal(node.args[1])
            if second is not None:
                found.append(Message(first, second, where))
    return sorted(found, key=lambda message: int(message.where.rsplit(":", 1)[1]))


def messages_in_template(path: Path, root: Path) -> list[Message]:
    found = []
    for line, row in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.relative_to(root).as_posix()}:{line}"
        found += [Message(ast.literal_eval(f'"{m.group(1)}"'), "", where) for m in TEMPLATE_MESSAGE.finditer(row)]
        found += [
            Message(ast.literal_eval(f'"{m.group(1)}"'), ast.literal_eval(f'"{m.group(2)}"'), where)
            for m in TEMPLATE_PLURAL.finditer(row)
        ]
    return found


def messages(root: Path) -> list[Message]:
    """Every message of explorer/ under `root`, once each (its first use), in file order."""
    seen: dict[str, Message] = {}
    for path in sorted((root / "explorer").rglob("*.py")):
        for message in messages_in(path, root):
            seen.setdefault(message.msgid, message)
    for path in sorted((root / "explorer").rglob("*.j2")):
        for message in messages_in_template(path, root):
            seen.setdefault(message.msgid, message)
    return list(seen.values())
