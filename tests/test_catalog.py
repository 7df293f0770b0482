"""The content as it is on disk: the five documents are unchanged copies of the seeds; every
section stands verbatim in its source, without a phone number or advertising; the sections cover
every theme and every document; the questions follow the answers contract. (A damaged copy is
refused: test_damaged_content.)"""

from __future__ import annotations

import re

import pytest

from explorer.content.documents import Topic
from explorer.content.toml import squash

from .helpers.content import PROJECT_ROOT, SEEDS

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
