"""The explorer speaks the language chosen for the run: `--lang es` or `--lang en`, else the
locale in GNU order (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG). The first screen and --help say,
in the other language, how to switch. The referral says what is true in Spanish. A translated
section is marked as an unofficial translation, with its English original one key away in the
reader and beside it in JSON, where `text` stays the verbatim English quote."""

from __future__ import annotations

import io
import json

import pytest

from explorer import i18n
from explorer.ask.terminal import Terminal
from explorer.cli import ending, main
from explorer.content.answers import Answers
from explorer.i18n.choice import HOW_TO_SWITCH, language_asked, language_of_locale
from explorer.infer.reading_list import build_result
from explorer.published.reading_list import reading_list_json
from explorer.render.reading import reading_page
from explorer.render.text import first_screen
from explorer.render.translated import original_page
from explorer.session.pager import Prompts, page

from .helpers.run import DAY, FakeStdin, made_up_environment

SPANISH_HEADING = "HABLE CON UN PROFESIONAL DE LA SALUD"
ENGLISH_HEADING = "TALK TO A HEALTHCARE PROFESSIONAL"


def run_in(argv: list[str], environ: dict[str, str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = made_up_environment(FakeStdin(io.BytesIO(stdin)), out, err, environ=environ)
    code = main.main(argv, env)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "es_US.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_ES"}, "es"),
        ({"LANG": "es"}, "es"),
        ({"LANG": "es_PR.utf8@euro"}, "es"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "es_US.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_US.UTF-8"}, "en"),
        ({"LC_ALL": "es_CO.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        ({"LANGUAGE": "es", "LC_ALL": "en_US.UTF-8"}, "es"),
        ({"LANGUAGE": "fr:es:en", "LANG": "en_US.UTF-8"}, "es"),
        ({"LANGUAGE": "en:es", "LANG": "es_US.UTF-8"}, "en"),
        ({"LANGUAGE": "fr", "LANG": "es_MX.UTF-8"}, "es"),  # none of LANGUAGE's is spoken: the next decides
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "es_US"}, "es"),  # empty is unset
    ],
)
def test_the_locale_chooses_the_language_in_gnu_order(environ, expected):
    assert language_of_locale(environ) == expected


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "es"], "es"),
        (["--lang=en", "about"], "en"),
        (["about", "--lang", "fr"], None),  # the parser refuses it, in the locale's language
        (["--", "--lang", "es"], None),
        (["--lang"], None),
    ],
)
def test_lang_is_read_before_anything_is_said(argv, expected):
    assert language_asked(argv) == expected


def test_lang_wins_over_the_locale():
    assert ENGLISH_HEADING in run_in(["about", "--lang", "en"], {"LANG": "es_US.UTF-8"})[1]
    assert SPANISH_HEADING in run_in(["about", "--lang=es"], {"LANG": "en_US.UTF-8"})[1]
    assert SPANISH_HEADING in run_in(["about"], {"LANG": "es_MX.UTF-8"})[1]
    assert ENGLISH_HEADING in run_in(["about"], {"LANG": "en_US.UTF-8"})[1]


def test_a_language_the_explorer_does_not_speak_is_refused_in_the_locales():
    code, _, err = run_in(["about", "--lang", "fr"], {"LANG": "es_US.UTF-8"})
    assert code == 2
    assert "treatment-explorer: argumento --lang: valor no válido: 'fr'" in err
    assert err.rstrip().endswith("En una emergencia o una sobredosis: llame al 911.")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_first_screen_says_in_the_other_language_how_to_switch(language):
    i18n.use(language)
    screen = first_screen(80)
    other = "es" if language == "en" else "en"
    assert screen.rstrip().endswith(HOW_TO_SWITCH[language])
    assert f"--lang {other}" in HOW_TO_SWITCH[language]
    assert HOW_TO_SWITCH[language].startswith("En español" if language == "en" else "In English")


@pytest.mark.parametrize("language", ["en", "es"])
def test_help_says_in_the_other_language_how_to_switch(language):
    _, out, _ = run_in(["--help", "--lang", language], {})
    assert HOW_TO_SWITCH[language] in out
    assert ("uso: treatment-explorer" if language == "es" else "usage: treatment-explorer") in out


def test_the_spanish_referral_says_what_is_true_in_spanish():
    _, out, _ = run_in(["sections", "--lang", "es"], {})
    referral = " ".join(out[out.rfind(SPANISH_HEADING) :].split())
    for fact in (
        "1-800-662-HELP (4357), TTY: 1-800-487-4889",
        "en español y en inglés",  # the Helpline answers in Spanish
        "llame al 988 y marque 2",
        "envíe AYUDA por mensaje de texto al 988",
        "al 435748 (solo en inglés)",  # the service without Spanish, named as such
        "FindTreatment.gov",
        "llame al 911",
    ):
        assert fact in referral, fact
    assert referral.endswith("En una emergencia o una sobredosis: llame al 911.")


def test_the_last_words_are_in_the_runs_language_even_when_the_ending_fails():
    i18n.use("es")
    err = io.StringIO()
    words = ending.LastWords(made_up_environment(stderr=err))
    i18n.use("en")  # what the run says once it has started no longer matters: the words are ready
    assert words.say(KeyboardInterrupt(), MemoryError()) == 130
    assert err.getvalue().startswith("\nDetenido.\n\nHable con un profesional de la salud\n")
    assert "marque 2" in err.getvalue()


def test_json_names_its_language(catalog):
    for language, heading in (("en", ENGLISH_HEADING), ("es", SPANISH_HEADING)):
        _, out, _ = run_in(["--answers", "-", "--format", "json", "--lang", language], {}, stdin=b"{}")
        data = json.loads(out)
        assert data["lang"] == language
        assert list(data)[:2] == ["format_version", "lang"]
        assert heading.title().split()[0] in data["referral"]["text"]
        for item in data["suggestions"]:  # the quote stays the document's own English, in either language
            assert item["text"] == catalog.sections[item["id"]].text


def a_result(catalog, engine):
    answers = Answers.model_validate({})
    return build_result(catalog, answers, engine.fired(answers), DAY)


def _translated(result, translation="Traducción de prueba. Dice otra cosa."):
    first = result.suggestions[0].model_copy(update={"translation": translation})
    return result.model_copy(update={"suggestions": (first, *result.suggestions[1:])}), first


def test_a_translation_is_its_own_json_field_beside_the_verbatim_text(catalog, engine):
    i18n.use("es")
    result, first = _translated(a_result(catalog, engine))
    shown = reading_list_json(result)["suggestions"]
    assert shown[0]["translation"] == first.translation
    assert shown[0]["text"] == catalog.sections[first.id].text
    assert all("translation" not in item for item in shown[1:])  # none given: absent, never the English again


def test_a_translated_section_is_marked_with_its_english_original_one_key_away(catalog, engine):
    i18n.use("es")
    result, item = _translated(a_result(catalog, engine))
    shown = reading_page(item, 80)
    assert "Traducción no oficial del artículo en inglés:" in shown
    assert item.translation in shown
    assert item.text.split("\n")[0][:60] not in shown  # the page shows the translation, not the quote
    original = original_page(item, 80)
    assert "El original en inglés, palabra por palabra:" in original
    assert " ".join(item.text.split())[:200] in " ".join(original.split())

    said, keys = [], iter(["o", "enter"])
    terminal = Terminal(None, width=80, rows=40, show=said.append, read_key=lambda prompt: next(keys))
    prompts = Prompts(("-- more · o: el original en inglés --",), ("-- fin --",))
    assert page(terminal, lambda width: shown, prompts, original=lambda width: original).to_the_end
    assert "El original en inglés, palabra por palabra:" in "\n".join(said)


def test_an_untranslated_section_shows_the_quote_as_in_english(catalog, engine):
    i18n.use("es")
    item = a_result(catalog, engine).suggestions[0].model_copy(update={"translation": None})
    shown = reading_page(item, 80)
    assert "Traducción no oficial" not in shown
    assert " ".join(item.text.split())[:120] in " ".join(shown.split())
