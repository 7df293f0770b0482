"""The first question is asked without waiting for the content: it is read alone, as the full load
reads it, before pydantic or the content models are imported, and the catalog loads meanwhile.
Damaged content is still refused as clearly as in a scripted run (the same line, exit 1), before
the first question when the damage is in it, or at the next step.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explorer.content.arriving import ArrivingQuestions, CatalogLoader, read_first_question, session_content
from explorer.errors import CatalogError

from .helpers.checks import assert_referral_last, error_message
from .helpers.content import PROJECT_ROOT, edit_file
from .helpers.keys import ENTER
from .helpers.pty import assert_terminal_sane, finish, plain, spawn
from .helpers.run import run_cli

FIRST_PROMPT = "Who are you exploring"


def _shown(question) -> tuple:
    return (question.key, question.kind, question.prompt, question.help, [(c.value, c.label) for c in question.choices])


def test_the_shipped_first_question_is_read_alone_as_the_full_load_reads_it(catalog):
    found = read_first_question(PROJECT_ROOT)
    assert found is not None, "the real content must take the fast path"
    draft, total = found
    assert _shown(draft) == _shown(catalog.questions[0])
    assert total == len(catalog.questions)


def test_the_spanish_first_question_is_read_alone_as_the_full_spanish_load_reads_it():
    from explorer.content.catalog import load_catalog

    found = read_first_question(PROJECT_ROOT, "es")
    assert found is not None, "the shipped Spanish must take the fast path"
    assert _shown(found[0]) == _shown(load_catalog(language="es").questions[0])
    assert found[0].prompt != load_catalog().questions[0].prompt


def test_a_spanish_first_question_with_a_stale_translation_is_drawn_as_the_full_load_draws_it(content_copy):
    from explorer.content.catalog import load_catalog

    edit_file(content_copy / "data" / "questions.toml", "Who are you exploring", "Whom are you exploring")
    found = read_first_question(content_copy, "es")
    assert found is not None
    assert _shown(found[0]) == _shown(load_catalog(content_copy, "es").questions[0])  # the English, marked
    assert "Whom are you exploring" in found[0].prompt


@pytest.mark.parametrize(
    "old, new",
    [
        ('key = "for_whom"', 'key = "setting_first"'),  # not the for_whom menu
        ('kind = "select"', "kind = 3"),  # not a string
        ("[[question]]", "[[question]"),  # not TOML
        ("Who are you exploring", "Who are {they} exploring"),  # an unknown placeholder
    ],
)
def test_a_first_question_that_is_not_plainly_well_formed_is_left_to_the_full_load(content_copy, old, new):
    edit_file(content_copy / "data" / "questions.toml", old, new)
    assert read_first_question(content_copy) is None
    with pytest.raises(CatalogError):  # the full load, in the foreground, names it
        session_content(content_copy)


def test_damage_after_the_first_question_is_raised_where_the_catalog_is_needed(content_copy):
    edit_file(content_copy / "data" / "sections.toml", 'topics = ["naloxone"]', 'topics = ["narcan"]')
    content = session_content(content_copy)  # no error yet: the first question can be asked
    assert isinstance(content.questions, ArrivingQuestions)
    assert content.questions[0].key == "for_whom"
    with pytest.raises(CatalogError, match="section naloxone-overdose"):
        content.questions[1]
    with pytest.raises(CatalogError, match="section naloxone-overdose"):
        content.catalog()


def test_the_loader_hands_over_the_catalog_it_validated(catalog):
    loader = CatalogLoader(PROJECT_ROOT)
    loader.start()
    loaded = loader.catalog()
    assert list(loaded.sections) == list(catalog.sections)
    assert [q.key for q in loaded.questions] == [q.key for q in catalog.questions]


def test_the_first_question_imports_neither_pydantic_nor_the_content_models():
    probe = (
        "import sys\n"
        "import explorer.cli.main, explorer.cli.parser, explorer.session.session\n"
        "import explorer.ask.arrow_menus, explorer.ask.questionnaire\n"
        "from explorer.content.arriving import session_content\n"
        "content = session_content()\n"
        "assert session_content(language='es').questions[0].prompt.startswith('¿')\n"
        "assert content.questions[0].key == 'for_whom'\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'durable', 'explorer.content.catalog'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_arrow_menus_call_back_once_the_next_menu_is_on_screen_and_only_then():
    from prompt_toolkit.application import get_app
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from explorer.ask.arrow_menus import ArrowMenus

    events: list[str] = []
    menus = ArrowMenus(80)
    menus.when_drawn(lambda: events.append(f"drawn {get_app().render_counter} time(s)"))
    for _ in range(2):  # the second menu does not call it again
        with create_pipe_input() as pipe:
            pipe.send_text(ENTER)
            menus.prompt_options = {"input": pipe, "output": DummyOutput()}
            events.append(menus.select("Who?", [("Me", "self"), ("Not sure", "unsure")], default="unsure"))
    assert events == ["drawn 1 time(s)", "unsure", "unsure"]


# ---- in a real terminal: the same one-line message and exit status as a scripted run ---------------


def _damaged_copy(root: Path, file: str, old: str, new: str) -> str:
    """Damages the copy; returns the one-line message a scripted run gives for it."""
    edit_file(root / file, old, new)
    scripted = run_cli("--answers", "-", stdin=b"{}", cwd=root, env={"TREATMENT_EXPLORER_CONTENT": str(root)})
    assert scripted.returncode == 1
    return "treatment-explorer: " + error_message(scripted.stderr)


@pytest.mark.parametrize("plain_menus", [False, True])
@pytest.mark.parametrize(
    "file, old, new",
    [
        ("data/sections.toml", 'topics = ["naloxone"]', 'topics = ["narcan"]'),
        ("rules/suggestions.toml", "[[suggest]]", "[[suggest]"),
        ("data/questions.toml", 'value = "someone_else"', 'value = "someone"'),  # the first question itself
    ],
)
def test_damage_found_after_the_first_question_is_named_at_the_next_step(content_copy, plain_menus, file, old, new):
    message = _damaged_copy(content_copy, file, old, new)
    command = f"{sys.executable} -m explorer" + (" --plain" if plain_menus else "")
    child = spawn(command, TREATMENT_EXPLORER_CONTENT=str(content_copy))
    child.expect(FIRST_PROMPT)  # the first question is shown although the content is damaged
    child.expect(r"\): " if plain_menus else "arrow keys")
    child.send("1" + ENTER)
    shown, code, stty = finish(child)
    assert code == 1
    assert " ".join(message.split()) in " ".join(shown.split())
    assert "Traceback" not in shown
    assert "setting would" not in shown  # no second question
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def test_damage_in_the_first_question_is_named_before_it(content_copy):
    message = _damaged_copy(content_copy, "data/questions.toml", 'kind = "select"', "kind = 3")
    child = spawn(TREATMENT_EXPLORER_CONTENT=str(content_copy))
    shown, code, stty = finish(child)
    assert code == 1
    assert FIRST_PROMPT not in shown
    assert shown.lstrip().startswith(" ".join(message.split())[:40])
    assert " ".join(message.split()) in " ".join(plain(shown).split())
    assert_referral_last(shown)
    assert_terminal_sane(stty)
