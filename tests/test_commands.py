"""Each command as a script uses it, run as a subprocess without a terminal: --answers in JSON
(its contract), in text and in Markdown (the same content), sections, show, rules and --help, each
output ending with the referral."""

from __future__ import annotations

import json

import pytest

from explorer.content.answers import PRIORITY_KEYS
from explorer.referral import REFERRAL_TEXT

from .helpers.checks import assert_referral_last
from .helpers.run import run_cli

ANSWERS = {
    "for_whom": "someone_else",
    "setting": "doctor_office",
    "dosing": "monthly",
    "detox": "in_progress",
    "counseling": "yes",
    "support_groups": "no",
    "interests": ["overdose"],
}


def test_json_output_is_one_object_with_the_contract(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS))
    done = run_cli("--answers", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    # notes: the explorer's own; format_version first (docs/scripting.md, "Format versions")
    assert list(data) == ["format_version", "lang", "answers", "notes", "suggestions", "figures", "referral"]
    # The optional "what matters" step's answers are echoed too, "unsure" when not given.
    assert data["answers"] == {**ANSWERS, "matters": dict.fromkeys(PRIORITY_KEYS, "unsure")}
    assert data["referral"]["text"] == REFERRAL_TEXT
    first = data["suggestions"][0]
    assert set(first) == {"id", "title", "source", "topics", "reasons", "cautions", "notes", "text"}
    assert first["id"] == "naloxone-overdose"
    naltrexone = [s for s in data["suggestions"] if "naltrexone" in s["topics"]]
    assert naltrexone
    assert all(s["cautions"] for s in naltrexone)
    assert any("the person you care about" in r for s in data["suggestions"] for r in s["reasons"])
    assert done.stderr == ""


def test_missing_keys_mean_unsure_and_stdin_works():
    done = run_cli("--answers", "-", "--format", "json", stdin="{}")
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout)["answers"]
    assert answers == {
        "for_whom": "unsure",
        "setting": "unsure",
        "dosing": "unsure",
        "detox": "unsure",
        "counseling": "unsure",
        "support_groups": "unsure",
        "interests": [],
        "matters": dict.fromkeys(PRIORITY_KEYS, "unsure"),
    }


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_carry_the_same_content_referral_last(catalog, fmt):
    json_out = json.loads(run_cli("--answers", "-", "--format", "json", stdin=json.dumps(ANSWERS)).stdout)
    done = run_cli("--answers", "-", "--format", fmt, stdin=json.dumps(ANSWERS))
    assert done.returncode == 0, done.stderr
    flat = " ".join(done.stdout.replace("\\", "").replace(">", " ").split())
    for suggestion in json_out["suggestions"]:
        assert suggestion["title"] in flat
        # JSON names the file; a reader sees the document's title and kind.
        assert " ".join(catalog.document_label(suggestion["source"]).split()) in flat
        assert suggestion["source"] not in flat
        for piece in (*suggestion["reasons"], *suggestion["cautions"], suggestion["text"]):
            assert " ".join(piece.split()) in flat, piece[:60]
    assert_referral_last(done.stdout, fmt)


def test_markdown_is_structured():
    done = run_cli("--answers", "-", "--format", "markdown", stdin=json.dumps(ANSWERS))
    lines = done.stdout.splitlines()
    assert lines[0] == "# Treatment Options Explorer: reading list"
    assert "## Talk to a healthcare professional" in lines
    assert sum(line.startswith("### ") for line in lines) == len(
        json.loads(run_cli("--answers", "-", "--format", "json", stdin=json.dumps(ANSWERS)).stdout)["suggestions"]
    )


def test_help_helps():
    done = run_cli("--help")
    assert done.returncode == 0
    for word in ("--answers", "--format", "sections", "show ID", "rules", "1-800-662-HELP", "911", "not a diagnosis"):
        assert word in done.stdout, word


@pytest.mark.parametrize("columns", [40, 80, 200])
def test_help_fits_the_terminal_without_breaking_a_word(columns):
    done = run_cli("--help", env={"COLUMNS": str(columns)})
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns - 1, done.stdout
    flowing = " ".join(done.stdout.split())
    for phrase in (
        "list every rule: when it applies, the sections it suggests, its reason and the notes it adds.",
        "Not medical advice, not a diagnosis.",
        "in an emergency or an overdose call 911.",
        "(for screen readers and simple terminals; the default when TERM=dumb)",
    ):
        assert phrase in flowing, phrase


def test_sections_lists_the_catalog(catalog):
    done = run_cli("sections")
    assert done.returncode == 0
    for section_id in catalog.sections:
        assert f"\n{section_id}\n" in done.stdout
    assert_referral_last(done.stdout)


def test_show_prints_one_section_verbatim(catalog):
    section = catalog.sections["naloxone-overdose"]
    done = run_cli("show", "naloxone-overdose")
    assert done.returncode == 0
    assert " ".join(section.text.split()) in " ".join(done.stdout.split())
    assert catalog.document_label(section.source) in " ".join(done.stdout.split())
    assert_referral_last(done.stdout)
    as_json = json.loads(run_cli("show", "naloxone-overdose", "--format", "json").stdout)
    assert as_json["text"] == section.text
    assert as_json["referral"]["text"] == REFERRAL_TEXT


def test_show_unknown_section():
    done = run_cli("show", "heroin-cure")
    assert done.returncode == 2
    assert "no section 'heroin-cure'" in done.stderr
    assert_referral_last(done.stderr)


def test_rules_lists_every_rule_with_condition_sections_and_reason(catalog):
    done = run_cli("rules")
    assert done.returncode == 0
    out = " ".join(done.stdout.split())
    for rule in catalog.rules.all():
        assert rule.id in out
    for rule in catalog.rules.suggest:
        assert " ".join(rule.reason.split()) in out
        assert ", ".join(rule.sections) in out
    assert "When: Setting is “A doctor's office” and Interests do not include “How the medications work”" in out
    assert_referral_last(done.stdout)


def test_show_as_markdown(catalog):
    done = run_cli("show", "what-is-mat", "--format", "markdown")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == "# What is medication-assisted treatment (MAT)?"
    assert lines[-1] == "In an emergency or an overdose: call 911."
    assert "## Talk to a healthcare professional" in lines


def test_disclaimer_prints_the_full_disclaimer_without_markdown_marks():
    done = run_cli("disclaimer")
    assert done.returncode == 0, done.stderr
    shown = done.stdout.split("TALK TO A HEALTHCARE PROFESSIONAL")[0]
    flat = " ".join(shown.split())
    assert "In an emergency or an overdose, call 911 now." in flat
    assert "It is not medical advice, not a diagnosis and not a recommendation" in flat
    assert "**" not in shown and not any(line.startswith("#") for line in shown.splitlines())
    assert max(len(line) for line in shown.splitlines()) <= 80  # wrapped anew, as every listing
    assert_referral_last(done.stdout)


def test_about_and_the_opening_screen_say_where_the_full_disclaimer_is():
    from explorer.referral import DISCLAIMER_LINES

    about = " ".join(run_cli("about").stdout.split())
    assert "The full disclaimer: treatment-explorer disclaimer" in about
    assert "treatment-explorer glossary" in about
    assert DISCLAIMER_LINES[-1] == "The full disclaimer: treatment-explorer disclaimer."


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_rules_in_every_format_carry_every_rule_with_its_reason(catalog, fmt):
    done = run_cli("rules", "--format", fmt)
    assert done.returncode == 0, done.stderr
    flat = " ".join(done.stdout.replace("\\", "").split())
    for rule in catalog.rules.all():
        assert rule.id in flat, rule.id
    for rule in catalog.rules.suggest:
        assert json.dumps(rule.reason)[1:-1] in flat if fmt == "json" else " ".join(rule.reason.split()) in flat
    assert_referral_last(done.stdout, fmt if fmt != "text" else "screen")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_sections_in_every_format_list_every_section_and_its_document(catalog, fmt):
    done = run_cli("sections", "--format", fmt)
    assert done.returncode == 0, done.stderr
    flat = " ".join(done.stdout.replace("\\", "").split())
    for section in catalog.sections.values():
        assert section.id in flat and section.title.replace("*", "") in flat.replace("*", ""), section.id
    for document in catalog.documents.values():
        assert " ".join(document.label.split()) in flat
    assert_referral_last(done.stdout, fmt if fmt != "text" else "screen")


def test_about_as_markdown_and_json_says_what_the_text_says():
    text = " ".join(run_cli("about").stdout.split())
    markdown = run_cli("about", "--format", "markdown").stdout
    data = json.loads(run_cli("about", "--format", "json").stdout)
    assert markdown.startswith(f"# {data['title']}\n")
    for paragraph in data["paragraphs"]:
        assert paragraph in text and paragraph in markdown
    assert data["checked"] in text
