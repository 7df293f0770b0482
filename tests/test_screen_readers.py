"""--plain is quiet for a screen reader, in a real terminal and in every command: no rule lines and
no decorative marks (words instead: "End of section 3 of 20"), web addresses never split across
lines, the reading list read out again only when asked (l), and a number accepted wherever a choice
is asked, the offer to save included."""

from __future__ import annotations

import re

import pytest

from explorer.content.catalog import load_catalog

from .helpers.keys import CTRL_C
from .helpers.pty import (
    MORE,
    PLAIN_PROGRAM,
    SECTION_END,
    TYPING_LINE,
    assert_stopped_calmly,
    past_the_answers,
    plain,
    press_enter_everywhere,
    program_output,
    recorded,
    spawn,
)
from .helpers.run import run_cli

# Rules, box lines, the pager's separators, bullets and the arrow menus' marks: read aloud, each is
# noise ("box drawings light horizontal" sixty times over).
DECORATION = re.compile(r"[─━┌┬┐├┼┤└┴┘│·•»○●↓]|^-- |^\s*-{3,}\s*$", re.MULTILINE)
AFTER_DETOX = ["2", "3", "2", "3", "1", "1", "4"]  # notes, cautions and the glossary come up


def decorations(text: str) -> list[str]:
    return sorted({match.group(0) for match in DECORATION.finditer(text)})


def test_the_decoration_check_sees_a_rule_and_a_bullet():
    assert decorations("Title\n────────\n  • a question\n-- more · Enter --") == ["-- ", "·", "•", "─"]
    assert decorations("Words only. End of section 3 of 20. “Quoted” – dashes stay.") == []


def test_a_whole_plain_session_prints_no_rule_lines_or_decorative_marks():
    child = spawn(PLAIN_PROGRAM, rows=24, cols=80)
    raw = recorded(child)
    for answer in AFTER_DETOX:
        child.expect(TYPING_LINE)
        child.sendline(answer)
    for answer in ("2", "1"):  # what matters: yes; how often one goes somewhere: a lot
        child.expect(TYPING_LINE)
        child.sendline(answer)
    assert press_enter_everywhere(child, plain_menus=True) == 0  # every section, what matters, the end
    shown = plain(program_output(raw))
    assert decorations(shown) == []
    assert re.search(r"End of section 1 of \d+\.", shown)  # words where the rules were
    assert "End of what matters." in shown
    assert "TALK TO A HEALTHCARE PROFESSIONAL" in shown  # the referral too, set apart by a blank line


@pytest.mark.parametrize(
    "command",
    [
        ["sections"],
        ["rules"],
        ["show", "naloxone-overdose"],
        ["compare"],
        ["about"],
        ["glossary"],
        ["disclaimer"],
        ["--answers", "-"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_every_command_with_plain_prints_no_rule_lines_or_decorative_marks(command):
    answers = '{"detox": "completed", "dosing": "monthly", "interests": ["overdose"], "matters": {"visits": "a_lot"}}'
    done = run_cli(*command, "--plain", stdin=answers if "--answers" in command else "")
    assert done.returncode == 0, done.stderr
    assert decorations(done.stdout) == [], command


def _addresses_of_notes_on(section_id: str) -> list[str]:
    catalog = load_catalog()
    notes = catalog.section_notes(catalog.sections[section_id])
    return [source.address for note in notes for source in note.sources]


@pytest.mark.parametrize("command", [["show", "naloxone-overdose"], ["--answers", "-"]], ids=["show", "--answers"])
def test_with_plain_a_web_address_is_never_split_across_lines(command):
    done = run_cli(*command, "--plain", stdin='{"interests": ["overdose"]}')
    addresses = _addresses_of_notes_on("naloxone-overdose")
    assert len(addresses) >= 4
    lines = done.stdout.splitlines()
    for address in addresses:
        assert any(address in line for line in lines), address  # whole, on one line


def test_in_a_plain_session_s_reads_out_the_sources_with_whole_addresses():
    child = spawn(PLAIN_PROGRAM, rows=24, cols=60)
    for answer in AFTER_DETOX:
        child.expect(TYPING_LINE)
        child.sendline(answer)
    past_the_answers(child, plain=True)
    child.expect("Open a section to read it, or finish:")
    child.expect(TYPING_LINE)
    child.sendline("1")  # naloxone, with notes of its own
    child.expect([MORE, SECTION_END])
    child.sendline("s")
    child.expect("Sources of the explorer's notes here:")
    child.expect([MORE, SECTION_END])
    lines = plain(child.before).splitlines()
    for address in _addresses_of_notes_on("naloxone-overdose"):
        assert any(line.strip() == address for line in lines), address
    child.send(CTRL_C)
    assert_stopped_calmly(child)


def test_the_offer_to_save_takes_a_number_like_every_other_choice():
    child = spawn(PLAIN_PROGRAM, rows=24, cols=80)
    for _ in range(8):  # the questions and the optional step
        child.expect(TYPING_LINE)
        child.sendline("")
    past_the_answers(child, plain=True)
    child.expect(r"(\d+)\. Finish")
    finish_number = child.match.group(1)
    child.expect(TYPING_LINE)
    child.sendline(finish_number)
    child.expect("Save a summary")
    child.expect(r"1\. Yes")
    child.expect(TYPING_LINE)
    child.sendline("1")  # yes, by its number
    child.expect("Which format")
    child.send(CTRL_C)
    assert_stopped_calmly(child)
