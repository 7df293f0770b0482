"""The explorer's own notes (data/notes.toml, rules/notes.toml) and the ordering policy
(rules/order.toml), proved over the whole answer space: each correction, note and ordering rule
where it belongs, and nowhere it does not; each note dated, sourced and in the explorer's words."""

from __future__ import annotations

import datetime
import json

import pytest

from .helpers.content import edit_file, refused
from .helpers.run import run_main

NALTREXONE_FIRST_STEP = "naltrexone"
AGONISTS = ("methadone", "buprenorphine")
BALANCE = {"limitations-of-traditional-approaches", "benefits-of-mat-in-detox"}

# Each outdated or wrong statement of the documents, the section it is in, and its dated correction.
CORRECTIONS = {
    "buprenorphine-and-suboxone": (
        "certified physicians through the Drug Addiction Treatment Act",
        "buprenorphine-no-waiver",
    ),
    "naloxone-overdose": ("Naloxone is used to treat heroin overdose", "naloxone-without-prescription"),
    "methadone-tablet-form": ("It comes in tablet form", "methadone-programs-and-liquid"),
    "methadone-specialized-clinics": ("dispensed on a daily basis", "methadone-take-home-doses"),
    "methadone-outpatient-programs": (
        "do not respond well to other medications",
        "methadone-and-buprenorphine-not-a-last-resort",
    ),
    "faq-what-is-heroin-addiction": ("increased alertness, and increased energy", "heroin-slows-the-body"),
    "what-is-mat": ("alleviate withdrawal symptoms", "naltrexone-does-not-relieve-withdrawal"),
    "how-medications-work": ("reducing cravings and withdrawal symptoms", "naltrexone-does-not-relieve-withdrawal"),
}
ALSO = {
    "methadone-tablet-form": "methadone-over-fifty-years",
    "methadone-outpatient-programs": "methadone-take-home-doses",
}


def _ids(notes) -> list[str]:
    return [note.id for note in notes]


def _sections_with(result, topic: str):
    return [s for s in result.suggestions if topic in s.topics]


# ---- the notes themselves --------------------------------------------------------------------------


def test_every_note_has_a_source_a_date_and_its_own_words(catalog):
    assert len(catalog.notes) >= 15
    for note in catalog.notes.values():
        assert note.sources, note.id
        for source in note.sources:
            assert source.publisher
            assert source.title
            assert source.address.startswith("https://")
            assert source.date
        assert note.checked <= datetime.date.today()  # checked, not to be checked
        assert 1 <= note.text.count(". ") + 1 <= 4, note.id  # one to three short sentences
        assert "“" not in note.text, "a note is never a quote"
        assert '"' not in note.text, "a note is never a quote"


def test_the_content_date_is_the_latest_check(catalog):
    from explorer.referral import CONTENT_CHECKED

    assert max(n.checked for n in catalog.notes.values()).isoformat() == CONTENT_CHECKED


@pytest.mark.parametrize(
    ("old", "new", "entry", "says"),
    [
        ('kind = "correction"', 'kind = "opinion"', "note buprenorphine-no-waiver", "kind"),
        (
            'checked = 2026-12-06\nreview_by = 2027-12-01\nsections = ["buprenorphine-and-suboxone"]',
            'review_by = 2027-12-01\nsections = ["buprenorphine-and-suboxone"]',
            "note buprenorphine-no-waiver",
            "checked",
        ),
        (
            'sections = ["faq-what-is-heroin-addiction"]',
            'sections = ["faq-what-heroin-is"]',
            "note heroin-slows-the-body",
            "faq-what-heroin-is",
        ),
        ('date = "2017-04-26"', 'date = "last year"', "note how-much-and-how-sure", "date"),
        (
            "checked = 2026-12-06\nreview_by = 2027-01-01",
            "checked = 2026-12-06\nreview_by = 2026-01-01",
            "note buprenorphine-telehealth",
            "review",
        ),
        ('text = "Heroin slows', 'text = "You should know that heroin slows', "note heroin-slows-the-body", "advise"),
        ('text = "Heroin slows', 'text = "Call 1-855-334-6120: heroin slows', "note heroin-slows-the-body", "phone"),
        ('name = "lost tolerance"\n', "", "note lost-tolerance", "name"),  # how a note is named once shown
        ('name = "lost tolerance"', 'name = "' + "a name that goes on and on " * 3 + '"', "note lost-tolerance", "50"),
    ],
)
def test_a_damaged_note_is_refused_naming_file_and_entry(content_copy, old, new, entry, says):
    from explorer.content.catalog import load_catalog

    edit_file(content_copy / "data" / "notes.toml", old, new)
    error = refused(lambda: load_catalog(content_copy), "notes.toml")
    assert error.entry == entry, str(error)
    assert says in str(error), str(error)


def test_a_note_beside_an_unknown_cell_is_refused(content_copy):
    from explorer.content.catalog import load_catalog
    from explorer.content.comparison import load_comparison

    edit_file(
        content_copy / "data" / "notes.toml", 'cells = ["who-gives-it/naltrexone"]', 'cells = ["who-gives-it/naloxone"]'
    )
    error = refused(lambda: load_comparison(load_catalog(content_copy), content_copy), "notes.toml")
    assert error.entry == "note naltrexone-any-prescriber"
    assert "who-gives-it/naloxone" in str(error)


def test_a_note_without_sources_is_refused(content_copy):
    from explorer.content.catalog import load_catalog

    path = content_copy / "data" / "notes.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[[note.source]]", text.index('id = "take-home-doses-and-children"'))  # the last note
    path.write_text(text[:start], encoding="utf-8")
    error = refused(lambda: load_catalog(content_copy), "notes.toml")
    assert error.entry == "note take-home-doses-and-children"
    assert "source" in str(error)


def test_a_note_rule_naming_an_unknown_note_is_refused(content_copy):
    from explorer.content.catalog import load_catalog

    edit_file(
        content_copy / "rules" / "notes.toml",
        'notes = ["lost-tolerance", "first-weeks-after-detox"]',
        'notes = ["lost-tolerence", "first-weeks-after-detox"]',
    )
    error = refused(lambda: load_catalog(content_copy), "notes.toml")
    assert error.entry == "attach lost-tolerance-after-detox"
    assert "lost-tolerence" in str(error)


def test_an_ordering_policy_with_a_gap_is_refused(content_copy):
    from explorer.content.catalog import load_catalog

    edit_file(
        content_copy / "rules" / "order.toml",
        'id = "interests-not-yet"\nrelevance = "interest"',
        'id = "interests-not-yet"\nrelevance = "general"',
    )
    error = refused(lambda: load_catalog(content_copy), "order.toml")
    assert "interest" in str(error)


# ---- whole sentences -------------------------------------------------------------------------------


def test_every_quote_is_whole_sentences(catalog, comparison):
    from explorer.content.sentences import whole_sentences

    for section in catalog.sections.values():
        source = catalog.document_texts[section.source]
        for paragraph in section.text.split("\n"):
            if paragraph.strip():
                assert whole_sentences(paragraph, source), section.id
    for row in comparison.rows:
        for column, cell in [*row.cells.items(), ("about_all", row.about_all)]:
            if cell is not None and not cell.silent:
                assert whole_sentences(cell.quote, catalog.sections[cell.section].text), (row.id, column)


@pytest.mark.parametrize(
    ("quote", "whole"),
    [
        ("Naltrexone is an opioid antagonist that blocks the action of opioids in the brain.", True),
        ("naltrexone is not addictive or sedating", False),  # starts and ends mid-sentence
        ("Naltrexone is an opioid antagonist that blocks the action of opioids", False),  # ends mid-sentence
        ("is an opioid antagonist that blocks the action of opioids in the brain.", False),  # starts mid-sentence
    ],
)
def test_the_sentence_check_can_fail(catalog, quote, whole):
    from explorer.content.sentences import whole_sentences

    assert whole_sentences(quote, catalog.sections["naltrexone-and-vivitrol"].text) is whole


def test_a_cut_sentence_in_a_section_is_refused(content_copy):
    from explorer.content.catalog import load_catalog

    edit_file(
        content_copy / "data" / "sections.toml",
        "as well as the healthcare provider’s recommendations.'''",
        "as well as the healthcare provider'''",
    )
    error = refused(lambda: load_catalog(content_copy), "sections.toml")
    assert error.entry == "section buprenorphine-office-based"
    assert "sentence" in str(error)


def test_a_cut_sentence_in_the_comparison_is_refused(content_copy):
    from explorer.content.catalog import load_catalog
    from explorer.content.comparison import load_comparison

    edit_file(
        content_copy / "data" / "comparison.toml",
        '"Unlike methadone and buprenorphine, naltrexone is not addictive or sedating and does not result in '
        'physical dependence."',
        '"naltrexone is not addictive or sedating"',
    )
    error = refused(lambda: load_comparison(load_catalog(content_copy), content_copy), "comparison.toml")
    assert error.entry == "row dependence, naltrexone"
    assert "sentence" in str(error)


# ---- the rules, over the whole answer space ----------------------------------------------------------


def test_the_lost_tolerance_note_where_it_belongs(every_result):
    listed = 0
    for result in every_result:
        a = result.answers
        expected = a.detox in ("completed", "in_progress") or a.dosing == "no_medication" or a.setting == "residential"
        expected = expected or "relapse_and_cravings" in a.interests
        expected = expected or a.detox == "dont_know"  # a family member cannot know: said as after detox
        assert ("lost-tolerance" in _ids(result.notes)) == expected, a
        listed += expected
        for section in _sections_with(result, "naltrexone"):
            assert "lost-tolerance" in _ids(section.notes), (a, section.id)
    assert 0 < listed < len(every_result)


def test_naloxone_and_no_prescription_in_every_result(every_result):
    for result in every_result:
        naloxone = [n for n in result.notes if n.id == "naloxone-without-prescription"]
        assert naloxone, result.answers
        assert "without a prescription" in naloxone[0].text, result.answers


def test_the_buprenorphine_timing_caution_whenever_detox_is_not_completed(every_result):
    checked = 0
    for result in every_result:
        for section in _sections_with(result, "buprenorphine"):
            has = "buprenorphine-start-timing" in _ids(section.notes)
            assert has == (result.answers.detox != "completed"), (result.answers, section.id)
            checked += 1
    assert checked > 1000


def test_detox_alone_is_a_first_step_on_every_detox_section(every_result):
    for result in every_result:
        for section in _sections_with(result, "detox"):
            assert "detox-is-a-first-step" in _ids(section.notes), (result.answers, section.id)


def test_every_outdated_statement_carries_its_correction_wherever_shown(every_result, catalog):
    seen = set()
    for section_id, (statement, _note) in CORRECTIONS.items():
        assert statement in catalog.sections[section_id].text, section_id  # still what the document says
    for result in every_result:
        for section in result.suggestions:
            if section.id in CORRECTIONS:
                assert CORRECTIONS[section.id][1] in _ids(section.notes), (result.answers, section.id)
                seen.add(section.id)
            if section.id in ALSO:
                assert ALSO[section.id] in _ids(section.notes)
    assert seen == set(CORRECTIONS)


def test_no_naltrexone_above_an_agonist_of_the_same_relevance_while_detox_is_not_completed(every_result, catalog):
    relevance = {rule.id: rule.relevance for rule in catalog.rules.suggest}
    order = ("safety", "preference", "interest", "general")
    compared = 0
    for result in every_result:
        if result.answers.detox == "completed":
            continue
        ids = [s.id for s in result.suggestions]
        rank = {s.id: min(order.index(relevance[r]) for r in s.suggested_by) for s in result.suggestions}
        for n in _sections_with(result, "naltrexone"):
            for agonist in (s for s in result.suggestions if set(AGONISTS) & set(s.topics)):
                if rank[n.id] == rank[agonist.id]:
                    assert ids.index(agonist.id) < ids.index(n.id), (result.answers, agonist.id, n.id)
                    compared += 1
    assert compared > 1000


def test_the_issue_s_examples_of_order(every_result):
    for result in every_result:
        a, ids = result.answers, [s.id for s in result.suggestions]
        if a.setting == "doctor_office" and a.dosing == "daily" and a.detox == "not_started":
            assert ids.index("buprenorphine-office-based") < ids.index("naltrexone-oral-and-monthly-injection")
        if a.dosing == "monthly" and a.detox == "not_started" and "naltrexone-and-vivitrol" in ids:
            assert ids.index("buprenorphine-office-based") < ids.index("naltrexone-and-vivitrol")
        if "overdose" in a.interests:
            assert ids[0] == "naloxone-overdose"


def test_traditional_approaches_never_without_their_balance(every_result):
    shown = 0
    for result in every_result:
        ids = [s.id for s in result.suggestions]
        if "traditional-approaches" in ids:
            shown += 1
            assert set(ids) >= BALANCE, result.answers
            assert ids[0] != "traditional-approaches"
            assert not any(
                "medical and psychological care" in r
                for r in next(s for s in result.suggestions if s.id == "traditional-approaches").reasons
            )
    assert shown > 0


def test_without_medication_the_overdose_benefit_is_said_once(every_result):
    for result in every_result:
        said = _ids(result.notes).count("medication-lowers-overdose-deaths")
        said += sum(_ids(s.notes).count("medication-lowers-overdose-deaths") for s in result.suggestions)
        assert said == (1 if result.answers.dosing == "no_medication" else 0), result.answers


def test_buprenorphine_for_daily_dosing_and_outpatient(every_result):
    for result in every_result:
        a, ids = result.answers, {s.id for s in result.suggestions}
        wants_it = a.dosing in ("daily", "monthly") or a.setting == "outpatient_program"
        if wants_it and a.dosing != "no_medication":
            assert "buprenorphine-office-based" in ids, a


def test_the_summary_marks_follow_the_same_facts(catalog, comparison):
    from explorer.content.answers import Answers
    from explorer.summary.rules import evaluate, load_summary_rules

    rules = load_summary_rules(comparison)
    for dosing, setting in (("daily", "unsure"), ("monthly", "unsure"), ("unsure", "outpatient_program")):
        for detox in ("not_started", "completed"):
            _, marks, _ = evaluate(rules, Answers(dosing=dosing, setting=setting, detox=detox))
            assert "buprenorphine" in marks
            naltrexone = " ".join(marks.get("naltrexone", ()))
            assert ("7 to 10 days" in naltrexone) == (detox != "completed")


# ---- shown everywhere, as the explorer's own ---------------------------------------------------------


ANSWERS = b'{"dosing":"no_medication","detox":"completed","setting":"residential"}'


def test_json_has_notes_on_suggestions_and_at_the_top():
    code, out, _ = run_main(["--answers", "-", "--format", "json"], ANSWERS)
    assert code == 0
    data = json.loads(out)
    assert list(data)[-1] == "referral"
    top = {n["id"]: n for n in data["notes"]}
    assert {"naloxone-without-prescription", "lost-tolerance", "medication-lowers-overdose-deaths"} <= set(top)
    for note in data["notes"] + [n for s in data["suggestions"] for n in s["notes"]]:
        assert note["by"] == "the explorer"
        assert note["sources"]
        assert note["checked"]
        assert all({"publisher", "title", "address", "date"} <= set(s) for s in note["sources"])


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_show_notes_as_the_explorer_s(fmt):
    code, out, _ = run_main(["--answers", "-", "--format", fmt], ANSWERS)
    assert code == 0
    flat = " ".join(out.split())
    assert "Explorer's note" in flat
    assert "Source" in flat
    assert flat.index("Naloxone reverses an opioid overdose") < flat.index(" 1. ")


def test_show_and_compare_carry_the_corrections():
    _, shown, _ = run_main(["show", "methadone-tablet-form"])
    shown = " ".join(shown.split())
    assert "Explorer's note" in shown
    assert "more than 50 years" in shown
    _, compared, _ = run_main(["compare", "--plain"])
    compared = " ".join(compared.split())
    assert "Who can prescribe or give it" in compared
    assert "When it can be started" in compared
    assert "no special waiver" in compared
    assert "7 to 10 days" in compared
    code, data, _ = run_main(["compare", "--format", "json"])
    cells = {(r["id"], c): cell for r in json.loads(data)["rows"] for c, cell in r["cells"].items()}
    assert [n["id"] for n in cells[("when-it-can-start", "buprenorphine")]["notes"]] == [
        "buprenorphine-start-timing",
        "buprenorphine-start-with-fentanyl",
        "methadone-and-buprenorphine-not-a-last-resort",
    ]


def test_a_note_past_its_review_date_says_it_may_be_out_of_date(catalog):
    from explorer.render.notes import note_lines

    note = catalog.notes["buprenorphine-telehealth"]
    assert "may be out of date" not in " ".join(note_lines(note, 80, today=datetime.date(2026, 12, 1)))
    late = " ".join(" ".join(note_lines(note, 80, today=datetime.date(2027, 1, 2))).split())
    assert "may be out of date" in late
    assert "2027-01-01" in late


def test_about_says_what_a_decision_aid_must():
    code, out, _ = run_main(["about"])
    assert code == 0
    out = " ".join(out.split())
    for needed in (
        "does not say which option fits anyone",
        "sites that sell referrals to treatment",
        "no funding",
        "no ads",
        "review-by",
        "2026-12-07",
    ):
        assert needed in out, needed


def test_the_referral_reads_at_a_glance():
    from explorer.render.finish import referral

    block = referral(80)
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) <= 15, block  # 15: naloxone's second dose and staying with the person
    for needed in (
        "435748",
        "English only",
        "988lifeline.org",
        "Spanish",
        "AYUDA",
        "without a prescription",
        "for the United States",
    ):
        assert needed in " ".join(block.split()), needed


def test_rules_shows_the_ordering_policy_and_the_note_rules():
    code, out, _ = run_main(["rules"])
    assert code == 0
    flat = " ".join(out.split())
    assert "The order of the reading list (rules/order.toml)" in flat
    assert "1. Safety first" in flat
    assert flat.index("The order of the reading list") < flat.index("suggestion rules (rules/suggestions.toml)")
    for rule_id in ("naltrexone-after-detox", "lost-tolerance-after-detox", "naloxone-in-every-result"):
        assert rule_id in flat, rule_id


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_the_saved_summary_carries_notes_and_about_this_content(tmp_path, suffix):
    target = tmp_path / f"summary{suffix}"
    code, _, err = run_main(["--answers", "-", "--save", str(target)], ANSWERS)
    assert code == 0, err
    saved = " ".join(target.read_text(encoding="utf-8").replace("&#39;", "'").split())
    assert "About this content" in saved
    assert "no funding" in saved
    assert "Explorer's note" in saved
    assert "Naloxone reverses an opioid overdose" in saved  # the note about the whole list
    assert saved.index("About this content") < saved.rindex("Talk to a healthcare professional")
