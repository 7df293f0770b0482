"""The glossary (data/glossary.toml): every word the documents and notes cannot avoid, each in one
plain sentence of the explorer's own; a damaged entry is refused, naming the file and the entry."""

from __future__ import annotations

import pytest

from explorer.content.glossary import LONGEST_DEFINITION, load_glossary

from .helpers.content import edit_file, refused

# The words a reader meets in the documents and the notes without a definition.
NEEDED = (
    "opioid",
    "agonist",
    "partial agonist",
    "antagonist",
    "detox",
    "withdrawal",
    "precipitated withdrawal",
    "tolerance",
    "physical dependence",
    "opioid treatment program",
    "take-home dose",
    "MAT",
    "MOUD",
    "naloxone",
    "overdose",
    "relapse",
)


def test_every_needed_word_is_defined_in_one_short_sentence():
    glossary = load_glossary()
    defined = {word.lower(): term for term in glossary.values() for word in (term.term, *term.also)}
    assert [word for word in NEEDED if word.lower() not in defined] == []
    for term in glossary.values():
        assert term.means.endswith(".") and ". " not in term.means, term.id
        assert len(term.means.split()) <= LONGEST_DEFINITION, term.id


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (
            'means = "Starting to use a drug again after a time without it."',
            'means = "Starting to use a drug again. After a time without it."',
            "one sentence",
        ),
        (
            'means = "Starting to use a drug again after a time without it."',
            'means = "You should call a doctor if you start to use a drug again after a time without it."',
            "advise",
        ),
        ('term = "relapse"', 'term = "overdose"', "already defined"),
        (
            'means = "Starting to use a drug again after a time without it."',
            'means = "Starting to use a drug again after a time without it, which happens to many people, and which is'
            ' a sign to go back to treatment or to change it, as with other illnesses."',
            "25 words",
        ),
    ],
)
def test_a_damaged_term_is_refused_naming_file_and_entry(content_copy, old, new, says):
    edit_file(content_copy / "data" / "glossary.toml", old, new)
    error = refused(lambda: load_glossary(content_copy), "glossary.toml")
    assert error.entry == "term relapse", str(error)
    assert says in str(error), str(error)


def test_the_glossary_command_gives_every_term_with_its_sentence():
    from .helpers.checks import assert_referral_last
    from .helpers.run import run_main

    code, out, _ = run_main(["glossary"])
    assert code == 0
    shown = " ".join(out.split())
    for term in load_glossary().values():
        assert term.term in shown and term.means in shown, term.id
    assert "opioid (also: opioids, opiate)" in shown  # the other forms the texts use
    assert_referral_last(out)


def test_the_glossary_s_json_form_is_every_term_as_data():
    from explorer.formats import Format
    from explorer.render.glossary import render_glossary

    terms = tuple(load_glossary().values())
    body = render_glossary(terms, Format.JSON, 80).body
    assert isinstance(body, dict)
    assert [entry["id"] for entry in body["terms"]] == [term.id for term in terms]
    assert set(body["terms"][0]) == {"id", "term", "also", "means"}
