"""The command table is the one list of commands: --help lists what the parser accepts and what the
dispatch runs, names every answer key the questions ask, and breaks a command's description only
between its phrases."""

from __future__ import annotations

import io
import re

import pytest

from explorer.cli import commands, main
from explorer.cli.command_table import COMMANDS, INTERACTIVE, SCRIPTED
from explorer.cli.parser import build_parser
from explorer.content.answers import ANSWER_KEYS
from explorer.render.text import fill

from .helpers.run import made_up_environment, run_main


def _help(columns: int = 80) -> str:
    out = io.StringIO()
    assert main.main(["--help"], made_up_environment(stdout=out, size=(columns, 24))) == 0
    return out.getvalue()


def listed_in_help(text: str) -> list[str]:
    """The commands in --help's list of commands (its rows start two spaces in), but "(none)"."""
    block = text.split("\ncommands:\n", 1)[1].split("\n\n", 1)[0]
    return [row.split()[0] for row in block.splitlines() if re.match(r"  \S", row) and "(none)" not in row]


def keys_in_help(text: str) -> list[str]:
    return re.search(r"keys: ([^;]+);", text).group(1).split()


def test_help_lists_what_the_parser_accepts_and_the_dispatch_runs():
    parser = build_parser(made_up_environment())
    (command,) = [action for action in parser._actions if action.dest == "command"]
    assert listed_in_help(_help()) == list(command.choices) == list(COMMANDS)
    for name, row in COMMANDS.items():
        assert row.run() is getattr(commands, name)  # the body the dispatch calls for that name
    assert SCRIPTED.run() is commands.scripted


def test_the_list_check_catches_a_command_missing_from_the_help():
    shown = _help()
    planted = "\n".join(line for line in shown.split("\n") if not line.startswith("  about "))
    assert listed_in_help(planted) != list(COMMANDS)


def test_help_names_every_answer_key_in_the_questions_order(catalog):
    assert keys_in_help(_help()) == [question.key for question in catalog.questions]
    assert sorted(keys_in_help(_help())) == sorted(ANSWER_KEYS)


def test_the_key_check_catches_a_key_missing_from_the_help(catalog):
    planted = _help().replace(" support_groups", "")
    assert keys_in_help(planted) != [question.key for question in catalog.questions]


def _lines_holding(text: str, phrase: str) -> bool:
    return any(phrase in line for line in text.splitlines())


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_help_breaks_a_command_s_description_only_between_its_phrases(columns):
    shown = _help(columns)
    room = columns - 2 - len("  show ID             ")
    for row in [INTERACTIVE, *COMMANDS.values()]:
        for phrase in row.describes:
            if len(phrase) <= room:
                assert _lines_holding(shown, phrase), (phrase, shown)


def test_the_phrase_check_catches_a_description_wrapped_word_by_word():
    compare = COMMANDS["compare"]
    word_by_word = "\n".join(fill(" ".join(compare.describes), 78, " " * 22))
    assert not all(_lines_holding(word_by_word, phrase) for phrase in compare.describes)


def test_help_goes_to_the_environment_s_standard_output():
    code, out, err = run_main(["--help"])
    assert code == 0
    assert out.startswith("usage: treatment-explorer")
    assert "keys:" in out
    assert err == ""
