"""The README and docs/*.md as a newcomer reads them: the relative links they hold (files and
#anchors) and the commands they show, found so that a test can follow every link and run every
command. Any page added to docs/ is read too."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from .content import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
MAKEFILE = PROJECT_ROOT / "Makefile"


def pages(root: Path = PROJECT_ROOT) -> list[Path]:
    """The README, then every Markdown page of docs/."""
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


FENCE = re.compile(r"^(```+|~~~+)\s*([\w-]*)[^\n]*\n(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
# [text](target) and ![alt](target), a title in quotes allowed after the target.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
HTML_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # https:, mailto:, tel:


def prose(text: str) -> str:
    """The text without its code blocks and code spans, where a [link](x) is only an example."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, a link's text kept, punctuation dropped, spaces
    made hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every #anchor a link may name in `page`: its headings (a repeated one gets -1, -2, ...) and
    its HTML anchors."""
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    found: set[str] = set(HTML_ANCHOR.findall(text))
    seen: dict[str, int] = {}
    for heading in HEADING.findall(text):
        base = slug(heading)
        found.add(f"{base}-{seen[base]}" if base in seen else base)
        seen[base] = seen.get(base, 0) + 1
    return found


def link_problems(page: Path, root: Path = PROJECT_ROOT) -> list[str]:
    """Each relative link of `page` that leads nowhere: a missing file, a missing #anchor, or a
    place outside the checkout (a clone would not have it)."""
    problems = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if EXTERNAL.match(target):
            continue
        path_part, _, anchor = target.partition("#")
        file = (page.parent / path_part).resolve() if path_part else page
        where = f"{page.relative_to(root)}: ({target})"
        if not file.is_relative_to(root.resolve()):
            problems.append(f"{where} leads outside the checkout")
        elif not file.exists():
            problems.append(f"{where}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            problems.append(f"{where}: no heading with the anchor #{anchor} in {file.name}")
    return problems


# ---- the commands shown ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A command as a page shows it, and the first line it shows after it (a transcript's "$ "
    line followed by output), or ""."""

    where: str
    command: str
    output: str = ""


SHELL_BLOCKS = {"sh", "shell", "bash", "console"}
ANY_BLOCK = SHELL_BLOCKS | {"text", ""}
OURS = re.compile(r"^(?:\.venv/bin/)?treatment-explorer\b|^(?:\S*/)?python3? -m explorer\b")
SPAN_COMMAND = re.compile(r"^(?:treatment-explorer|python3? -m explorer|make)(?:\s|$)")
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]{1,}\b(?!=)|…|\.\.\.|\w\|\w")  # ID, NAME, FILE; a|b


def _logical_lines(block: str) -> list[tuple[int, str]]:
    """The block's lines with backslash continuations joined, each with its line number in it."""
    joined: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, line in enumerate(block.splitlines()):
        if pending is not None:
            line = pending[1] + " " + line.strip()
            number = pending[0]
        if line.endswith("\\"):
            pending = (number, line[:-1].rstrip())
            continue
        pending = None
        joined.append((number, line))
    return joined


def shown_commands(page: Path, root: Path = PROJECT_ROOT) -> list[Shown]:
    """Every command `page` shows: each line of a shell block, each "$ " line of a transcript, and
    each code span of the prose that is a whole `treatment-explorer`, `python -m explorer` or
    `make` command (a span with a placeholder such as ID or NAME is a pattern, not a command)."""
    text = page.read_text(encoding="utf-8")
    name = str(page.relative_to(root))
    found: list[Shown] = []
    for block in FENCE.finditer(text):
        lang, body = block.group(2).lower(), block.group(3)
        if lang not in ANY_BLOCK:
            continue
        first_line = text.count("\n", 0, block.start(3)) + 1
        lines = _logical_lines(body)
        for index, (number, line) in enumerate(lines):
            where = f"{name}:{first_line + number}"
            if line.startswith("$ "):
                after = lines[index + 1][1] if index + 1 < len(lines) else ""
                found.append(Shown(where, line[2:].strip(), "" if after.startswith("$ ") else after.strip()))
            elif lang in SHELL_BLOCKS and line.strip() and not line.lstrip().startswith("#"):
                found.append(Shown(where, line.strip()))
    for span in INLINE_CODE.finditer(FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)):
        code = " ".join(span.group(2).split())
        if SPAN_COMMAND.match(code) and not (PLACEHOLDER.search(code) and not code.startswith("make")):
            found.append(Shown(f"{name}:{text.count(chr(10), 0, span.start()) + 1}", code))
    return found


def stages(command: str) -> list[list[str]]:
    """The simple commands of a pipeline or list, as words (comments, redirections and their
    targets left out; variable assignments before a program left out)."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    result: list[list[str]] = [[]]
    redirect = False
    for token in lexer:
        if token in {"|", "||", "&&", ";", "&"}:
            result.append([])
        elif set(token) <= set("<>&") or re.fullmatch(r"\d?[<>]+&?", token):
            redirect = True
        elif redirect:
            redirect = False
        elif not (not result[-1] and re.fullmatch(r"[A-Za-z_]\w*=.*", token)):
            result[-1].append(token)
    return [stage for stage in result if stage]


def make_targets(makefile: Path = MAKEFILE) -> set[str]:
    """The targets a Makefile defines (not its variables)."""
    text = makefile.read_text(encoding="utf-8")
    return {m for line in re.findall(r"^([^\s#:=][^:=]*):(?!=)", text, re.MULTILINE) for m in line.split()}


# ---- the files and tests named --------------------------------------------------------------------

REPO_PATH = re.compile(r"(?:\.ci|explorer|data|rules|tests|scripts|bench|docs)/[\w./*-]*(?:::\w+)?")
ROOM_PATH = re.compile(r"(?:cli|session|ask|content|infer|render|summary|published)/[\w./-]*")
TEST_NAME = re.compile(r"test_\w+")
# Made by a build, not kept in the repository: the content's snapshot (`make snapshot`) and the
# folder a wheel carries the content in.
BUILT = {"explorer/snapshot/", "explorer/bundled/"}


def _defines(file: Path, name: str) -> bool:
    return file.is_file() and re.search(rf"^\s*(?:async )?def {name}\(", file.read_text(), re.MULTILINE) is not None


def missing_names(page: Path, root: Path = PROJECT_ROOT) -> list[str]:
    """Each file, folder or test a code span of `page` names that does not exist: a path from the
    top of the checkout (`tests/test_saves.py::test_name` included), a path inside explorer/
    (`cli/main.py`), or a test's name alone (`test_name`)."""
    missing = []
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    for code in {span.group(2).strip() for span in INLINE_CODE.finditer(text)}:
        if code in BUILT:
            continue
        if REPO_PATH.fullmatch(code):
            path, _, name = code.partition("::")
            found = list(root.glob(path)) if "*" in path else [root / path] if (root / path).exists() else []
            if not found or (name and not _defines(root / path, name)):
                missing.append(code)
        elif ROOM_PATH.fullmatch(code) and not (root / "explorer" / code).exists():
            missing.append(code)
        elif TEST_NAME.fullmatch(code):
            modules = sorted((root / "tests").glob("test_*.py"))
            if not any(m.stem == code or _defines(m, code) for m in modules):
                missing.append(code)
    return sorted(missing)
