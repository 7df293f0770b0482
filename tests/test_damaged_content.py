"""A damaged content file is refused, naming the file and the entry: at the loader for every kind
of damage (a file missing, unparsable, not UTF-8, of an unexpected shape; an entry duplicated,
unknown, no longer verbatim in its document, promotional, outside the answers contract), and
through the real program, which then shows that one line and the referral, exit 1, no apology.
Damage found while the first question is on screen: test_first_question. The damaged files are
a test's own copy of data/ and rules/ (the content_copy fixture).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import pytest

from explorer.content import catalog
from explorer.content.catalog import load_catalog
from explorer.errors import CatalogError

from .helpers.checks import assert_referral_last, error_message
from .helpers.content import PROJECT_ROOT, edit_file
from .helpers.pty import PLAIN_PROGRAM, TYPING_LINE, finish, program_output, recorded, spawn
from .helpers.run import run_cli, run_main
from .helpers.shell import ANSWERS, program_env

TOML_FILES = (
    "data/documents.toml",
    "data/sections.toml",
    "data/questions.toml",
    "rules/suggestions.toml",
    "rules/safety.toml",
)
DAMAGED = "the content files are damaged, so nothing can be shown: "


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


# ---- each kind of damage to the catalog's files, one at a time ------------------------------------


def test_the_copy_loads_before_it_is_damaged(content_copy):
    assert len(load_catalog(content_copy).sections) == len(load_catalog().sections)


def test_missing_file(content_copy):
    (content_copy / "data" / "sections.toml").unlink()
    error = _load_error(content_copy)
    assert error.path.name == "sections.toml"
    assert "missing" in str(error)


def test_missing_source_document(content_copy):
    (content_copy / "data" / "002_43ddf4ad6e44270f.txt").unlink()
    error = _load_error(content_copy)
    assert error.path.name == "002_43ddf4ad6e44270f.txt"
    assert "missing" in str(error)


def test_edited_source_document(content_copy):
    edit_file(content_copy / "data" / "003_5014a9aacaf31222.txt", "Drug addiction", "Drug  addiction")
    error = _load_error(content_copy)
    assert error.path.name == "003_5014a9aacaf31222.txt"
    assert "sha256" in str(error)


def test_unparsable_file(content_copy):
    edit_file(content_copy / "rules" / "suggestions.toml", "[[suggest]]", "[[suggest]", 1)
    error = _load_error(content_copy)
    assert error.path.name == "suggestions.toml"
    assert "parsed" in str(error)


def test_duplicate_section_id(content_copy):
    edit_file(
        content_copy / "data" / "sections.toml", 'id = "contingency-management"', 'id = "cognitive-behavioral-therapy"'
    )
    error = _load_error(content_copy)
    assert error.entry == "section cognitive-behavioral-therapy"
    assert "duplicate" in str(error)


def test_rule_naming_an_unknown_section(content_copy):
    edit_file(content_copy / "rules" / "suggestions.toml", '"naloxone-overdose"', '"naloxone-overdoze"')
    error = _load_error(content_copy)
    assert error.entry == "suggest interest-overdose"
    assert "naloxone-overdoze" in str(error)


def test_unknown_topic(content_copy):
    edit_file(content_copy / "data" / "sections.toml", 'topics = ["naloxone"]', 'topics = ["narcan"]')
    error = _load_error(content_copy)
    assert error.entry == "section naloxone-overdose"
    assert "topics" in str(error)


def test_text_no_longer_verbatim(content_copy):
    edit_file(
        content_copy / "data" / "sections.toml",
        "Naloxone is used to treat heroin overdose",
        "Naloxone is used to prevent heroin overdose",
    )
    error = _load_error(content_copy)
    assert error.entry == "section naloxone-overdose"
    assert "verbatim" in str(error)


def test_unknown_source(content_copy):
    edit_file(content_copy / "data" / "sections.toml", 'source = "002_43ddf4ad6e44270f.txt"', 'source = "999.txt"')
    error = _load_error(content_copy)
    assert "unknown source" in str(error)
    assert error.entry.startswith("section ")


def test_empty_text(content_copy):
    path = content_copy / "data" / "sections.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("text = '''", text.index('id = "naloxone-overdose"'))
    end = text.index("'''", start + 10) + 3
    path.write_text(text[:start] + "text = '''   '''" + text[end:], encoding="utf-8")
    error = _load_error(content_copy)
    assert error.entry == "section naloxone-overdose"
    assert "empty" in str(error)


def test_phone_number_smuggled_into_a_section(content_copy):
    # Verbatim in its source, so only the promotional check can catch it.
    edit_file(
        content_copy / "data" / "sections.toml",
        "You are not alone on this journey.'''",
        "You are not alone on this journey. Call 833-846-5669 today.'''",
    )
    error = _load_error(content_copy)
    assert error.entry == "section medications-conclusion"
    assert "promotional" in str(error)


def test_rule_value_outside_the_contract(content_copy):
    edit_file(
        content_copy / "rules" / "suggestions.toml",
        'when = { setting = "clinic_daily" }',
        'when = { setting = "clinic-daily" }',
    )
    error = _load_error(content_copy)
    assert error.entry == "suggest setting-clinic-daily"
    assert "clinic-daily" in str(error)


def test_caution_quote_not_verbatim(content_copy):
    edit_file(
        content_copy / "rules" / "safety.toml", "only be used after a period", "only be used after a short period"
    )
    error = _load_error(content_copy)
    assert error.entry == "caution naltrexone-only-after-detox"
    assert "verbatim" in str(error)


def test_no_fallback_rule(content_copy):
    edit_file(
        content_copy / "rules" / "suggestions.toml", "when = {}\nsections", 'when = { counseling = "no" }\nsections'
    )
    error = _load_error(content_copy)
    assert "fallback" in str(error)


def test_question_choices_drifting_from_the_contract(content_copy):
    edit_file(content_copy / "data" / "questions.toml", 'value = "monthly"', 'value = "weekly"')
    error = _load_error(content_copy)
    assert error.entry == "question dosing"


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


def test_damaged_content_names_the_file_and_entry(monkeypatch):
    def damaged(*args, **kwargs):
        raise CatalogError(PROJECT_ROOT / "data" / "sections.toml", "duplicate section id", "section what-is-mat")

    monkeypatch.setattr(catalog, "load_catalog", damaged)  # cli imports it when a command runs
    code, out, err = run_main(["--answers", "-"], stdin=b"{}")
    assert code == 1
    assert out == ""
    assert "sections.toml: section what-is-mat: duplicate section id" in err
    assert err.rstrip().endswith("call 911.")


CONTENT_FILES = sorted(
    str(p.relative_to(PROJECT_ROOT)) for part in ("data", "rules") for p in (PROJECT_ROOT / part).glob("*.toml")
)


@pytest.mark.parametrize("shape", ["a list of numbers", "5,000 deep"])
@pytest.mark.parametrize("relative", CONTENT_FILES)
def test_content_files_of_an_unexpected_shape_are_named_without_an_apology(content_copy, relative, shape):
    path = content_copy / relative
    if shape == "a list of numbers":
        tables = [key for key, value in tomllib.loads(path.read_text()).items() if isinstance(value, list)]
        path.write_text("".join(f"{table} = [1, 2]\n" for table in tables))
    else:
        path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--answers", "-", "--save", "s.html"],
        input=ANSWERS,
        capture_output=True,
        cwd=content_copy,
        env={**program_env(), "TREATMENT_EXPLORER_CONTENT": str(content_copy)},
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr[-800:]
    message = error_message(stderr)
    assert message.startswith("the content files are damaged"), message
    assert Path(relative).name in message, message


# ---- control characters: refused at load, never raw on a terminal or in a file -----------------

# TOML escapes: the file holds "\u001b", the text the character ESC.
WINDOW_TITLE = "\\u001b]0;pwned\\u0007"  # OSC 0: sets the terminal's title
CLIPBOARD = "\\u001b]52;c;cm0gLXJmIH4=\\u0007"  # OSC 52: writes the clipboard
CLEAR_SCREEN = "\\u001b[2J"


@pytest.mark.parametrize(
    "file, old, sequence, entry",
    [
        (
            "data/sections.toml",
            'title = "Heroin addiction and cravings"',
            WINDOW_TITLE,
            "section heroin-addiction-and-cravings",
        ),
        ("data/questions.toml", 'prompt = "Who are you exploring options for?"', CLIPBOARD, "question for_whom"),
        ("rules/suggestions.toml", 'reason = "Because you said {you} would like a clinic', CLEAR_SCREEN, None),
        ("data/notes.toml", 'text = "Since the end of 2022', "\\u009b2J", None),
        ("data/glossary.toml", 'term = "opioid"', "\\u0000", "term opioid"),
    ],
    ids=["a section title", "a question", "a rule's reason", "a note (a C1 control)", "a glossary term (NUL)"],
)
def test_control_characters_in_content_are_refused_at_load(content_copy, file, old, sequence, entry):
    edit_file(content_copy / file, old, old[:-1] + sequence + old[-1] if old.endswith('"') else old + sequence)
    error = _load_error(content_copy)
    assert error.path == content_copy / file
    if entry is not None:
        assert error.entry == entry, str(error)
    assert "control character" in error.message, str(error)


def test_the_damaged_content_message_shows_control_characters_instead_of_obeying_them(content_copy):
    # An id with a colour and a title: refused, named, and the message sent no escape sequence (it
    # would turn the referral and the shell red, and retitle the window).
    edit_file(
        content_copy / "data/sections.toml",
        'id = "heroin-addiction-and-cravings"',
        'id = "x\\u001b[31m\\u001b]0;pwned\\u0007"',
    )
    done = _run_copy(content_copy, "sections")
    assert done.returncode == 1, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    message = error_message(done.stderr)
    assert message.startswith(DAMAGED)
    assert "x\\u001b[31m\\u001b]0;pwned\\u0007" in message  # named, the characters made visible


def test_the_first_question_with_an_escape_sequence_never_reaches_the_terminal_raw(content_copy):
    # The first question is shown before the rest of the content is checked (explorer/content/
    # arriving.py): even then, in --plain, its escape sequence is shown, not obeyed.
    edit_file(
        content_copy / "data/questions.toml",
        'prompt = "Who are you exploring options for?"',
        f'prompt = "Who are you exploring options for?{WINDOW_TITLE}"',
    )
    child = spawn(PLAIN_PROGRAM, cwd=content_copy, TREATMENT_EXPLORER_CONTENT=str(content_copy))
    raw = recorded(child)
    child.expect("Who are you exploring")
    child.expect(TYPING_LINE)
    child.sendline("")
    shown, code, _ = finish(child)
    assert code == 1, shown[-800:]
    output = program_output(raw)
    assert "options for?\\u001b]0;pwned\\u0007" in output  # shown as text ...
    assert "\x1b]0;" not in output  # ... never as the sequence itself
