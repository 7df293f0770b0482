"""The offer to save a summary at the end of a session: no is the default and writes nothing; yes
asks for a format and a file name, suggests a free one, replaces a file only after a yes, asks
again after a name the system refuses and follows no dangling link; Enter alone at every question
of the offer ends it; Ctrl-C saves nothing. Through a scripted Menus, and in a real terminal
(arrow-key menus and --plain numbered menus).
"""

from __future__ import annotations

import datetime
import os
import re
import shlex
from pathlib import Path

import pytest

from explorer.ask.terminal import Terminal
from explorer.content.answers import Answers
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result
from explorer.summary import offer as take_home

from .helpers.checks import assert_referral_last
from .helpers.keys import BRACKETED_PASTE, CTRL_C, CTRL_U, ENTER, UP
from .helpers.pty import (
    PLAIN_PROGRAM,
    PROGRAM,
    TYPING_LINE,
    assert_ended_calmly,
    assert_stopped_calmly,
    assert_terminal_sane,
    finish,
    plain_session,
    spawn,
    to_the_file_name,
    to_the_reading_list,
)
from .helpers.run import made_up_environment

DAY = datetime.date(2025, 3, 4)


class ScriptedMenus:
    """Answers the prompts from a list, in order, and records what was asked."""

    def __init__(self, *answers):
        self.answers, self.asked, self.suggested = list(answers), [], []

    def _next(self, text):
        self.asked.append(text)
        return self.answers.pop(0)

    def select(self, text, choices, default=None):
        assert default in [value for _, value in choices]
        return self._next(text)

    def confirm(self, text, default=False):
        return self._next(text)

    def text(self, text, default=""):
        self.suggested.append(default)
        answer = self._next(text)
        return default if answer is None else answer

    def checkbox(self, text, choices):  # pragma: no cover - not used by the offer
        raise AssertionError


@pytest.fixture(scope="module")
def result(catalog):
    answers = Answers(dosing="monthly")
    return build_result(catalog, answers, RuleEngine.for_rules(catalog.rules).fired(answers))


def _offer(catalog, result, menus):
    said = []
    terminal = Terminal(menus=menus, width=10_000, show=said.append)
    return take_home.offer(catalog, result, terminal, made_up_environment(today=DAY)), said


def test_no_is_the_default_and_writes_nothing(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written, _ = _offer(catalog, result, ScriptedMenus(False))
    assert written is None
    assert list(tmp_path.iterdir()) == []


def test_yes_html_and_the_suggested_name(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    menus = ScriptedMenus(True, "html", None)  # None: Enter on the suggested name
    written, said = _offer(catalog, result, menus)
    assert written.name == "treatment-options-summary-2025-03-04.html"
    assert (tmp_path / written.name).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert said[-1].startswith("Saved: ")
    assert menus.asked[0] == "Save a summary to bring to your appointment?"


def test_the_extension_follows_the_format(catalog, result, tmp_path):
    written, _ = _offer(catalog, result, ScriptedMenus(True, "markdown", str(tmp_path / "for-the-doctor")))
    assert written == tmp_path / "for-the-doctor.md"
    assert written.read_text(encoding="utf-8").startswith("# Treatment options")


def test_an_existing_file_is_replaced_only_after_a_yes(catalog, result, tmp_path):
    existing = tmp_path / "s.md"
    existing.write_text("keep")
    other = tmp_path / "t.md"
    menus = ScriptedMenus(True, "markdown", str(existing), False, str(other))
    written, _ = _offer(catalog, result, menus)
    assert written == other
    assert existing.read_text() == "keep"
    assert "already exists. Replace it?" in menus.asked[3]
    menus = ScriptedMenus(True, "markdown", str(existing), True)
    written, _ = _offer(catalog, result, menus)
    assert written == existing
    assert existing.read_text().startswith("# Treatment options")


def test_declining_a_replace_suggests_a_free_name_and_enter_saves_it(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = tmp_path / "treatment-options-summary-2025-03-04.html"
    first.write_text("the first summary")
    (tmp_path / "treatment-options-summary-2025-03-04-2.html").write_text("the second")
    menus = ScriptedMenus(True, "html", None, False, None)  # Enter, no, Enter
    written, said = _offer(catalog, result, menus)
    assert written.name == "treatment-options-summary-2025-03-04-3.html"
    assert menus.suggested == [first.name, str(written.name)]
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert first.read_text() == "the first summary"
    assert said[-1].startswith("Saved: ")


def test_a_typed_name_declined_gets_its_own_free_variant(catalog, result, tmp_path):
    existing = tmp_path / "s.md"
    existing.write_text("keep")
    menus = ScriptedMenus(True, "markdown", str(tmp_path / "s"), False, None)
    written, _ = _offer(catalog, result, menus)
    assert written == tmp_path / "s-2.md"
    assert menus.suggested[1] == str(tmp_path / "s-2.md")
    assert existing.read_text() == "keep"


def test_a_folder_for_a_name_suggests_a_file_in_it(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "letters").mkdir()
    menus = ScriptedMenus(True, "html", "letters", None)
    written, said = _offer(catalog, result, menus)
    assert written == Path("letters/treatment-options-summary-2025-03-04.html")
    assert said[0] == "letters is a folder. Here is a file name inside it."
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_after_an_error_nothing_is_suggested_so_enter_gives_up(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    menus = ScriptedMenus(True, "html", str(tmp_path / "missing" / "s.html"), True, None)  # yes, Enter
    written, said = _offer(catalog, result, menus)
    assert written is None
    assert menus.suggested[1] == ""
    assert said[-1] == "No file name given: nothing was saved."
    assert list(tmp_path.iterdir()) == []


class EnterAlone(ScriptedMenus):
    """Plays its script, then answers every question with its default, as Enter alone does; more
    than `budget` questions is a loop."""

    def __init__(self, *script, budget=12):
        super().__init__(*script)
        self.budget = budget

    def _next(self, text):
        assert len(self.asked) < self.budget, f"the offer loops: {self.asked}"
        if self.answers:
            return super()._next(text)
        self.asked.append(text)
        return None

    def select(self, text, choices, default=None):
        return super().select(text, choices, default) or default

    def confirm(self, text, default=False):
        answer = super().confirm(text, default)
        return default if answer is None else answer


@pytest.mark.parametrize(
    "setting",
    ["the suggested file exists", "the suggested name is a folder", "a name that fails", "a folder named"],
)
def test_enter_alone_at_every_question_of_the_offer_ends(catalog, result, tmp_path, monkeypatch, setting):
    monkeypatch.chdir(tmp_path)
    dated = tmp_path / "treatment-options-summary-2025-03-04.html"
    script = [True]  # yes to the offer; Enter alone from then on
    if setting == "the suggested file exists":
        dated.write_text("keep")
    elif setting == "the suggested name is a folder":
        dated.mkdir()
    elif setting == "a name that fails":
        script += ["html", str(tmp_path / "missing" / "s.html")]
    else:
        (tmp_path / "letters").mkdir()
        script += ["html", "letters"]
    menus = EnterAlone(*script)
    _offer(catalog, result, menus)
    assert len(menus.asked) < menus.budget
    assert len(menus.suggested) == len(set(menus.suggested)), "a name suggested twice"


def test_the_loop_detector_catches_an_offer_that_asks_forever(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    looping = EnterAlone(True)
    monkeypatch.setattr(take_home, "free_name", lambda path: path)  # a defect planted: the same name again
    (tmp_path / "treatment-options-summary-2025-03-04.html").write_text("keep")
    with pytest.raises(AssertionError, match="the offer loops"):
        _offer(catalog, result, looping)


def test_a_failed_write_says_so_and_can_give_up(catalog, result, tmp_path):
    menus = ScriptedMenus(True, "html", str(tmp_path / "missing" / "s.html"), False)
    written, said = _offer(catalog, result, menus)
    assert written is None
    assert said == [f"Could not save: the folder {tmp_path / 'missing'} does not exist. Nothing was written."]


def test_an_empty_name_saves_nothing(catalog, result, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written, said = _offer(catalog, result, ScriptedMenus(True, "html", "   "))
    assert written is None
    assert said == ["No file name given: nothing was saved."]
    assert list(tmp_path.iterdir()) == []


# ---- in a real terminal ------------------------------------------------------------------------


def _to_the_offer(child) -> None:
    to_the_reading_list(child)  # Enter alone at every question
    child.send(UP + ENTER)  # up from the first entry to the last: Finish
    child.expect("Save a summary")


def test_saving_a_summary_at_the_end_of_a_session(tmp_path):
    target = tmp_path / "for my appointment.html"
    child = spawn()
    _to_the_offer(child)
    child.send("y")
    child.expect("Which format")
    child.send(ENTER)  # HTML, the first choice
    child.expect("Which file should it be saved to")
    child.send(CTRL_U + str(target) + ENTER)  # Ctrl-U clears the suggested name
    child.expect("Saved: ")
    shown, code, stty = finish(child)
    assert code == 0
    assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def _dated(day: datetime.date, suffix: str = "") -> str:
    return f"treatment-options-summary-{day.isoformat()}{suffix}.html"


@pytest.mark.parametrize("program", [PROGRAM, PLAIN_PROGRAM], ids=["arrow keys", "plain"])
def test_declining_a_replace_then_enter_saves_a_new_file_in_a_real_terminal(tmp_path, program):
    today = datetime.date.today()  # the program's own clock: a run across midnight may fail once
    first = tmp_path / _dated(today)
    first.write_text("the first summary")
    child = spawn(f"cd {shlex.quote(str(tmp_path))} && {program}")
    if program == PLAIN_PROGRAM:
        plain_session(child, [""] * 7, at_the_end=lambda child: None)
        child.expect(r"Save a summary")
        child.expect(TYPING_LINE)
        child.sendline("y")
        child.expect("Which format")
        child.expect(TYPING_LINE)
        child.sendline("")  # HTML
        child.expect(r"Enter alone:\s+" + re.escape(first.name))
        child.sendline("")
        child.expect(r"Replace it\?")
        child.expect(TYPING_LINE)
        child.sendline("")  # no
        child.expect(r"Enter alone:\s+" + re.escape(_dated(today, "-2")))  # a new suggestion
        child.sendline("")
    else:
        _to_the_offer(child)
        child.send("y")
        child.expect("Which format")
        child.send(ENTER)  # HTML
        child.expect("Which file should it be saved to")  # the dated name suggested
        child.send(ENTER)
        child.expect(r"Replace it\?")
        child.send(ENTER)  # no
        child.expect(_dated(today, "-2"))  # a new suggestion
        child.send(ENTER)
    child.expect("Saved:")  # the long path may wrap after it
    shown, code, stty = finish(child)
    assert code == 0
    assert first.read_text() == "the first summary"
    assert (tmp_path / _dated(today, "-2")).read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert {path.name for path in tmp_path.iterdir()} == {first.name, _dated(today, "-2")}
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def test_ctrl_c_at_the_offer_saves_nothing_and_still_refers(tmp_path):
    child = spawn(f"cd {shlex.quote(str(tmp_path))} && {PROGRAM}")
    _to_the_offer(child)
    child.send(CTRL_C)
    shown, code, stty = finish(child)
    assert code == 130
    assert "Nothing was saved" in shown
    assert list(tmp_path.iterdir()) == []
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def test_saving_markdown_with_numbered_menus_and_replacing_only_after_a_yes(tmp_path):
    target = tmp_path / "summary.md"
    target.write_text("an older summary")

    def save(child) -> None:
        child.expect(r"Save a summary")
        child.expect(TYPING_LINE)
        child.sendline("y")
        child.expect("Which format")
        child.expect(TYPING_LINE)
        child.sendline("2")  # Markdown
        child.expect(TYPING_LINE)
        child.sendline(str(target))
        child.expect(r"Replace it\?")
        child.expect(TYPING_LINE)
        child.sendline("")  # no: asked for another name
        child.expect(TYPING_LINE)
        child.sendline(str(target))
        child.expect(r"Replace it\?")
        child.expect(TYPING_LINE)
        child.sendline("y")
        child.expect("Saved: ")

    child = spawn(PLAIN_PROGRAM)
    plain_session(child, [""] * 7, at_the_end=save)
    shown, code, stty = finish(child)
    assert code == 0
    saved = target.read_text(encoding="utf-8")
    assert saved.startswith("# Treatment options")
    assert saved.rstrip().endswith("call 911.")
    assert_referral_last(shown)
    assert_terminal_sane(stty)


def test_interactively_a_file_name_the_system_refuses_asks_for_another(here):
    child = spawn(PLAIN_PROGRAM, cwd=here)
    to_the_file_name(child, plain=True)
    child.sendline("a" * 300)
    child.expect("Could not save")
    child.expect("Try another file name")
    child.sendline("n")
    assert_ended_calmly(child, 0)
    assert os.listdir(here) == ["answers.json"]


def test_an_interactive_save_to_a_dangling_link_says_so_and_follows_nothing(here):
    (here / "s.html").symlink_to(here / "missing.html")
    child = spawn(PLAIN_PROGRAM, cwd=here)
    to_the_file_name(child, plain=True)
    child.sendline("s.html")
    child.expect("already exists")
    child.expect(TYPING_LINE)
    child.sendline("")  # no: asked for another name
    child.expect("Which file should it be saved to")
    child.send(CTRL_C)
    assert_stopped_calmly(child)
    assert os.readlink(here / "s.html") == str(here / "missing.html")
    assert sorted(os.listdir(here)) == ["answers.json", "s.html"]


@pytest.mark.parametrize("program", [PROGRAM, PLAIN_PROGRAM], ids=["arrow keys", "plain"])
def test_a_pasted_file_name_with_a_nul_byte_never_ends_the_session_with_an_apology(here, program):
    plain = program == PLAIN_PROGRAM
    child = spawn(program, cwd=here)
    to_the_file_name(child, plain=plain)
    if plain:
        child.expect(TYPING_LINE)
        child.sendline("s\x00.html")
    else:
        child.expect(r"\? ")  # the suggested name is drawn: Ctrl-U clears it
        child.send(CTRL_U + BRACKETED_PASTE.format("s\x00.html") + ENTER)
    outcome = child.expect(["Saved: ", "Try another file name", "sorry, something went wrong"])
    assert outcome != 2, "the session ended with the apology"
    if outcome == 1:  # refused: asked for another
        child.send("n" + ENTER if plain else "n")
    assert_ended_calmly(child, 0)
    assert not [name for name in os.listdir(here) if not name.isprintable()]
