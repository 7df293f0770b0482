"""The content is balanced, current and complete, over the whole answer space: after detox all three
medicines are shown; each medicine's downsides stand beside its upsides; no ranking word; naltrexone
is never said to do nothing for cravings; every source is a page anyone can trace; what changes has
a review-by date; the fentanyl era, pregnancy, cost and relapse are answered where a person looks.
Each detector is shown catching a planted defect."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from bench.readability import own_words
from explorer.content.notes import Note
from explorer.infer.result import Result
from explorer.referral import REFERRAL_TEXT

from .helpers.checks import ranking_words

MEDICINES = ("methadone", "buprenorphine", "naltrexone")
SIDE_EFFECT_NOTES = {m: f"{m}-side-effects" for m in MEDICINES}


def _note_ids(result: Result) -> set[str]:
    return {n.id for n in result.notes} | {n.id for s in result.suggestions for n in s.notes}


def _shown_medicines(result: Result) -> set[str]:
    return {m for s in result.suggestions for m in MEDICINES if m in s.topics}


def _unique_notes(every_result: list[Result]) -> dict[str, str]:
    """Every note text any profile is shown, once, with its id."""
    seen: dict[str, str] = {}
    for result in every_result:
        for note in (*result.notes, *(n for s in result.suggestions for n in s.notes)):
            seen.setdefault(note.text, note.id)
    return seen


# ---- after detox, all three medicines ---------------------------------------------------------------


def after_detox_problems(result: Result) -> list[str]:
    """With detox completed and medication not declined: a buprenorphine section, a methadone one
    (unless a doctor's office was preferred and the medicines' workings not asked about: methadone
    is given only at clinics), the lost-tolerance note and the note that all three remain options."""
    a = result.answers
    if a.detox != "completed" or a.dosing == "no_medication":
        return []
    problems = []
    shown = _shown_medicines(result)
    if "buprenorphine" not in shown:
        problems.append("no buprenorphine section")
    methadone_on_request = a.setting == "doctor_office" and "how_medications_work" not in a.interests
    if "methadone" not in shown and not methadone_on_request:
        problems.append("no methadone section")
    listed = {n.id for n in result.notes}
    problems += [f"no {note} note" for note in ("lost-tolerance", "options-after-detox") if note not in listed]
    return problems


def test_after_detox_methadone_and_buprenorphine_are_shown_wherever_medication_is_not_declined(every_result):
    checked = 0
    for result in every_result:
        assert after_detox_problems(result) == [], result.answers
        checked += result.answers.detox == "completed" and result.answers.dosing != "no_medication"
    assert checked > 2000


def test_after_detox_the_reading_order_does_not_put_naltrexone_first(every_result):
    for result in every_result:
        a = result.answers
        if a.detox == "completed" and a.dosing == "unsure" and a.setting == "unsure" and not a.interests:
            medicine_sections = [s.id for s in result.suggestions if set(MEDICINES) & set(s.topics)]
            assert medicine_sections[:2] == ["methadone-specialized-clinics", "buprenorphine-office-based"]


def test_the_after_detox_detector_catches_a_list_of_naltrexone_only(every_result):
    result = next(
        r
        for r in every_result
        if r.answers.detox == "completed" and r.answers.dosing == "daily" and not r.answers.interests
    )
    planted = result.model_copy(
        update={
            "suggestions": tuple(s for s in result.suggestions if not {"methadone", "buprenorphine"} & set(s.topics)),
            "notes": tuple(n for n in result.notes if n.id != "lost-tolerance"),
        }
    )
    assert after_detox_problems(planted) == [
        "no buprenorphine section",
        "no methadone section",
        "no lost-tolerance note",
    ]


# ---- each medicine's downsides beside its upsides ---------------------------------------------------


def side_effect_gaps(result: Result) -> list[str]:
    """Asked about side effects: each medicine shown carries its label's side effects somewhere."""
    if "side_effects" not in result.answers.interests:
        return []
    ids = _note_ids(result)
    return [
        f"{m} shown without {SIDE_EFFECT_NOTES[m]}"
        for m in sorted(_shown_medicines(result))
        if SIDE_EFFECT_NOTES[m] not in ids
    ]


def test_asked_about_side_effects_every_medicine_shown_has_its_downsides(every_result):
    checked = 0
    for result in every_result:
        assert side_effect_gaps(result) == [], result.answers
        checked += "side_effects" in result.answers.interests and len(_shown_medicines(result)) == 3
    assert checked > 1000


def test_the_side_effect_detector_catches_a_medicine_shown_without_them(every_result):
    result = next(r for r in every_result if "side_effects" in r.answers.interests and len(_shown_medicines(r)) == 3)
    stripped = tuple(
        s.model_copy(update={"notes": tuple(n for n in s.notes if n.id != "buprenorphine-side-effects")})
        for s in result.suggestions
    )
    planted = result.model_copy(update={"suggestions": stripped})
    assert side_effect_gaps(planted) == ["buprenorphine shown without buprenorphine-side-effects"]


def test_methadone_can_be_addictive_never_without_what_dependence_means(every_result):
    for result in every_result:
        for section in result.suggestions:
            if section.id in ("methadone-specialized-clinics", "buprenorphine-lower-dependence"):
                assert "physical-dependence-is-not-addiction" in {n.id for n in section.notes}, result.answers


def unbalanced_cells(comparison, rows=("side-effects", "dependence")) -> list[str]:
    """A cell of these rows that neither quotes the documents nor carries an explorer's note says
    nothing of that medicine's downsides; a side-effect cell without a note gives only the
    documents' one-sided words."""
    gaps = []
    for row in comparison.rows:
        if row.id not in rows:
            continue
        for column, cell in row.cells.items():
            if not cell.notes:
                gaps.append(f"{row.id}/{column}")
    return gaps


def test_every_medicine_s_side_effects_and_dependence_are_told_in_the_comparison(comparison):
    assert unbalanced_cells(comparison) == []
    notes = {(row.id, col): {n.id for n in cell.notes} for row in comparison.rows for col, cell in row.cells.items()}
    for medicine in MEDICINES:
        assert SIDE_EFFECT_NOTES[medicine] in notes[("side-effects", medicine)]


def test_the_comparison_balance_detector_catches_a_silent_cell(comparison):
    row = next(r for r in comparison.rows if r.id == "side-effects")
    bare = row.model_copy(
        update={"cells": {**row.cells, "naltrexone": row.cells["naltrexone"].model_copy(update={"notes": ()})}}
    )
    planted = comparison.model_copy(
        update={"rows": tuple(bare if r.id == "side-effects" else r for r in comparison.rows)}
    )
    assert unbalanced_cells(planted) == ["side-effects/naltrexone"]


def test_what_matters_gives_every_medicine_s_side_effects(catalog):
    side_effects = next(p for p in catalog.matters.priorities if p.key == "side_effects")
    for medicine in MEDICINES:
        assert SIDE_EFFECT_NOTES[medicine] in side_effects.says[medicine].notes, medicine
    assert side_effects.says["without-medication"].notes, "treatment without medicine has its risk too"
    opioid = next(p for p in catalog.matters.priorities if p.key == "opioid_medicine")
    for medicine in ("methadone", "buprenorphine"):
        assert "physical-dependence-is-not-addiction" in opioid.says[medicine].notes


# ---- no ranking word in the explorer's own words -----------------------------------------------------


def test_no_ranking_word_in_the_explorer_s_own_words(catalog):
    found = [(w.where, ranking_words(w.text)) for w in own_words(catalog)]
    assert [f for f in found if f[1]] == []


def test_no_ranking_word_in_any_note_shown_in_the_answer_space(every_result):
    found = [(note_id, ranking_words(text)) for text, note_id in _unique_notes(every_result).items()]
    assert [f for f in found if f[1]] == []


@pytest.mark.parametrize(
    "planted",
    [
        "Methadone and buprenorphine are both first-line treatments.",
        "Buprenorphine is the gold standard.",
        "Methadone is the most effective option.",
        "Naltrexone is a second-line medicine.",
        "The preferred treatment is methadone.",
    ],
)
def test_the_ranking_detector_catches_a_planted_ranking_word(planted):
    assert ranking_words(planted) != []


# ---- naltrexone and cravings ------------------------------------------------------------------------

# Naltrexone can reduce cravings (FACTS M9): a note may say it does not ease withdrawal, never that
# cravings are eased only by the other two, or that naltrexone does nothing for them.
DENIES_CRAVINGS = re.compile(
    r"naltrexone (?:does not|doesn't|cannot|can't|will not)\b[^.]*\bcravings"
    r"|(?:methadone and buprenorphine|the other two) (?:are the ones that|alone) (?:ease|relieve|reduce)[^.]*cravings"
    r"|only methadone and buprenorphine (?:ease|relieve|reduce)[^.]*cravings",
    re.IGNORECASE,
)


def denies_naltrexone_cravings(text: str) -> list[str]:
    return [m.group(0) for m in DENIES_CRAVINGS.finditer(text)]


def test_no_note_says_naltrexone_does_nothing_for_cravings(every_result, catalog):
    texts = {**_unique_notes(every_result), **{n.text: n.id for n in catalog.notes.values()}}
    assert [(i, denies_naltrexone_cravings(t)) for t, i in texts.items() if denies_naltrexone_cravings(t)] == []
    note = catalog.notes["naltrexone-does-not-relieve-withdrawal"].text
    assert "reduce cravings" in note and "does not ease withdrawal" in note


@pytest.mark.parametrize(
    "planted",
    [
        # The wording this note had: it left naltrexone out of easing cravings.
        "Of the three medicines named here, naltrexone does not relieve withdrawal: it blocks opioids. "
        "Methadone and buprenorphine are the ones that ease withdrawal and cravings.",
        "Naltrexone does not help with cravings.",
        "Only methadone and buprenorphine reduce cravings.",
    ],
)
def test_the_cravings_detector_catches_a_planted_denial(planted):
    assert denies_naltrexone_cravings(planted) != []


# ---- sources anyone can trace, and dates for what changes ---------------------------------------------


def bare_addresses(notes) -> list[str]:
    """Sources whose address is a site's home page (no path): no one can find the page cited. A
    site that is itself the source cited (FindTreatment.gov, the directory) is its own page."""
    return [
        f"{note.id}: {source.address}"
        for note in notes
        for source in note.sources
        if urlsplit(source.address).path.strip("/") == "" and urlsplit(source.address).hostname != source.title.lower()
    ]


def test_every_source_address_is_the_page_itself(catalog):
    assert bare_addresses(catalog.notes.values()) == []


def test_the_address_detector_catches_a_home_page(catalog):
    note = catalog.notes["buprenorphine-telehealth"]
    source = note.sources[0].model_copy(update={"address": "https://www.federalregister.gov"})
    planted = note.model_copy(update={"sources": (source,)})
    assert bare_addresses([planted]) == ["buprenorphine-telehealth: https://www.federalregister.gov"]


# Sources about things that change: laws and rules, coverage, the drug supply, product approvals.
CHANGING_SOURCES = ("federalregister.gov", "congress.gov", "cms.gov", "healthcare.gov", "ecfr.gov", "dea.gov")


def missing_review_by(notes: list[Note]) -> list[str]:
    """Time-sensitive notes (updates, and notes resting on laws, rules or coverage) without a
    review-by date: after a change, nothing would tell the reader they may be out of date."""

    def changes(note: Note) -> bool:
        return note.kind == "update" or any(host in s.address for s in note.sources for host in CHANGING_SOURCES)

    return [note.id for note in notes if changes(note) and note.review_by is None]


def test_every_time_sensitive_note_has_a_review_by_date(catalog):
    assert missing_review_by(list(catalog.notes.values())) == []
    assert sum(n.review_by is not None for n in catalog.notes.values()) >= 15  # the check has notes to hold


def test_the_review_by_detector_catches_a_note_without_one(catalog):
    planted = catalog.notes["buprenorphine-telehealth"].model_copy(update={"review_by": None})
    assert missing_review_by([planted]) == ["buprenorphine-telehealth"]


def test_the_telehealth_note_gives_the_2025_rule_and_its_review_date(catalog):
    note = catalog.notes["buprenorphine-telehealth"]
    assert "31 December 2025" in note.text and "six-month" in note.text
    assert note.review_by is not None and note.review_by.isoformat() == "2027-01-01"


# ---- the fentanyl era, and where a person looks ---------------------------------------------------------

FENTANYL_ERA = ("fentanyl-in-the-supply", "naloxone-second-dose", "xylazine", "fentanyl-test-strips")


def overdose_gaps(result: Result) -> list[str]:
    """Asked about overdose: the naloxone section with the fentanyl era's notes."""
    if "overdose" not in result.answers.interests:
        return []
    naloxone = next((s for s in result.suggestions if s.id == "naloxone-overdose"), None)
    if naloxone is None:
        return ["no naloxone section"]
    ids = {n.id for n in naloxone.notes}
    return [f"no {note} note" for note in FENTANYL_ERA if note not in ids]


def test_everyone_who_asks_about_overdose_reads_about_fentanyl(every_result):
    asked = [r for r in every_result if "overdose" in r.answers.interests]
    assert len(asked) > 1000
    assert [(r.answers, overdose_gaps(r)) for r in asked if overdose_gaps(r)] == []


def test_the_overdose_detector_catches_a_missing_fentanyl_note(every_result):
    result = next(r for r in every_result if "overdose" in r.answers.interests)
    stripped = tuple(
        s.model_copy(update={"notes": tuple(n for n in s.notes if n.id != "xylazine")}) for s in result.suggestions
    )
    assert overdose_gaps(result.model_copy(update={"suggestions": stripped})) == ["no xylazine note"]


TOPIC_REASONS = {
    "pregnancy": "asked about pregnancy",
    "cost_and_coverage": "asked about cost",
    "relapse_and_cravings": "asked about cravings",
}
TOPIC_NOTES = {
    "pregnancy": {"pregnancy-and-treatment", "pregnancy-priority-admission"},
    "cost_and_coverage": {
        "medicaid-covers-all-three",
        "private-insurance-coverage",
        "without-insurance",
        "medicaid-work-rules",
    },
    "relapse_and_cravings": {"return-to-use-is-common", "lost-tolerance", "first-weeks-after-detox"},
}


def test_each_new_topic_brings_its_notes_and_a_reason_wherever_it_is_chosen(every_result):
    chosen = 0
    for result in every_result:
        ids = _note_ids(result)
        for topic, notes in TOPIC_NOTES.items():
            if topic in result.answers.interests:
                assert notes <= ids, (topic, result.answers)
                reasons = " ".join(r for s in result.suggestions for r in s.reasons)
                assert TOPIC_REASONS[topic] in reasons, (topic, result.answers)
                chosen += 1
            elif topic == "pregnancy":
                assert not notes & ids, result.answers  # only when asked for
    assert chosen > 3000


def test_pregnancy_is_a_topic_to_choose_never_a_question_about_a_body(catalog):
    interests = next(q for q in catalog.questions if q.key == "interests")
    assert "pregnancy" in [c.value for c in interests.choices]
    for question in catalog.questions:
        asked = f"{question.prompt} {question.help}".lower()
        assert "pregnan" not in asked, question.key
        if question.key != "interests":
            assert not any("pregnan" in c.label.lower() for c in question.choices), question.key


def test_cost_has_a_row_in_the_comparison_with_the_explorer_s_notes(comparison):
    row = next(r for r in comparison.rows if r.id == "cost")
    assert all(cell.silent and cell.notes for cell in row.cells.values())


def test_the_referral_says_what_to_do_with_naloxone():
    flat = " ".join(REFERRAL_TEXT.split())
    for needed in ("reverses an opioid overdose", "without a prescription", "second dose", "Stay with the person"):
        assert needed in flat, needed
