"""The content in Spanish (data/es/, laid over the English by explorer/content/translation.py):
every entry translated from the English as it is now, never a stale translation shown; numbers,
web addresses, drug names and placeholders kept; the fixed terms used the same way everywhere; no
word that labels a person; no English left; plain Spanish (Fernández-Huerta 70 or more). Each
detector is shown catching a defect planted in a copy of the content."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.readability import EASE_TARGET_ES, Words, ease_es, own_words
from explorer.content.catalog import load_catalog
from explorer.content.resources import disclaimer_path
from explorer.content.translation import UNTRANSLATED_MARK, file_for, fingerprint, read_translations, translated
from explorer.content.translation_status import english_fields, english_parts, orphaned, unclassified, untranslated

from .helpers.content import edit_file
from .helpers.spanish import ADDRESS, NUMBER, english_left, fixed_terms_missed, kept_apart, labels_people, pairs

ROOT = Path(__file__).resolve().parent.parent


def test_every_english_entry_has_a_current_spanish_translation():
    assert untranslated(ROOT, "es") == {}
    assert len(pairs(ROOT)) == len(english_fields(ROOT)) - 1 > 400  # the disclaimer is translated whole
    assert orphaned(ROOT, "es") == []


def _misplaced(root: Path) -> list[str]:
    """Translations kept in another file than the one file_for() names, where a run that reads
    only that file (the summary's own words) would not find them."""
    return sorted(key for key, kept in read_translations(root, "es").items() if kept.file.name != file_for(key))


def test_each_translation_is_kept_in_the_file_a_run_reads_it_from():
    assert _misplaced(ROOT) == []
    question = next(key for key in english_fields(ROOT) if key.startswith("summary.ask."))
    english = english_fields(ROOT)[question]
    assert not translated(question, english, "es", ROOT).startswith(UNTRANSLATED_MARK)


def test_a_translation_kept_in_the_wrong_file_is_caught(content_copy):
    spanish = content_copy / "data" / "es"
    (spanish / "rules-summary.toml").rename(spanish / "summary.toml")
    assert _misplaced(content_copy) and all(key.startswith("summary.") for key in _misplaced(content_copy))
    question = next(key for key in english_fields(content_copy) if key.startswith("summary.ask."))
    english = english_fields(content_copy)[question]
    assert translated(question, english, "es", content_copy) == UNTRANSLATED_MARK + english


def test_a_translation_of_english_that_is_gone_is_found(content_copy):
    with (content_copy / "data" / "es" / "notes.toml").open("a", encoding="utf-8") as spanish:
        spanish.write('\n["notes.a-note-since-removed.text"]\nen = "0123456789abcdef"\nes = "Una nota."\n')
    assert orphaned(content_copy, "es") == ["notes.a-note-since-removed.text"]


def test_a_short_quote_s_translation_is_beside_it_wherever_it_is_shown(catalog):
    from explorer.content.comparison import load_comparison

    spanish = load_catalog(language="es")
    caution = spanish.rules.caution[0]
    assert caution.quote == catalog.rules.caution[0].quote and caution.translation
    cells = [cell for row in load_comparison(spanish).rows for cell in row.cells.values() if not cell.silent]
    assert cells and all(cell.translation for cell in cells)
    assert all(cell.translation is None for row in load_comparison(catalog).rows for cell in row.cells.values())


def test_a_changed_english_note_makes_its_translation_stale_and_never_shown(content_copy):
    edit_file(content_copy / "data" / "notes.toml", "After a time without opioids,", "After some time without opioids,")
    assert untranslated(content_copy, "es") == {"notes.lost-tolerance.text": "stale"}
    note = load_catalog(content_copy, "es").notes["lost-tolerance"]
    assert note.text.startswith(UNTRANSLATED_MARK + "After some time without opioids,")
    assert load_catalog(content_copy, "es").notes["xylazine"].text.startswith("La xilacina")


def test_a_quote_s_stale_translation_is_not_shown_and_the_english_original_stays(content_copy):
    spanish = content_copy / "data" / "es" / "sections.toml"
    text = load_catalog(content_copy).sections["naloxone-overdose"].text
    edit_file(spanish, f'en = "{fingerprint(text)}"', 'en = "0000000000000000"')
    assert untranslated(content_copy, "es") == {"sections.naloxone-overdose.text": "stale"}
    section = load_catalog(content_copy, "es").sections["naloxone-overdose"]
    assert section.translation is None and section.text == text


def test_the_spanish_catalog_has_every_own_word_in_spanish_and_every_quote_beside_its_translation(catalog):
    spanish = load_catalog(language="es")
    assert spanish.language == "es" and catalog.language == "en"
    every = [n.text for n in spanish.notes.values()] + [q.prompt for q in spanish.questions]
    every += [rule.reason for rule in spanish.rules.suggest]
    assert not any(UNTRANSLATED_MARK in text for text in every)
    assert spanish.questions[0].prompt == "¿Para quién busca opciones?"
    for section_id, section in spanish.sections.items():
        assert section.text == catalog.sections[section_id].text  # the quote stays verbatim English
        assert section.translation and section.translation != section.text
        assert catalog.sections[section_id].translation is None


def test_the_english_catalog_is_the_same_with_or_without_the_spanish(catalog, content_copy):
    shutil.rmtree(content_copy / "data" / "es")
    without = load_catalog(content_copy)
    assert without.questions == catalog.questions and without.notes == catalog.notes
    assert without.sections == catalog.sections and without.rules == catalog.rules


def test_translations_keep_numbers_web_addresses_drug_names_and_placeholders():
    assert [problem for pair in pairs(ROOT) for problem in kept_apart(pair)] == []


def test_a_changed_number_in_a_translation_is_caught(content_copy):
    edit_file(content_copy / "data" / "es" / "notes.toml", "necesita de 7 a 10 días", "necesita de 8 a 10 días")
    edit_file(content_copy / "data" / "es" / "notes.toml", "con metadona o buprenorfina", "con metadona")
    problems = [problem for pair in pairs(content_copy) for problem in kept_apart(pair)]
    assert any(p.startswith("notes.naltrexone-start-timing.text: numbers") for p in problems), problems
    assert any("buprenorphine is named in one and not the other" in p for p in problems), problems


def test_the_fixed_terms_are_used_the_same_way_everywhere():
    assert [problem for pair in pairs(ROOT) for problem in fixed_terms_missed(pair)] == []


def test_another_word_for_a_fixed_term_is_caught(content_copy):
    edit_file(content_copy / "data" / "es" / "glossary.toml", '"síndrome de abstinencia"', '"retirada"')
    problems = [problem for pair in pairs(content_copy) for problem in fixed_terms_missed(pair)]
    assert any(p.startswith("glossary.withdrawal.term") for p in problems), problems


def test_no_english_is_left_in_the_spanish_own_words():
    assert [problem for pair in pairs(ROOT) for problem in english_left(pair)] == []


def test_an_english_sentence_planted_in_the_spanish_is_caught(content_copy):
    edit_file(
        content_copy / "data" / "es" / "notes.toml",
        'es = "La xilacina,',
        'es = "Xylazine is often mixed with fentanyl and the shot. La xilacina,',
    )
    problems = [problem for pair in pairs(content_copy) for problem in english_left(pair)]
    assert any(p.startswith("notes.xylazine.text: English word") for p in problems), problems


def test_the_spanish_own_words_label_no_one_by_drug_use(content_copy):
    assert [problem for pair in pairs(ROOT) for problem in labels_people(pair)] == []
    edit_file(
        content_copy / "data" / "es" / "notes.toml", "las personas pueden no saber", "los adictos pueden no saber"
    )
    problems = [problem for pair in pairs(content_copy) for problem in labels_people(pair)]
    assert any(p.startswith("notes.fentanyl-in-the-supply.text") for p in problems), problems


def test_the_spanish_own_words_read_plainly_together():
    words = own_words(load_catalog(language="es"), ROOT)
    assert ease_es([w.text for w in words]) >= EASE_TARGET_ES
    assert "¿Para quién busca opciones?" in "\n".join(w.text for w in words)


def test_hard_spanish_fails_the_ease():
    hard = (
        "No obstante las consideraciones farmacológicas anteriormente mencionadas, las determinaciones "
        "terapéuticas individualizadas requieren una evaluación multidisciplinaria exhaustiva, incorporando "
        "características epidemiológicas, fisiológicas y psicosociales sistemáticamente documentadas."
    )
    planted = [Words(w.kind, w.where, hard) for w in own_words(load_catalog(language="es"), ROOT)]
    assert ease_es([w.text for w in planted]) < EASE_TARGET_ES
    assert ease_es(["Hay ayuda. Puede llamar hoy.", "Mucho", "Poco"]) > EASE_TARGET_ES


def test_the_spanish_disclaimer_keeps_every_number_and_says_where_help_speaks_spanish():
    english = (ROOT / "DISCLAIMER.md").read_text(encoding="utf-8")
    spanish = (ROOT / "DISCLAIMER.es.md").read_text(encoding="utf-8")
    assert set(NUMBER.findall(english)) <= set(NUMBER.findall(spanish))
    assert set(ADDRESS.findall(english)) == set(ADDRESS.findall(spanish))
    assert "marque 2" in spanish and "AYUDA" in spanish  # 988 in Spanish
    assert "435748 es solo en inglés" in spanish  # the one service with no Spanish says so
    assert disclaimer_path("es").name == "DISCLAIMER.es.md" and disclaimer_path().name == "DISCLAIMER.md"


def test_a_changed_english_disclaimer_makes_the_spanish_copy_stale(content_copy):
    assert "disclaimer" not in untranslated(ROOT, "es")
    english = (ROOT / "DISCLAIMER.md").read_text(encoding="utf-8")
    (content_copy / "DISCLAIMER.md").write_text(english.replace("call 911 now", "call 911 at once"), encoding="utf-8")
    assert untranslated(content_copy, "es") == {"disclaimer": "stale"}


def test_each_spanish_glossary_form_names_one_term_only():
    seen: dict[str, str] = {}
    for term in load_catalog(language="es").glossary.values():
        for form in (term.term, *term.also):
            assert form.lower() not in seen, f"{form!r} is in {seen.get(form.lower())} and {term.id}"
            seen[form.lower()] = term.id
    assert seen["síndrome de abstinencia"] == "withdrawal" and seen["desintoxicación"] == "detox"


def test_every_text_field_of_the_content_is_either_translated_or_declared_to_stay_as_it_is():
    # A new kind of content (or a new field) whose words no one declared would go untranslated unseen.
    parts = english_parts(ROOT)
    assert unclassified(parts) == []
    parts["catalog"]["notes"][0]["caption"] = "A new field a reader would see"
    parts["figures"] = [{"id": "deaths", "label": "Deaths from any cause"}]
    assert unclassified(parts) == ["catalog.notes.caption", "figures.label"]


def test_a_spanish_sentence_is_worded_in_spanish_for_both_readers_whoever_calls():
    from explorer.content.wording import personalize

    reason = next(r.reason for r in load_catalog(language="es").rules.suggest if r.id == "setting-clinic-daily")
    assert "{usted} prefiere" in reason
    assert "usted prefiere" in personalize(reason, "self")
    assert "su ser querido prefiere" in personalize(reason, "someone_else")
    assert personalize("Which setting would {you} prefer?", "someone_else", "es") == (
        "Which setting would the person you care about prefer?"  # English left untranslated stays English
    )


def test_the_first_question_is_drawn_in_spanish_before_the_catalog_and_is_the_one_it_validates(content_copy):
    from explorer.content.arriving import read_first_question, session_content

    draft, total = read_first_question(ROOT, "es") or (None, 0)
    assert draft is not None and draft.prompt == "¿Para quién busca opciones?"
    assert [c.label for c in draft.choices][0] == "Para mí"
    edit_file(content_copy / "data" / "questions.toml", "Who are you exploring options for?", "For whom?")
    content = session_content(content_copy, "es")
    assert content.questions[0].prompt == UNTRANSLATED_MARK + "For whom?"  # stale: the English, marked
    assert len(content.questions.validated()) == total  # the draft is what the Spanish catalog holds


def test_the_figures_words_are_in_spanish_and_their_numbers_and_sources_as_published(content_copy):
    from explorer.content.figures import load_figures

    english = load_figures(load_catalog()).figures[0]
    for catalog in (load_catalog(language="es"), load_catalog(content_copy, "es")):  # snapshot, then checked
        spanish = load_figures(catalog).figures[0]
        assert spanish.name != english.name and "{option}" in spanish.says
        assert spanish.source == english.source and spanish.groups == english.groups
