"""Each path imports only what it needs, so that it starts fast: the scripted run and the listings
never import the prompt libraries (questionary, prompt_toolkit) nor the summary's modules, and
--help imports neither those nor pydantic nor durable-rules. Each run is a fresh interpreter. (The
first question's own promise, that it comes before pydantic, is in test_first_question.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .helpers.content import PROJECT_ROOT


def _modules_loaded_by(argv: list[str], families: tuple[str, ...]) -> list[str]:
    """Runs main(argv) in a fresh interpreter, its output in an Environment's captured standard
    output; the loaded modules among `families` (top-level packages, or modules named in full)."""
    probe = (
        "import sys, io\n"
        "from explorer.cli.environment import Environment\n"
        "from explorer.cli.main import main\n"
        "out = io.StringIO()\n"
        f"code = main({argv!r}, Environment(sys.stdin, out, sys.stderr))\n"
        "assert code == 0, out.getvalue()\n"
        "assert 'call 911' in out.getvalue(), out.getvalue()\n"
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


OUTPUT_MODELS = ("explorer.published.base", "explorer.published.schemas")


@pytest.mark.parametrize(
    "argv",
    [["sections"], ["rules", "--format", "markdown"], ["about"], ["compare"], ["show", "what-is-mat"]],
)
def test_text_and_markdown_never_build_the_json_output_models(argv):
    assert _modules_loaded_by(argv, OUTPUT_MODELS) == []


def test_the_json_output_models_are_built_when_json_is_asked_for():
    """The check above can fail: the same probe sees the models where JSON is printed."""
    assert _modules_loaded_by(["about", "--format", "json"], OUTPUT_MODELS) == ["explorer.published.base"]
