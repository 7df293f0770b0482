"""Faults: damaged content files, failures inside the engine or the rendering, and a closed pipe.

Damaged content refuses to start with a message naming the file and the entry, then the referral,
exit 1. An unexpected exception prints a short apology and the referral, exit 1, and a traceback
only with --debug. A reader that stops reading (`| head -1`) ends the run quietly.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.content.answers import Answers
from explorer.content.catalog import load_catalog
from explorer.errors import CatalogError
from explorer.infer import reading_list
from explorer.infer.engine import EngineError, RuleEngine
from explorer.referral import REFERRAL_TEXT
from explorer.render import listings
from explorer.render import result as render
from explorer.render.finish import referral

from .helpers.checks import assert_referral_last, error_message
from .helpers.content import PROJECT_ROOT, edit_file
from .helpers.run import run_cli, run_main

TOML_FILES = (
    "data/documents.toml",
    "data/sections.toml",
    "data/questions.toml",
    "rules/suggestions.toml",
    "rules/safety.toml",
)
DAMAGED = "the content files are damaged, so nothing can be shown: "
APOLOGY = "sorry, something went wrong inside the explorer. This is not your fault."


# ---- every kind of damage, at the loader ---------------------------------------------------------


def _load_error(root: Path) -> CatalogError:
    with pytest.raises(CatalogError) as caught:
        load_catalog(root)
    return caught.value


@pytest.mark.parametrize("name", TOML_FILES)
def test_each_missing_file_is_named(content_copy, name):
    (content_copy / name).unlink()
    error = _load_error(content_copy)
    assert error.path == content_copy / name
    assert "missing" in error.message


@pytest.mark.parametrize("name", TOML_FILES)
def test_each_unparsable_file_is_named(content_copy, name):
    with (content_copy / name).open("a", encoding="utf-8") as handle:
        handle.write("\n[[ broken\n")
    error = _load_error(content_copy)
    assert error.path == content_copy / name
    assert "cannot be parsed" in error.message


@pytest.mark.parametrize("name", [*TOML_FILES, "data/001_973154f66493666a.txt"])
def test_a_file_that_is_not_utf8_is_named(content_copy, name):
    path = content_copy / name
    path.write_bytes(path.read_bytes() + b"\n# \xff\xfe\n")
    error = _load_error(content_copy)
    assert error.path == path
    assert "cannot be read" in error.message


@pytest.mark.parametrize(
    "file, old, new, entry, words",
    [
        (
            "rules/suggestions.toml",
            'id = "dosing-daily"',
            'id = "setting-clinic-daily"',
            "suggest setting-clinic-daily",
            "duplicate rule id",
        ),
        (
            "rules/safety.toml",
            'id = "medication-details-on-request"',
            'id = "methadone-belongs-to-clinics"',
            "withhold methadone-belongs-to-clinics",
            "duplicate rule id",
        ),
        (
            "rules/safety.toml",
            'id = "methadone-belongs-to-clinics"',
            'id = "setting-residential"',
            "withhold setting-residential",
            "first used by suggest setting-residential in suggestions.toml",
        ),
        (
            "rules/safety.toml",
            'quote_from = "naltrexone-oral-and-monthly-injection"',
            'quote_from = "naltrexone-pills"',
            "caution naltrexone-only-after-detox",
            "unknown section 'naltrexone-pills'",
        ),
        (
            "rules/safety.toml",
            'topics = ["methadone"]',
            'topics = ["dolophine"]',
            "withhold methadone-belongs-to-clinics",
            "topics",
        ),
        (
            "rules/suggestions.toml",
            'when = { dosing = "monthly" }',
            'when = { frequency = "monthly" }',
            "suggest dosing-monthly",
            "unknown answer key 'frequency'",
        ),
        ("data/questions.toml", 'key = "counseling"', 'key = "therapy"', "question therapy", "unknown question key"),
        (
            "data/documents.toml",
            'file = "004_e91e54c35d7066b4.txt"',
            'file = "004_e91e54c35d7066b4.pdf"',
            "document 004_e91e54c35d7066b4.pdf",
            "file",
        ),
    ],
)
def test_damage_names_the_file_and_the_entry(content_copy, file, old, new, entry, words):
    edit_file(content_copy / file, old, new)
    error = _load_error(content_copy)
    assert error.path == content_copy / file
    assert error.entry == entry, str(error)
    assert words in error.message, str(error)


def test_a_rule_book_without_a_fallback_names_the_suggestions_file(content_copy):
    edit_file(
        content_copy / "rules" / "suggestions.toml", "when = {}\nsections", 'when = { counseling = "no" }\nsections'
    )
    error = _load_error(content_copy)
    assert error.path == content_copy / "rules" / "suggestions.toml"
    assert "fallback" in error.message


# ---- the same damage, through the real program ----------------------------------------------------


def _run_copy(root: Path, *args: str, stdin: bytes = b"{}") -> subprocess.CompletedProcess[str]:
    """The real program, pointed at a damaged copy of the content by TREATMENT_EXPLORER_CONTENT."""
    return run_cli(*args, stdin=stdin, cwd=root, env={"TREATMENT_EXPLORER_CONTENT": str(root)})


def test_the_copy_is_what_runs(content_copy):
    probe = subprocess.run(
        [sys.executable, "-c", "from explorer.content.resources import content_root; print(content_root())"],
        capture_output=True,
        text=True,
        cwd=content_copy,
        timeout=60,
        env={**os.environ, "TREATMENT_EXPLORER_CONTENT": str(content_copy)},
    )
    assert probe.stdout.strip() == str(content_copy)
    done = _run_copy(content_copy, "--answers", "-", "--format", "json")
    assert done.returncode == 0
    assert done.stderr == ""
    assert_referral_last(done.stdout, "json")


def _remove(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit_file(root / relative, old, new)


# (damage, the file, the entry or None, what is wrong, the command that meets it)
DAMAGE = [
    (
        _remove("data/sections.toml"),
        "data/sections.toml",
        None,
        "file is missing",
        ("--answers", "-", "--format", "json"),
    ),
    (
        _replace("rules/suggestions.toml", "[[suggest]]", "[[suggest]"),
        "rules/suggestions.toml",
        None,
        "cannot be parsed",
        ("--answers", "-", "--format", "markdown"),
    ),
    (
        _replace("data/sections.toml", 'id = "contingency-management"', 'id = "cognitive-behavioral-therapy"'),
        "data/sections.toml",
        "section cognitive-behavioral-therapy",
        "duplicate section id",
        ("sections",),
    ),
    (
        _replace("rules/suggestions.toml", '"naloxone-overdose"', '"naloxone-overdoze"'),
        "rules/suggestions.toml",
        "suggest interest-overdose",
        "names unknown section 'naloxone-overdoze'",
        ("rules",),
    ),
    (
        _replace("data/sections.toml", 'topics = ["naloxone"]', 'topics = ["narcan"]'),
        "data/sections.toml",
        "section naloxone-overdose",
        "topics",
        ("show", "naloxone-overdose"),
    ),
    (
        _replace(
            "data/sections.toml",
            "Naloxone is used to treat heroin overdose",
            "Naloxone is used to prevent heroin overdose",
        ),
        "data/sections.toml",
        "section naloxone-overdose",
        "text is not verbatim in 002_43ddf4ad6e44270f.txt",
        ("--answers", "-"),
    ),
]


@pytest.mark.parametrize("damage, file, entry, problem, command", DAMAGE)
def test_the_program_refuses_damaged_content_naming_file_and_entry(content_copy, damage, file, entry, problem, command):
    damage(content_copy)
    done = _run_copy(content_copy, *command)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    message = error_message(done.stderr)
    where = str(content_copy / file) + (f": {entry}" if entry else "")
    assert message.startswith(f"{DAMAGED}{where}: "), message
    assert problem in message


# ---- an unexpected exception: apology, referral, exit 1; the traceback only with --debug ------------


_ruleset_names = itertools.count()


@pytest.fixture
def engine_with_a_failing_action(monkeypatch, catalog) -> RuleEngine:
    """A real durable ruleset whose actions raise, served to the CLI in place of the real one."""

    def exploding(self, rule_id):
        def action(c):
            raise RuntimeError(f"injected into the durable action of {rule_id}")

        return action

    monkeypatch.setattr(RuleEngine, "_recorder", exploding)
    engine = RuleEngine(catalog.rules, name=f"failing_actions_{next(_ruleset_names)}")
    monkeypatch.setattr(RuleEngine, "for_rules", classmethod(lambda cls, rules, name="": engine))
    return engine


def test_a_failing_durable_action_becomes_an_engine_error(engine_with_a_failing_action):
    with pytest.raises(EngineError, match="injected into the durable action"):
        engine_with_a_failing_action.fired(Answers())


def _raise(*args, **kwargs):
    raise RuntimeError("injected")


INJECTIONS = [  # (where, replaced by a function that raises, the command that reaches it)
    ("engine", None, ["--answers", "-", "--format", "json"]),
    ("build_result", (reading_list, "build_result"), ["--answers", "-"]),
    ("to_markdown", (render, "to_markdown"), ["--answers", "-", "--format", "markdown"]),
    ("render_result", (render, "render_result"), ["--answers", "-", "--format", "json"]),
    ("sections_listing", (listings, "sections_listing"), ["sections"]),
    ("rules_listing", (listings, "rules_listing"), ["rules"]),
    ("section_page", (render, "section_page"), ["show", "what-is-mat"]),
    ("render_section", (render, "render_section"), ["show", "what-is-mat", "--format", "markdown"]),
]


@pytest.mark.parametrize("where, target, argv", INJECTIONS, ids=[i[0] for i in INJECTIONS])
@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_unexpected_exception_apologizes_and_refers(request, monkeypatch, where, target, argv, debug):
    if target is None:
        request.getfixturevalue("engine_with_a_failing_action")
    else:
        monkeypatch.setattr(*target, _raise)
    code, out, err = run_main(argv + (["--debug"] if debug else []), stdin=b'{"interests": ["overdose"]}')
    assert code == 1
    assert out == ""
    assert err.startswith(f"treatment-explorer: {APOLOGY}\n")
    assert err.endswith("\n\n" + referral(80))
    if debug:
        assert "Traceback (most recent call last)" in err
        assert "injected" in err
        if where == "engine":
            assert "EngineError: a rule's action failed" in err
    else:
        assert err == f"treatment-explorer: {APOLOGY}\n(run again with --debug to see the details)\n\n" + referral(80)


# ---- a reader that stops reading ------------------------------------------------------------------

COMMANDS = {
    "text": "--answers {answers} --format text",
    "markdown": "--answers {answers} --format markdown",
    "json": "--answers {answers} --format json",
    "sections": "sections",
    "rules": "rules",
    "show": "show naloxone-overdose --format text",
}
EVERYTHING = (
    '{"setting": "doctor_office", "interests": ["how_medications_work", "side_effects", "withdrawal", '
    '"overdose", "understanding_addiction", "finding_a_program"]}'
)


@pytest.fixture(scope="module")
def everything_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "answers.json"
    path.write_text(EVERYTHING)
    return path


def _explorer_command(command: str, answers: Path) -> list[str]:
    return [sys.executable, "-m", "explorer", *COMMANDS[command].format(answers=answers).split()]


@pytest.mark.parametrize("command", COMMANDS)
def test_piped_into_head_it_ends_quietly(everything_file, command):
    explorer = " ".join(_explorer_command(command, everything_file))
    alone = subprocess.run(
        _explorer_command(command, everything_file),
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{explorer} | head -1"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr  # with pipefail: the explorer's own status, not 141, not 1
    assert done.stdout == alone.stdout.splitlines(keepends=True)[0]
    # The output fits in the pipe, so usually nothing breaks; if head closed it first, the
    # referral that could not reach stdout goes to stderr, and nothing else does.
    assert done.stderr in ("", "\n" + referral(80)), done.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_pipe_closed_before_the_first_write_ends_quietly_with_the_referral_on_stderr(everything_file, command):
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE: no race with a reader
    try:
        done = subprocess.run(
            _explorer_command(command, everything_file),
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=PROJECT_ROOT,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "BrokenPipeError" not in err
    assert "Exception ignored" not in err
    assert "Traceback" not in err
    assert err == "\n" + referral(80)
    assert REFERRAL_TEXT.splitlines()[-1] in err
