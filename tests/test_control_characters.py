"""No control character reaches a terminal or a file raw: an escape sequence in the text would be an
instruction (retitle the window, write the clipboard, clear the screen, colour the shell). Content
with one is refused at load (tests/test_damaged_content.py); should any get past, every output path
shows it as its escape (`\\u001b`): the listings, a section, the reading list in each format, the
messages, the saved summary. JSON stays the same JSON.

Here the catalog is the real one with one section's title and text made hostile after loading,
the way past the load's check.
"""

from __future__ import annotations

import copy
import json

import pytest

from explorer.content import catalog as catalog_module
from explorer.render.printable import control_characters_in, printable

from .helpers.content import json_strings
from .helpers.run import run_main

SECTION = "treatment-facilities-and-programs"  # in the reading list of an empty answers file
HOSTILE = "\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m\x00\x7f"


@pytest.fixture
def hostile_catalog(catalog, monkeypatch):
    section = catalog.sections[SECTION]
    hostile = section.model_copy(update={"title": section.title + HOSTILE, "text": HOSTILE + section.text})
    changed = copy.copy(catalog)
    changed.sections = {**catalog.sections, SECTION: hostile}
    monkeypatch.setattr(catalog_module, "load_catalog", lambda root=None, language="en": changed)
    return changed


def _raw(text: str) -> list[str]:
    return control_characters_in(text)


@pytest.mark.parametrize(
    "argv",
    [
        ["sections"],
        ["show", SECTION],
        ["show", SECTION, "--format", "markdown"],
        ["--answers", "-"],
        ["--answers", "-", "--format", "markdown"],
    ],
    ids=" ".join,
)
def test_output_shows_control_characters_instead_of_sending_them(hostile_catalog, argv):
    code, out, err = run_main(argv, stdin=b"{}")
    assert code == 0, err
    assert _raw(out) == [] and _raw(err) == []
    assert "\\u001b" in out and "pwned" in out  # shown, as its escapes (Markdown escapes the "]")


@pytest.mark.parametrize("argv", [["show", SECTION, "--format", "json"], ["--answers", "-", "--format", "json"]])
def test_json_output_is_the_same_json_with_control_characters_escaped(hostile_catalog, argv):
    code, out, err = run_main(argv, stdin=b"{}")
    assert code == 0, err
    assert _raw(out) == []
    assert any(HOSTILE in text for text in json_strings(json.loads(out)))  # the same strings, once parsed


@pytest.mark.parametrize("name", ["s.html", "s.md"])
def test_a_saved_summary_shows_control_characters_instead_of_holding_them(hostile_catalog, tmp_path, name):
    target = tmp_path / name
    code, _, err = run_main(["--answers", "-", "--save", str(target)], stdin=b"{}")
    assert code == 0, err
    saved = target.read_text(encoding="utf-8")
    assert _raw(saved) == []
    assert "]0;pwned" in saved


def test_printable_keeps_line_ends_and_tabs_and_shows_the_rest():
    assert printable("a\tb\nc") == "a\tb\nc"
    assert printable("\x1b[2J\x00\x7f\x9b") == "\\u001b[2J\\u0000\\u007f\\u009b"
    assert printable("é — “quoted” 1-800-662-HELP") == "é — “quoted” 1-800-662-HELP"
