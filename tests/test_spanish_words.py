"""Every word the explorer says in code has its Spanish, in a catalog a translator can review
(explorer/locale/es/LC_MESSAGES/explorer.po): nothing the code says is missing from it, nothing in
it is stale, numbers, phone numbers, web addresses, placeholders, options and drug names are the
same in both, the catalog compiles to what gettext reads, and the Spanish is plain (Fernández-Huerta
70 or more, textstat 0.7.3). Spanish output carries no English left behind: the detector is shown
catching a planted English sentence."""

from __future__ import annotations

import gettext
import io
import json
import re

import pytest

from explorer import i18n
from explorer.cli import main
from explorer.i18n.extract import messages
from explorer.i18n.messages import catalog_paths
from explorer.i18n.po import compile_po, read_po
from explorer.render.finish import referral

from .helpers.content import PROJECT_ROOT
from .helpers.run import FakeStdin, made_up_environment
from .helpers.spanish_output import english_left, parity_problems

PO, _MO = catalog_paths("es", PROJECT_ROOT / "explorer" / "locale")


def entries() -> dict[str, object]:
    return {entry.msgid: entry for entry in read_po(PO) if entry.msgid}


def untranslated(root, catalog) -> list[str]:
    """The messages the code under `root` says that `catalog` (msgid -> entry) does not translate."""
    missing = []
    for message in messages(root):
        entry = catalog.get(message.msgid)
        if entry is None or entry.fuzzy or not (entry.msgstr or (entry.plurals and all(entry.plurals))):
            missing.append(f"{message.where}: {message.msgid!r}")
    return missing


def test_every_message_the_code_says_has_its_spanish():
    assert untranslated(PROJECT_ROOT, entries()) == []


def test_a_message_without_its_spanish_is_found(tmp_path):
    (tmp_path / "explorer").mkdir()
    (tmp_path / "explorer" / "planted.py").write_text(
        'from explorer.i18n import _\n_("A sentence nobody translated.")\n'
    )
    assert untranslated(tmp_path, entries()) == ["explorer/planted.py:2: 'A sentence nobody translated.'"]


def test_the_catalog_holds_no_message_the_code_no_longer_says():
    said = {message.msgid for message in messages(PROJECT_ROOT)}
    assert sorted(set(entries()) - said) == [], "run scripts/update_messages.py"


def test_numbers_phone_numbers_addresses_placeholders_and_drug_names_are_the_same_in_spanish():
    problems = []
    for entry in entries().values():
        for english, spanish in ((entry.msgid, entry.msgstr), (entry.plural, " ".join(entry.plurals))):
            if english and spanish:
                problems += parity_problems(english, spanish)
    assert problems == []


@pytest.mark.parametrize(
    ("english", "planted"),
    [
        ("Call 1-800-662-HELP (4357).", "Llame al 1-800-662-HELP (4356)."),  # a digit changed
        ("See FindTreatment.gov.", "Vea FindTreatment.org."),
        ("Saved to {path}.", "Se guardó en {ruta}."),
        ("Run it with --plain.", "Ejecútelo con --simple."),
        ("Methadone is taken daily.", "La metadone se toma cada día."),
        ("Ask about Suboxone.", "Pregunte por Subozone."),
    ],
)
def test_a_translation_that_changes_what_must_stay_the_same_is_found(english, planted):
    assert parity_problems(english, planted) != []


def test_the_catalog_compiles_to_what_gettext_reads(tmp_path):
    compiled = tmp_path / "explorer.mo"
    compile_po(PO, compiled)
    with compiled.open("rb") as file:
        catalog = gettext.GNUTranslations(file)
    translated = [entry for entry in entries().values() if entry.msgstr and not entry.fuzzy]
    assert translated
    for entry in translated:
        assert catalog.gettext(entry.msgid) == entry.msgstr
    assert catalog.gettext("A message the catalog does not have.") == "A message the catalog does not have."


def test_a_fuzzy_translation_is_left_out_as_msgfmt_leaves_it(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Finish"\nmsgstr "Terminar"\n\nmsgid "Back"\nmsgstr ""\n"Vol"\n"ver"\n',
        encoding="utf-8",
    )
    compile_po(po, tmp_path / "x.mo")
    with (tmp_path / "x.mo").open("rb") as file:
        catalog = gettext.GNUTranslations(file)
    assert (catalog.gettext("Finish"), catalog.gettext("Back")) == ("Finish", "Volver")


def test_the_spanish_words_are_plain():
    """Fernández-Huerta (textstat 0.7.3, offline) over the explorer's own Spanish words together:
    70 or more is "fairly easy" Spanish. argparse's technical names are left out."""
    import textstat

    technical = {"positional arguments", "argument %(argument_name)s: %(message)s"}
    words = [re.sub(r"\{\w*\}|%\(\w+\)[sdr]|%[sdr]", "", e.msgstr).strip() for e in entries().values()]
    words = [w for w, e in zip(words, entries().values(), strict=True) if w and e.msgid not in technical]
    # Each message is said on its own: a sentence of its own, ended where it has no mark of its own.
    text = " ".join(w if w[-1] in ".?!:" else w + "." for w in words)
    textstat.set_lang("es")
    try:
        score = textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en_US")
    assert score >= 70, score


# ---- English left in Spanish output ----------------------------------------------------------


def spanish_run(*argv: str, stdin: bytes = b"") -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    main.main([*argv, "--lang", "es"], made_up_environment(FakeStdin(io.BytesIO(stdin)), out, err))
    return out.getvalue(), err.getvalue()


def test_english_left_in_spanish_output_is_found():
    i18n.use("es")
    spanish = referral(80)
    assert english_left(spanish) == []
    planted = spanish.replace("\n  Estos números", "\n  Stay with the person until help is there.\n  Estos números")
    assert planted != spanish
    assert english_left(planted) == ["Stay with the person until help is there."]
    assert english_left("Lea esto.\nRead this before you go on.\nSiga.") == ["Read this before you go on."]
    assert english_left("(en inglés) What to expect from the first visit") == []  # marked as English


SPANISH_OUTPUTS = [
    ("referral of a refusal", ("show",)),
    ("--help", ("--help",)),
    ("about", ("about",)),
    ("glossary", ("glossary",)),
    ("disclaimer", ("disclaimer",)),
    ("compare", ("compare",)),
    ("compare --plain", ("compare", "--plain")),
    ("sections", ("sections",)),
    ("rules", ("rules",)),
    ("show", ("show", "naloxone-overdose")),
    ("a usage error", ("sections", "--save", "x.html")),
    ("a bad answers file", ("--answers", "/nonexistent/answers.json")),
]


@pytest.mark.parametrize(("name", "argv"), SPANISH_OUTPUTS, ids=[name for name, _ in SPANISH_OUTPUTS])
def test_spanish_output_has_no_english_left(name, argv):
    out, err = spanish_run(*argv)
    if "show" in argv and len(argv) > 1:  # the English original, after its heading, is English by design
        out = out.split("El original en inglés, palabra por palabra:")[0]
    assert english_left(out + err) == []


def test_a_spanish_reading_list_has_no_english_left_but_its_originals():
    out, _err = spanish_run("--answers", "-", stdin=b'{"interests": ["overdose", "side_effects"]}')
    spanish = re.sub(
        r"El original en inglés, palabra por palabra:.*?(?=\n─|\Z)", " ", out, flags=re.DOTALL
    )  # each original runs to the next section's rule line
    assert "Traducción no oficial del artículo en inglés:" in out
    assert english_left(spanish) == []


def test_spanish_json_has_no_english_left_in_the_explorers_own_words():
    out, _ = spanish_run("--answers", "-", "--format", "json", stdin=b"{}")
    data = json.loads(out)
    for item in data["suggestions"]:
        item.pop("text")  # the document's own English, verbatim by design

    def values(node):  # the words, not the keys (the keys are the published contract's, in English)
        if isinstance(node, dict):
            # A note's sources are cited as published (their titles and publishers are English
            # papers and pages); the words around them are the explorer's and are checked.
            return [v for key, value in node.items() if key != "sources" for v in values(value)]
        if isinstance(node, list):
            return [v for value in node for v in values(value)]
        return [node] if isinstance(node, str) else []

    assert english_left("\n".join(values(data))) == []
