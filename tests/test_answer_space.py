"""Every single-choice answer combination, with several sets of interests, through the real
durable-rules engine and the real reading list: each profile gets suggestions, each with a reason
and none twice; naltrexone carries its caution unless detox is completed; at a doctor's office
methadone is shown only on request, and explained; the mapping's anchors hold; the referral ends
every output; sections backed by more of the answers come first."""

from __future__ import annotations

import json

from explorer.formats import SHOWN
from explorer.referral import REFERRAL_TEXT
from explorer.render.finish import finish
from explorer.render.reading import why
from explorer.render.result import CAUTION_INSIDE, entry_detail, render_result, short_reason

from .helpers.checks import garbled
from .helpers.content import INTEREST_SETS

NALTREXONE_CAUTION = (
    "naltrexone should only be used after a period of abstinence from opioids to prevent precipitated withdrawal."
)


def test_the_space_is_complete(every_result):
    assert len(every_result) == 3 * 5 * 5 * 5 * 3 * 3 * len(INTEREST_SETS)


def test_every_profile_gets_suggestions_each_with_a_reason_and_no_duplicates(every_result):
    for result in every_result:
        ids = [s.id for s in result.suggestions]
        assert ids, result.answers
        assert len(ids) == len(set(ids)), result.answers
        for suggestion in result.suggestions:
            assert suggestion.reasons
            assert all(r.strip() for r in suggestion.reasons)
            assert "{" not in " ".join(suggestion.reasons), "a placeholder was left unfilled"


GARBLED = (
    "Because you asked how the medications work. Note the setting, and because you asked how the medications work."
)


def test_the_garbled_reason_check_catches_a_glued_sentence_and_a_repeated_clause():
    found = garbled(GARBLED)
    assert any("two sentences glued" in problem for problem in found), found
    assert any("said twice" in problem and "how the medications work" in problem for problem in found), found
    assert garbled("Because you said you would like a doctor's office, and because you asked about overdose.") == []


def test_no_reason_in_the_answer_space_repeats_a_clause_or_reads_as_two_sentences(every_result):
    """What the reading list's menu says of each entry (its reasons' leads joined), and a reason's
    short form under a later section, read as one sentence each, for every profile."""
    composed = {item.reasons: item for result in every_result for item in result.suggestions}
    problems = []
    for reasons, item in composed.items():
        detail = entry_detail(item)
        problems += [(detail, problem) for problem in garbled(detail.replace(CAUTION_INSIDE, ""))]
        for reason in reasons:
            problems += [(reason, problem) for problem in garbled(why(reason, 3).removeprefix("Why: "))]
            assert short_reason(reason), reason
    assert problems == []
    assert len(composed) > 100  # the check saw the space, not a handful


def test_naltrexone_without_completed_detox_carries_the_caution(every_result):
    checked = 0
    for result in every_result:
        for suggestion in result.suggestions:
            if "naltrexone" in suggestion.topics:
                has_caution = any(NALTREXONE_CAUTION in c for c in suggestion.cautions)
                assert has_caution == (result.answers.detox != "completed"), (result.answers, suggestion.id)
                checked += 1
    assert checked > 1000  # the rule is actually exercised


def test_doctor_office_methadone_only_on_request_and_explained(every_result):
    shown = 0
    for result in every_result:
        if result.answers.setting != "doctor_office":
            continue
        methadone = [s for s in result.suggestions if "methadone" in s.topics or "methadone" in s.id]
        if "how_medications_work" not in result.answers.interests:
            assert not methadone, result.answers
        for suggestion in methadone:
            assert any("specialized clinics, dispensed daily" in r for r in suggestion.reasons), suggestion
            shown += 1
    assert shown > 0


def test_referral_is_present(every_result):
    """Every output ends with the referral (the content audit reads all of them); here, that the
    one place adding it does so for results across the space, in every format."""
    for result in every_result[::7]:
        for fmt in SHOWN:
            shown = finish(render_result(result, fmt, 80), 80)
            assert "1-800-662-HELP (4357)" in shown[-800:]
            if fmt == "json":
                assert json.loads(shown)["referral"] == {"text": REFERRAL_TEXT}


def test_the_documented_mapping(every_result):
    """The mapping's anchors (an answer and the sections it must bring), each checked wherever the
    answer holds."""

    def ids(result):
        return {s.id for s in result.suggestions}

    for result in every_result:
        a, got = result.answers, ids(result)
        if a.setting == "clinic_daily":
            assert "methadone-specialized-clinics" in got or a.dosing == "no_medication"
        if a.setting == "doctor_office" and a.dosing != "no_medication":
            assert {"buprenorphine-office-based", "naltrexone-oral-and-monthly-injection"} <= got
        if a.dosing == "monthly":
            assert {"naltrexone-and-vivitrol", "buprenorphine-office-based"} <= got
        if a.detox == "completed" and a.dosing != "no_medication":
            assert "naltrexone-outpatient-after-detox" in got
        if a.detox in ("not_started", "in_progress"):
            assert {"tolerance-dependence-and-withdrawal", "assessment-and-medically-assisted-detox"} <= got
        if a.counseling == "yes":
            assert {"cognitive-behavioral-therapy", "contingency-management", "motivational-interviewing"} <= got
        if a.support_groups == "yes":
            assert "support-groups-narcotics-anonymous" in got
        if a.setting == "residential":
            assert "inpatient-treatment-programs" in got
        if "overdose" in a.interests:
            assert result.suggestions[0].id == "naloxone-overdose"
        if a.dosing == "no_medication":
            assert {"what-is-mat", "cognitive-behavioral-therapy", "support-groups-peer-support"} <= got
            if "how_medications_work" not in a.interests:
                assert not any({"methadone", "buprenorphine", "naltrexone"} & set(s.topics) for s in result.suggestions)


def test_order_is_by_relevance(every_result):
    # A section backed by two preference rules precedes one backed by a single general rule.
    for result in every_result:
        if (
            result.answers.setting == "doctor_office"
            and result.answers.dosing == "monthly"
            and not result.answers.interests
        ):
            ids = [s.id for s in result.suggestions]
            assert ids.index("buprenorphine-office-based") < ids.index("consult-a-healthcare-professional")
            assert ids[-1] in (
                "consult-a-healthcare-professional",
                "comprehensive-treatment-planning",
                "support-groups-peer-support",
                "behavioral-therapies-overview",
                "cbt-and-motivational-interviewing",
            )
