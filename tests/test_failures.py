"""The ways out that should never happen still end calmly: apology or message, referral, exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from explorer.content import catalog
from explorer.errors import CatalogError
from explorer.referral import REFERRAL_TEXT
from explorer.render import finish
from explorer.render import result as render

from .helpers.content import PROJECT_ROOT
from .helpers.run import run_main


def _run(argv: list[str], stdin: bytes = b"{}") -> tuple[int, str, str]:
    """In-process, with an empty answers object on standard input unless told otherwise."""
    return run_main(argv, stdin=stdin)


def test_an_unexpected_failure_apologizes_and_still_refers(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(render, "render_result", broken)
    code, out, err = _run(["--answers", "-"])
    assert code == 1
    assert out == ""
    assert "sorry, something went wrong" in err
    assert "--debug" in err
    assert "Traceback" not in err
    assert "injected" not in err
    assert err.rstrip().endswith("In an emergency or an overdose: call 911.")


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(render, "render_result", lambda *a, **k: 1 / 0)
    code, _, err = _run(["--answers", "-", "--debug"])
    assert code == 1
    assert "Traceback" in err
    assert "ZeroDivisionError" in err
    assert err.rstrip().endswith("call 911.")


def test_damaged_content_names_the_file_and_entry(monkeypatch):
    def damaged(*args, **kwargs):
        raise CatalogError(PROJECT_ROOT / "data" / "sections.toml", "duplicate section id", "section what-is-mat")

    monkeypatch.setattr(catalog, "load_catalog", damaged)  # cli imports it when a command runs
    code, out, err = _run(["--answers", "-"])
    assert code == 1
    assert out == ""
    assert "sections.toml: section what-is-mat: duplicate section id" in err
    assert err.rstrip().endswith("call 911.")


def _modules_loaded_by(argv: list[str], families: tuple[str, ...]) -> list[str]:
    """Runs main(argv) in a fresh interpreter; the loaded modules among `families` (top-level
    packages, or modules named in full)."""
    probe = (
        "import sys, io, contextlib\n"
        "from explorer.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    code = main({argv!r})\n"
        "assert code == 0 and 'call 911' in out.getvalue(), out.getvalue()\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {families!r} or m in {families!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.replace("'", '"'))


PROMPT_LIBRARIES = ("questionary", "prompt_toolkit")
SUMMARY_MODULES = (
    "jinja2",
    "explorer.content.comparison",
    "explorer.summary.build",
    "explorer.summary.formats",
    "explorer.summary.offer",
)


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_the_scripted_path_never_imports_the_prompt_libraries_nor_the_summary(tmp_path, fmt):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"setting": "residential"}))
    loaded = _modules_loaded_by(["--answers", str(answers), "--format", fmt], PROMPT_LIBRARIES + SUMMARY_MODULES)
    assert loaded == []


@pytest.mark.parametrize(
    "argv", [["sections"], ["rules"], ["show", "what-is-mat"], ["show", "what-is-mat", "--format", "json"]]
)
def test_the_other_commands_never_import_the_prompt_libraries(argv):
    assert _modules_loaded_by(argv, PROMPT_LIBRARIES) == []


def test_help_imports_neither_the_prompt_libraries_nor_pydantic_nor_durable():
    # --help ends in SystemExit(0), which main turns into 0; its text ends with the helpline lines.
    loaded = _modules_loaded_by(["--help"], (*PROMPT_LIBRARIES, "pydantic", "pydantic_core", "durable"))
    assert loaded == []


@pytest.mark.parametrize("argv", [["--answers", "-", "--answers"], ["--format", "yaml"], ["show", "a", "b"]])
def test_usage_errors_exit_2_with_the_referral(argv):
    code, _, err = _run(argv)
    assert code == 2
    assert "usage: treatment-explorer" in err or "unexpected argument" in err or "expected one argument" in err
    assert err.rstrip().endswith("call 911.")


def test_if_even_the_referral_block_fails_its_plain_text_still_comes_last(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(finish, "referral", broken)  # what main's closing referral renders
    code, out, err = _run(["--answers", "-"], stdin=b'{"setting": "clinic"}')
    assert code == 2
    assert out == ""
    assert '"setting" must be one of' in err
    assert err.endswith("\n" + REFERRAL_TEXT + "\n")


@pytest.mark.parametrize("abbreviation", ["--ans", "--form", "--deb"])
def test_abbreviated_flags_are_usage_errors(abbreviation):
    code, _, err = _run(["sections", abbreviation])
    assert code == 2
    assert f"unrecognized arguments: {abbreviation}" in err
