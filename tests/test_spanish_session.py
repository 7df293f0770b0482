"""A whole session in Spanish, in a real terminal (pexpect + pyte), as a person would run it: from
the first question to the referral, with the arrow-key menus and with --plain, at 40 and at 80
columns. What the screen showed has no English left (the documents' own words aside, which are
marked); a translated section shows its English original on one key (o); Ctrl-C ends with the
Spanish referral last."""

from __future__ import annotations

import pytest

from .helpers.keys import CTRL_C, ENTER, UP
from .helpers.pty import PROGRAM, assert_terminal_sane, finish, recorded, screen_lines, spawn
from .helpers.spanish_output import english_left

SPANISH = f"{PROGRAM} --lang es"
ARROWS = r"\(flechas o número"  # the arrow-key menus' hint, once a menu is drawn
TYPING = r"(solo Enter:\s+[^)]*|del 1 al\s+\d+)\): "  # the end of the line where a number is typed
PAGER_END = r"(lista|lectura|inglés)(?: --|\.) "  # the pager's last line waits here for a key or a line
# A screen's last line when more follows, whole (wrapped over two lines on a narrow terminal).
MORE = r"(?:-- sigue|Sigue\.) (?:[^\r\n]|\r\n)*?(?:lista|lectura|inglés)(?: --|\.) "
NOTES_END = r"Enter: la lista de lectura(?: --|\.) "  # the last line of the notes on the whole list
READING_LIST = "Abra una sección"  # short: the question wraps on a narrow terminal
REFERRAL_HEADING = "HABLE CON UN PROFESIONAL DE LA SALUD"
REFERRAL_LAST = "En una emergencia o una sobredosis: llame al 911."
QUESTIONS = 7


def _menu(child, plain: bool) -> None:
    child.expect(TYPING if plain else ARROWS)


def _through_the_pager(child, plain: bool) -> None:
    """Enter at each screen of a page until its last line (the notes on the whole list)."""
    while child.expect([MORE, NOTES_END]) == 0:
        child.send(ENTER)
    child.send(ENTER)


def _to_the_reading_list(child, plain: bool) -> int:
    """Enter alone at every question, skips the optional step, goes on with the answers and past
    the notes on the whole list; returns the number of sections listed."""
    child.expect("¿Para quién busca opciones?")
    for _number in range(QUESTIONS):
        _menu(child, plain)
        child.send(ENTER)
    child.expect("Un paso más, opcional")
    _menu(child, plain)
    child.send(ENTER)
    child.expect(r"¿Seguir o cambiar una respuesta\?")
    _menu(child, plain)
    child.send(ENTER)
    _through_the_pager(child, plain)
    child.expect(r"Lista de lectura: (\d+) secciones")
    count = int(child.match.group(1))
    child.expect(READING_LIST)
    _menu(child, plain)
    return count


FINISH_AFTER = 3  # the reading list's menu: the sections, Compare, Change an answer, then Finish


def _finish_and_decline(child, plain: bool, count: int) -> None:
    child.send(f"{count + FINISH_AFTER}{ENTER}" if plain else UP + ENTER)
    child.expect(r"¿Guardar un resumen")
    child.expect(TYPING if plain else r"\(y = sí / N = no\)")
    child.send(ENTER)


def _shown_in_spanish(raw, cols: int) -> str:
    lines = screen_lines(raw, cols, 24)
    text = "\n".join(lines)
    assert max(len(line) for line in lines) <= cols
    return text


@pytest.mark.parametrize("cols", [40, 80])
@pytest.mark.parametrize("plain", [False, True], ids=["arrow menus", "plain"])
def test_a_spanish_session_from_the_first_question_to_the_referral(plain, cols):
    child = spawn(SPANISH + (" --plain" if plain else ""), rows=24, cols=cols)
    raw = recorded(child)
    count = _to_the_reading_list(child, plain)
    _finish_and_decline(child, plain, count)
    shown, code, stty = finish(child)
    assert code == 0, shown[-1500:]
    assert "Traceback" not in shown
    assert_terminal_sane(stty)
    screen = _shown_in_spanish(raw, cols)
    tail = " ".join(screen[screen.rfind(REFERRAL_HEADING) :].split())
    assert tail.endswith(REFERRAL_LAST), tail[-300:]
    assert "marque 2" in tail and "AYUDA" in tail
    assert "In English: treatment-explorer --lang en" in " ".join(screen.split())  # the first screen says how to switch
    assert english_left(screen) == []


@pytest.mark.parametrize("plain", [False, True], ids=["arrow menus", "plain"])
def test_a_translated_section_shows_its_english_original_on_o(plain):
    child = spawn(SPANISH + (" --plain" if plain else ""), rows=24, cols=80)
    _to_the_reading_list(child, plain)
    child.send(ENTER if not plain else f"1{ENTER}")  # the first section
    child.expect("Traducción no oficial del artículo en inglés:")
    child.expect(r"o: el original en inglés")
    child.send("o" if not plain else f"o{ENTER}")
    child.expect("El original en inglés, palabra por palabra:")
    child.send("b" if not plain else f"b{ENTER}")
    child.expect(READING_LIST)
    child.send(CTRL_C)
    shown, code, _stty = finish(child)
    assert code == 130


@pytest.mark.parametrize("plain", [False, True], ids=["arrow menus", "plain"])
def test_ctrl_c_ends_a_spanish_session_with_the_spanish_referral_last(plain):
    child = spawn(SPANISH + (" --plain" if plain else ""), rows=24, cols=80)
    child.expect("¿Para quién busca opciones?")
    _menu(child, plain)
    child.send(ENTER)
    _menu(child, plain)
    child.send(CTRL_C)
    shown, code, stty = finish(child)
    assert code == 130
    assert "Detenido. No se guardó nada." in shown
    flat = " ".join(shown.split())
    assert flat.rfind(REFERRAL_HEADING) > flat.rfind("Detenido.")
    assert flat.endswith(REFERRAL_LAST), flat[-300:]
    assert_terminal_sane(stty)


def test_the_locale_alone_starts_a_spanish_session():
    child = spawn(PROGRAM, rows=24, cols=80, LANGUAGE=None, LC_ALL=None, LC_MESSAGES=None, LANG="es_MX.UTF-8")
    child.expect("¿Para quién busca opciones?")
    child.expect(ARROWS)
    child.send(CTRL_C)
    shown, code, _stty = finish(child)
    assert code == 130
    assert " ".join(shown.split()).endswith(REFERRAL_LAST)
