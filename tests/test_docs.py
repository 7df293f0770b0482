"""The README and every page of docs/ can be followed: each relative link leads to a file and
heading that exist in a clone, each command shown runs as shown (the explorer's own commands are
run, offline, with their exit codes checked; `make` targets must exist in the Makefile), and the
README keeps its promise to a newcomer: what it is, where to get help and the quick start on the
first screen, the two commands for contributors, the one CI runs among them."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from .helpers.checks import assert_referral_last
from .helpers.content import PROJECT_ROOT
from .helpers.docs import README, Shown, link_problems, make_targets, missing_names, pages, shown_commands, stages
from .helpers.pty import plain, press_enter_everywhere, program_output, recorded, spawn

BIN = Path(sys.executable).parent
ANSWERS = '{"setting": "doctor_office", "dosing": "monthly", "detox": "in_progress"}'

# Programs a page may show that this test does not run, and why; any other program is a problem,
# so a new kind of command is looked at before it is shown.
INSTALLS = "installing is proven by tests/test_package.py and, in CI, by scripts/check-package"
NOT_RUN = {
    "pipx": INSTALLS,
    "python -m pip": INSTALLS,
    "pip": INSTALLS,
    "python -m build": INSTALLS,
    "sudo": "installs system packages",
    "apt-get": "installs system packages",
    "dnf": "installs system packages",
    "xcode-select": "installs system packages",
    "check-jsonschema": "a validator from PyPI, not part of the explorer",
    "python -m pytest": "the tests themselves",
    "python -m bench": "the benchmark: `make bench`",
    "python -m bench.readability": "the readability measure: tests/test_readability.py runs it",
    "scripts/count-session-lines.py": "drives whole sessions for minutes; its figures are in docs/",
    "pre-commit": "installs a git hook",
    "git": "changes the checkout",
}
HELPERS = {"echo", "printf", "cat", "head", "true"}


def program_of(words: list[str]) -> str:
    """A simple command's program, named as NOT_RUN names it: `python -m build` for any Python."""
    name = words[0].rsplit("/", 1)[-1] if words[0].startswith(".venv/") else words[0]
    if re.fullmatch(r"python[\d.]*", name) and len(words) > 2 and words[1] == "-m":
        return f"python -m {words[2]}"
    return name


def is_ours(program: str) -> bool:
    return program in {"treatment-explorer", "python -m explorer"}


def interactive(words: list[str]) -> bool:
    """The questionnaire: no command, no --answers, nothing but --plain, --debug or --lang LANGUAGE."""
    start = 3 if words[0].startswith("python") else 1
    rest = " ".join(words[start:])
    return all(word in {"--plain", "--debug"} for word in re.sub(r"--lang[= ](en|es)\b", "--plain", rest).split())


def run_in_a_terminal(command: str, cwd: Path) -> str | None:
    """The questionnaire in a pseudo-terminal, Enter at every screen: it must end with exit 0, the
    referral last."""
    child = spawn(command, rows=24, cols=80, cwd=cwd, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    raw = recorded(child)
    status = press_enter_everywhere(child, plain_menus="--plain" in command)
    child.expect(pexpect.EOF)
    if status != 0:
        return f"exit {status} after Enter at every screen"
    assert_referral_last(plain(program_output(raw)))
    return None


def command_problem(shown: Shown, cwd: Path) -> str | None:
    """Why `shown` does not work as shown, or None. The explorer's commands run in `cwd` (which
    holds answers.json), offline, with no standard input; a transcript's error line must be the
    first line the program writes, with exit 2; any other command must exit 0."""
    try:
        words_of = stages(shown.command)
    except ValueError as error:  # an unclosed quotation
        return f"not a command a shell can read: {error}"
    programs = [program_of(words) for words in words_of]
    if programs and programs[0] == "make":
        missing = [w for w in words_of[0][1:] if not w.startswith("-") and "=" not in w and w not in make_targets()]
        return f"make has no target {missing}" if missing else None
    unknown = [p for p in programs if p not in NOT_RUN and p not in HELPERS and not is_ours(p)]
    if unknown:
        return f"{unknown} is neither run by this test nor listed in NOT_RUN"
    if not any(is_ours(p) for p in programs) or any(p in NOT_RUN for p in programs):
        return None
    command = re.sub(r"(^|\s)\.venv/bin/", rf"\1{BIN}/", shown.command)
    ours = next(words for words in words_of if is_ours(program_of(words)))
    if interactive(ours):
        return run_in_a_terminal(re.sub(r"^\.venv/bin/", f"{BIN}/", shlex.join(ours)), cwd)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PAGER": "cat", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "Traceback" in done.stdout + done.stderr:
        return f"a traceback: {done.stderr[-600:]}"
    if shown.output.startswith("treatment-explorer: "):
        said = done.stderr.splitlines()[:1]
        if done.returncode != 2 or said != [shown.output]:
            return f"expected exit 2 and {shown.output!r}, got exit {done.returncode} and {said}"
        return None
    return None if done.returncode == 0 else f"exit {done.returncode}: {done.stderr[:600]}"


@pytest.fixture()
def here(tmp_path: Path) -> Path:
    (tmp_path / "answers.json").write_text(ANSWERS, encoding="utf-8")
    return tmp_path


def _all_shown() -> list[Shown]:
    unique: dict[str, Shown] = {}
    for page in pages():
        for shown in shown_commands(page):
            unique.setdefault(f"{shown.command} => {shown.output}", shown)
    return list(unique.values())


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.name)
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(page):
    assert link_problems(page) == []


@pytest.mark.parametrize("shown", _all_shown(), ids=lambda shown: shown.command[:60])
def test_every_command_shown_works_as_shown(shown, here):
    assert command_problem(shown, here) is None, shown.where


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.name)
def test_every_file_and_test_named_exists(page):
    assert missing_names(page) == []


def test_every_page_of_docs_is_linked_from_the_readme():
    linked = {target.split("#")[0] for target in re.findall(r"\]\((docs/[^)#\s]+)", README.read_text())}
    unlinked = [page.name for page in pages()[1:] if f"docs/{page.name}" not in linked]
    assert unlinked == [], "add a line to the README's list of pages"


def test_the_docs_name_nothing_a_clone_lacks():
    for page in pages():
        text = page.read_text(encoding="utf-8")
        assert "../shared" not in text, page.name
        assert "/work/" not in text, page.name


def test_the_readme_shows_the_two_commands_and_ci_runs_its_test_command():
    blocks = [shown.command for shown in shown_commands(README)]
    assert "make run     # sets everything up on first use, then starts the explorer" in blocks
    assert "make test    # sets everything up on first use, then runs the whole test suite" in blocks
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", ci, re.MULTILINE), "CI no longer runs the README's test command"


def test_the_first_screen_says_what_it_is_where_to_get_help_and_how_to_start():
    first_screen = "\n".join(README.read_text(encoding="utf-8").splitlines()[:45])
    for needed in (
        "educational, not diagnostic",
        "offline",
        "healthcare professional",
        "1-800-662-HELP (4357)",
        "1-800-487-4889",
        "FindTreatment.gov",
        "988",
        "911",
        "## Quick start",
        "treatment-explorer",
    ):
        assert needed in first_screen, needed


# ---- the checks catch what they are for -------------------------------------------------------------


def test_a_broken_link_and_a_missing_anchor_are_caught(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "other.md").write_text("# Other page\n\n## A heading\n", encoding="utf-8")
    page = tmp_path / "README.md"
    page.write_text(
        "# Home\n\n[fine](docs/other.md#a-heading) [fine](#home) `[an example](nowhere.md)`\n"
        "[gone](docs/gone.md) [no anchor](docs/other.md#no-such-heading) [here](#nothing) "
        "[outside](../shared/FACTS.md)\n",
        encoding="utf-8",
    )
    problems = link_problems(page, root=tmp_path)
    assert len(problems) == 4, problems
    assert [p.split("(")[1].split(")")[0] for p in problems] == [
        "docs/gone.md",
        "docs/other.md#no-such-heading",
        "#nothing",
        "../shared/FACTS.md",
    ]


def test_a_bad_command_a_missing_make_target_and_an_unknown_program_are_caught(tmp_path, here):
    page = tmp_path / "README.md"
    page.write_text(
        "```sh\ntreatment-explorer shwo methadone\nmake tset\nrm -rf build\ntreatment-explorer about\n```\n"
        "```text\n$ treatment-explorer --answers answers.json\ntreatment-explorer: not what it says\n```\n",
        encoding="utf-8",
    )
    shown = shown_commands(page, root=tmp_path)
    assert [s.command for s in shown] == [
        "treatment-explorer shwo methadone",
        "make tset",
        "rm -rf build",
        "treatment-explorer about",
        "treatment-explorer --answers answers.json",
    ]
    problems = [command_problem(s, here) for s in shown]
    assert problems[0] is not None and problems[0].startswith("exit 2")
    assert problems[1] == "make has no target ['tset']"
    assert problems[2] is not None and "neither run" in problems[2]  # never run: not ours
    assert problems[3] is None
    assert problems[4] is not None and "expected exit 2" in problems[4]


def test_a_file_or_test_that_is_gone_is_caught(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_kept.py").write_text("def test_a_promise_kept():\n    assert True\n")
    page = tmp_path / "README.md"
    page.write_text(
        "`tests/test_kept.py::test_a_promise_kept` `test_a_promise_kept` `tests/test_kept.py` "
        "`tests/test_gone.py` `tests/test_kept.py::test_renamed` `test_renamed_too` `cli/gone.py`\n",
        encoding="utf-8",
    )
    assert missing_names(page, root=tmp_path) == [
        "cli/gone.py",
        "test_renamed_too",
        "tests/test_gone.py",
        "tests/test_kept.py::test_renamed",
    ]
