"""The content: documents, sections, questions and rules as they are on disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explorer.content.catalog import PROJECT_ROOT, load_catalog
from explorer.content.documents import Topic
from explorer.content.toml import squash
from explorer.errors import CatalogError

from .helpers.content import SEEDS, edit_file

DATA = PROJECT_ROOT / "data"
PHONE = re.compile(r"\d{3}[-.\s)]+\d{3}[-.\s]+\d{4}|\+\d[\d\s-]{7,}")
PROMOTIONAL_PHRASES = (
    "call us",
    "call addiction advice",
    "where do calls go",
    "scroll to top",
    "helpline information",
    "rehabs.org",
    "addiction advice online",
    "today at",
)


def test_the_five_documents_are_unchanged_copies_of_the_seeds(catalog):
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(catalog.documents) == seeds
    for name in seeds:
        assert (DATA / name).read_bytes() == (SEEDS / name).read_bytes(), name


def test_every_section_stands_verbatim_in_its_source(catalog):
    # Read straight from the files, not through the loader that performs the same check.
    for section in catalog.sections.values():
        source = (DATA / section.source).read_text(encoding="utf-8")
        assert squash(section.text) in squash(source), section.id


def test_no_section_contains_a_phone_number_or_promotion(catalog):
    for section in catalog.sections.values():
        assert not PHONE.search(section.text), (section.id, PHONE.search(section.text))
        lowered = section.text.lower()
        for phrase in PROMOTIONAL_PHRASES:
            assert phrase not in lowered, (section.id, phrase)


def test_the_debris_really_is_in_the_documents(catalog):
    # The filters above would pass vacuously if the documents held no debris at all.
    everything = " ".join(catalog.document_texts.values())
    assert len(PHONE.findall(everything)) == 4
    assert "Where do calls go?" in everything
    assert "Scroll to Top" in everything


def test_ids_are_unique_readable_slugs(catalog):
    ids = list(catalog.sections)
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize(
    "topic",
    [
        "methadone",
        "buprenorphine",
        "naltrexone",
        "naloxone",
        "cbt",
        "contingency-management",
        "motivational-interviewing",
        "support-groups",
        "inpatient",
        "withdrawal",
        "detox",
        "traditional-approaches",
        "side-effects",
        "long-term-effects",
        "understanding-addiction",
    ],
)
def test_the_catalog_covers_each_theme(catalog, topic):
    assert catalog.topics_index.get(topic), topic


def test_every_topic_of_the_vocabulary_is_used(catalog):
    assert set(catalog.topics_index) == set(Topic.__args__)


def test_faq_answers_are_sections(catalog):
    faq = [s for s in catalog.sections.values() if s.id.startswith("faq-")]
    assert len(faq) == 6


def test_every_document_contributes_sections(catalog):
    assert {s.source for s in catalog.sections.values()} == set(catalog.documents)


def test_questions_follow_the_answer_contract(catalog):
    keys = [q.key for q in catalog.questions]
    assert keys == ["for_whom", "setting", "dosing", "detox", "counseling", "support_groups", "interests"]
    for question in catalog.questions:
        assert "unsure" in [c.value for c in question.choices]
        assert question.help.strip()


# ---- a damaged copy refuses to load, naming the file and the entry ------------------------------


def _load_error(root: Path) -> CatalogError:
    with pytest.raises(CatalogError) as caught:
        load_catalog(root)
    return caught.value


def test_the_copy_loads_before_it_is_damaged(content_copy):
    assert len(load_catalog(content_copy).sections) == len(load_catalog().sections)


def test_missing_file(content_copy):
    (content_copy / "data" / "sections.toml").unlink()
    error = _load_error(content_copy)
    assert error.path.name == "sections.toml"
    assert "missing" in str(error)


def test_missing_source_document(content_copy):
    (content_copy / "data" / "002_43ddf4ad6e44270f.txt").unlink()
    error = _load_error(content_copy)
    assert error.path.name == "002_43ddf4ad6e44270f.txt"
    assert "missing" in str(error)


def test_edited_source_document(content_copy):
    edit_file(content_copy / "data" / "003_5014a9aacaf31222.txt", "Drug addiction", "Drug  addiction")
    error = _load_error(content_copy)
    assert error.path.name == "003_5014a9aacaf31222.txt"
    assert "sha256" in str(error)


def test_unparsable_file(content_copy):
    edit_file(content_copy / "rules" / "suggestions.toml", "[[suggest]]", "[[suggest]", 1)
    error = _load_error(content_copy)
    assert error.path.name == "suggestions.toml"
    assert "parsed" in str(error)


def test_duplicate_section_id(content_copy):
    edit_file(
        content_copy / "data" / "sections.toml", 'id = "contingency-management"', 'id = "cognitive-behavioral-therapy"'
    )
    error = _load_error(content_copy)
    assert error.entry == "section cognitive-behavioral-therapy"
    assert "duplicate" in str(error)


def test_rule_naming_an_unknown_section(content_copy):
    edit_file(content_copy / "rules" / "suggestions.toml", '"naloxone-overdose"', '"naloxone-overdoze"')
    error = _load_error(content_copy)
    assert error.entry == "suggest interest-overdose"
    assert "naloxone-overdoze" in str(error)


def test_unknown_topic(content_copy):
    edit_file(content_copy / "data" / "sections.toml", 'topics = ["naloxone"]', 'topics = ["narcan"]')
    error = _load_error(content_copy)
    assert error.entry == "section naloxone-overdose"
    assert "topics" in str(error)


def test_text_no_longer_verbatim(content_copy):
    edit_file(
        content_copy / "data" / "sections.toml",
        "Naloxone is used to treat heroin overdose",
        "Naloxone is used to prevent heroin overdose",
    )
    error = _load_error(content_copy)
    assert error.entry == "section naloxone-overdose"
    assert "verbatim" in str(error)


def test_unknown_source(content_copy):
    edit_file(content_copy / "data" / "sections.toml", 'source = "002_43ddf4ad6e44270f.txt"', 'source = "999.txt"')
    error = _load_error(content_copy)
    assert "unknown source" in str(error)
    assert error.entry.startswith("section ")


def test_empty_text(content_copy):
    path = content_copy / "data" / "sections.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("text = '''", text.index('id = "naloxone-overdose"'))
    end = text.index("'''", start + 10) + 3
    path.write_text(text[:start] + "text = '''   '''" + text[end:], encoding="utf-8")
    error = _load_error(content_copy)
    assert error.entry == "section naloxone-overdose"
    assert "empty" in str(error)


def test_phone_number_smuggled_into_a_section(content_copy):
    # Verbatim in its source, so only the promotional check can catch it.
    edit_file(
        content_copy / "data" / "sections.toml",
        "You are not alone on this journey.'''",
        "You are not alone on this journey. Call 833-846-5669 today.'''",
    )
    error = _load_error(content_copy)
    assert error.entry == "section medications-conclusion"
    assert "promotional" in str(error)


def test_rule_value_outside_the_contract(content_copy):
    edit_file(
        content_copy / "rules" / "suggestions.toml",
        'when = { setting = "clinic_daily" }',
        'when = { setting = "clinic-daily" }',
    )
    error = _load_error(content_copy)
    assert error.entry == "suggest setting-clinic-daily"
    assert "clinic-daily" in str(error)


def test_caution_quote_not_verbatim(content_copy):
    edit_file(
        content_copy / "rules" / "safety.toml", "only be used after a period", "only be used after a short period"
    )
    error = _load_error(content_copy)
    assert error.entry == "caution naltrexone-only-after-detox"
    assert "verbatim" in str(error)


def test_no_fallback_rule(content_copy):
    edit_file(
        content_copy / "rules" / "suggestions.toml", "when = {}\nsections", 'when = { counseling = "no" }\nsections'
    )
    error = _load_error(content_copy)
    assert "fallback" in str(error)


def test_question_choices_drifting_from_the_contract(content_copy):
    edit_file(content_copy / "data" / "questions.toml", 'value = "monthly"', 'value = "weekly"')
    error = _load_error(content_copy)
    assert error.entry == "question dosing"
