"""Content audit, over the whole answer space and every output format.

1. No output shows a phone number but the referral's own, a web address but the referral's, or
   a word of the documents' advertising (their "call us" lines and the referral sites' names).
2. The app's own words (not the documents' verbatim text) never diagnose or prescribe.

Each detector is general (any phone-like digit group, any web address, then an allow-list) and
is shown to catch what it is meant to catch, planted and in the raw documents.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable, Iterator

import pytest

from explorer import __version__
from explorer.content.comparison import SILENT, load_comparison
from explorer.content.toml import read_toml, squash
from explorer.content.wording import personalize
from explorer.formats import SHOWN
from explorer.published.contract import SCHEMAS
from explorer.referral import (
    DISCLAIMER_LINES,
    REFERRAL_LINES,
    REFERRAL_TEXT,
    REFERRAL_TITLE,
)
from explorer.render import notes as render_notes
from explorer.render import result as render
from explorer.render.finish import finish, referral
from explorer.render.rule_book import describe_when
from explorer.render.text import disclaimer
from explorer.summary.build import build_summary
from explorer.summary.formats import render_summary
from explorer.summary.rules import load_summary_rules

from .helpers.checks import assert_referral_last
from .helpers.content import PROJECT_ROOT, json_strings
from .helpers.run import run_main

# What a person reads beside the program: the README, the disclaimer and every page of docs/.
DOCUMENTS = (
    "DISCLAIMER.md",
    "README.md",
    *(f"docs/{page.name}" for page in sorted((PROJECT_ROOT / "docs").glob("*.md"))),
)

# ---- the detectors -------------------------------------------------------------------------------

VANITY = re.compile(r"\+?\b(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?[A-Z]{4}\b")  # 1-800-662-HELP
DIGITS = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{5,}\d(?!\w)")  # kept if it holds 7 digits or more
PLACEHOLDER = re.compile(r"\b1-8(?:XX|xx|\d\d)\b(?![\s.-]*\d)")  # "1-8XX numbers", a bare "1-800"
SHORT_CODE = re.compile(r"\b(?:call|text|dial|phone)\b[^.\n]{0,20}?\b(\d{3,6})\b", re.IGNORECASE)  # "call 911"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A SAMHSA publication number (PEP21-02-01-002), in the address of a note's source: no phone number.
PUBLICATION = re.compile(r"\bpep\d{2}-\d{2}-\d{2}-\d{3}\b", re.IGNORECASE)
# A DOI (10.1186/s13722-021-00244-8), in the address of a paper a note cites: no phone number.
DOI = re.compile(r"\b10\.\d{4,9}/\S+")
# A Federal Register document number (2025-01049), in the address of a rule a note cites: no phone number.
# A PubMed record number (12362968), in the address of a paper a note cites: no phone number.
PUBMED_RECORD = re.compile(r"pubmed\.ncbi\.nlm\.nih\.gov/\d+")
FEDERAL_REGISTER_DOCUMENT = re.compile(r"federalregister\.gov/documents/\d{4}/\d{2}/\d{2}/\d{4}-\s?\d{5}\b")
ALLOWED_PHONES = {"1800662HELP", "18006624357", "18004874889"}
ALLOWED_SHORT_CODES = {"988", "911", "435748"}  # 435748: SAMHSA's text line, in the referral

WEB = re.compile(r"(?i)\b(?:https?://|www\.)\S+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|io|us|co|biz|help)\b")
ALLOWED_HOSTS = {"findtreatment.gov", "samhsa.gov", "988lifeline.org"}
# The explorer's own notes name their public sources with their web addresses, so these
# hosts may be shown too. Each is a source of the standing data/notes.toml asks for: a US federal
# agency or law (CDC, CMS and HealthCare.gov, DEA, HHS, NIDA, SAMHSA, the eCFR, the Federal
# Register, Congress), an FDA label (DailyMed), a peer-reviewed paper (doi.org), the National
# Academies, or a clinical society (ACOG, ASAM, PCSS). No referral site, no advertiser, no trade
# newsletter; test_every_note_source_host_is_reviewed keeps this list and the notes in step.
NOTE_SOURCE_HOSTS = {
    "acog.org",
    "dailymed.nlm.nih.gov",
    "dea.gov",
    "doi.org",
    "healthcare.gov",
    "hhs.gov",
    "nap.nationalacademies.org",
    "nida.nih.gov",
    "pcssnow.org",
    "store.samhsa.gov",
    "asam.org",
    "cdc.gov",
    "cms.gov",
    "congress.gov",
    "ecfr.gov",
    "fda.gov",
    "federalregister.gov",
    # For family and friends: CDC's own blog (the audit matches hosts exactly), PubMed (NLM) for
    # the CRAFT trials, and the family groups' own pages (non-profit mutual-help fellowships and
    # SMART Recovery, no advertising), which say what each group offers.
    "blogs.cdc.gov",
    "pubmed.ncbi.nlm.nih.gov",
    "al-anon.org",
    "nar-anon.org",
    "smartrecovery.org",
}

# The documents' advertising: their calls to action, and the lead-generation sites' names and
# small print (read in data/*.txt; test_the_detectors_find_the_debris_in_the_documents proves
# each one is really there).
PROMOTION = (
    "call us",
    "rehabs.org",
    "rehabs",
    "addiction advice online",
    "addictionadviceonline",
    "call addiction advice",
    "helpline information",
    "where do calls go",
    "scroll to top",
    "paid advertiser",
    "our counselors",
    "our team",
    "commission or fee",
    "treatment center listing",
    "verified treatment provider",
    "calls are routed",
)


def phone_numbers(text: str) -> list[str]:
    """Every phone-like group that is not one of the referral's numbers."""
    found = []
    text = ISO_DATE.sub(" ", squash(text))  # a summary's date, 2026-11-22, is no phone number
    text = PUBLICATION.sub(" ", text)
    text = FEDERAL_REGISTER_DOCUMENT.sub(" ", text)
    text = DOI.sub(" ", text)
    text = PUBMED_RECORD.sub(" ", text)
    for pattern in (VANITY, DIGITS, PLACEHOLDER):
        for match in pattern.finditer(text):
            key = re.sub(r"[^0-9A-Za-z]", "", match.group())
            if pattern is DIGITS and sum(c.isdigit() for c in key) < 7:
                continue
            if key not in ALLOWED_PHONES:
                found.append(match.group())
        text = pattern.sub(" ", text)  # each number is judged once, by the first pattern to see it
    found += [m.group(0) for m in SHORT_CODE.finditer(text) if m.group(1) not in ALLOWED_SHORT_CODES]
    return found


def _host(address: str) -> str:
    host = re.split(r"[/<]", re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", address))[0]  # <: the end of an HTML element
    return host.rstrip(".,;:)\"'”*").lower()


# On screen a source's address too long for the line is cut after a hyphen (render/notes.py); read
# whole again, "https://www.nar-" and "anon.org/..." are one address, judged by its whole host.
ADDRESS_CUT_AT_A_HYPHEN = re.compile(r"(?<=[\w/.]-)\n[ \t]*(?=[\w])")


def web_addresses(text: str, allowed: frozenset[str] | set[str] = ALLOWED_HOSTS | NOTE_SOURCE_HOSTS) -> list[str]:
    text = ADDRESS_CUT_AT_A_HYPHEN.sub("", text)
    return [m.group(0) for m in WEB.finditer(text) if _host(m.group(0)) not in allowed]


# Where the explorer's own documents mention the advertising in order to say it is left out.
MENTIONS = ('"call us" lines and other advertising are left out',)


def promotion(text: str) -> list[str]:
    lowered = squash(text).lower()
    for mention in MENTIONS:
        lowered = lowered.replace(mention, " ")
    return [phrase for phrase in PROMOTION if phrase in lowered]


# The one address a published JSON Schema names besides the referral's: the dialect it is written
# in (its `$schema`), a standard's address, not a site to visit.
SCHEMA_DIALECT_HOST = "json-schema.org"


def _problems(text: str) -> list[str]:
    allowed = ALLOWED_HOSTS | NOTE_SOURCE_HOSTS | {SCHEMA_DIALECT_HOST}
    return phone_numbers(text) + web_addresses(text, allowed) + promotion(text)


# ---- the detectors can fail ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "planted",
    [
        "Call 555-123-4567 today.",
        "(855) 334-6120",
        "+1 844 721 0204",
        "855.334.6120",
        "1-888-GET-HELP",
        "1 800 662 1234",
        "1-800-662-4358",
        "8553346120",
        "toll-free 1-8XX numbers",
        "call 411",
        "text HOME to 741741",
        "Call or text 1-800-273-8255 now",
    ],
)
def test_the_phone_detector_flags_a_planted_number(planted):
    assert phone_numbers(f"Some words. {planted} More words.") != [], planted
    assert phone_numbers(REFERRAL_TEXT + "\n" + planted) != [], planted


@pytest.mark.parametrize(
    "planted",
    [
        "www.rehabs.org",
        "https://example.com/help",
        "see addictionadviceonline.com.",
        "http://10.0.0.1/x",
        "FindTreatment.gov.evil.com",
        "visit samhsa.gov.example.net",
        "https://www.rehab-\n    finder.example.com/x",  # cut after a hyphen, as on screen
        "https://www.nar-\n    anon.example.com/",
    ],
)
def test_the_web_detector_flags_a_planted_address(planted):
    assert web_addresses(f"{REFERRAL_TEXT}\nAlso: {planted}") != [], planted


def test_the_web_detector_reads_a_reviewed_address_cut_at_a_hyphen_whole():
    assert web_addresses("Sources: Nar-Anon, 2026-12, https://www.nar-\n    anon.org/united-states/; more") == []


@pytest.mark.parametrize(
    "planted",
    ["Call us today", "The Rehabs.org helpline", "Addiction Advice Online", "Our counselors are here", "Scroll to Top"],
)
def test_the_promotion_detector_flags_a_planted_phrase(planted):
    assert promotion(f"{REFERRAL_TEXT}\n{planted}") != [], planted


def test_the_referral_passes_the_detectors():
    everything = "\n".join(
        [
            REFERRAL_TEXT,
            referral(40),
            referral(200),
            *DISCLAIMER_LINES,
            "www.FindTreatment.gov https://www.samhsa.gov/find-help 988lifeline.org",
            "1-800-662-4357",
            "call or text 988",
            "call 911",
        ]
    )
    assert _problems(everything) == []


def test_each_mention_of_the_advertising_is_still_in_use():
    disclaimer = squash((PROJECT_ROOT / "DISCLAIMER.md").read_text(encoding="utf-8")).lower()
    assert [mention for mention in MENTIONS if mention not in disclaimer] == []


def test_the_detectors_find_the_debris_in_the_documents(catalog):
    texts = catalog.document_texts.values()
    numbers = sorted(n for t in texts for n in phone_numbers(t))
    assert numbers == ["+1-844-721-0204", "1-8XX", "833-610-1174", "833-846-5669", "855-334-6120"]
    assert sorted(a for t in texts for a in web_addresses(t)) == ["Rehabs.org"] * 3
    found = {p for t in texts for p in promotion(t)}
    assert found == set(PROMOTION) - {"addictionadviceonline"}  # that one is planted above, not in the documents


# ---- every output --------------------------------------------------------------------------------


def _blocks(output: str) -> Iterable[str]:
    """Paragraphs: a number or an address never spans a blank line, and paragraphs repeat a lot."""
    return output.split("\n\n")


@pytest.fixture(scope="module")
def fast_wrap():
    """render.wrap is pure; remembering its answers makes 12,960 text renderings affordable.
    test_remembered_wrapping_changes_nothing checks that the output is the same."""
    with pytest.MonkeyPatch.context() as patch:
        remembered = functools.lru_cache(maxsize=None)(render.wrap)
        patch.setattr(render, "wrap", remembered)
        patch.setattr(render_notes, "wrap", remembered)  # the explorer's notes, under every section
        yield


@pytest.fixture(scope="module")
def answer_space_outputs(catalog, every_result, fast_wrap) -> dict[str, str]:
    """Every distinct paragraph (text, markdown) or string (json) of every profile's result, with
    where it was first seen. Every output is checked to end with the referral on the way."""
    seen: dict[str, tuple[str, int]] = {}
    for number, result in enumerate(every_result):
        for fmt in SHOWN:
            output = finish(render.render_result(result, fmt, 80), 80)
            data = assert_referral_last(output, fmt)
            for piece in json_strings(data) if fmt == "json" else _blocks(output):
                if piece not in seen:
                    seen[piece] = (fmt, number)
    return {piece: f"{fmt} output for {every_result[n].answers}" for piece, (fmt, n) in seen.items()}


def test_remembered_wrapping_changes_nothing(catalog, every_result):
    results = every_result[:: len(every_result) // 25]
    plain = [render.to_text(r, 80) for r in results]
    remembered = functools.lru_cache(maxsize=None)(render.wrap)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "wrap", remembered)
        assert [render.to_text(r, 80) for r in results] == plain
        assert remembered.cache_info().hits > 0


@pytest.fixture(scope="module")
def command_outputs(catalog) -> dict[str, str]:
    """Everything else the program prints: listings, each section in each format, help, version,
    the disclaimer, refusals; and the documents the user is pointed to."""
    runs = {
        "--help": ["--help"],
        "--version": ["--version"],
        "usage error": ["--format", "yaml"],
        "bad input": ["--answers", "-"],
        "compare --plain": ["compare", "--plain"],
    }
    for command in ("sections", "rules", "about", "compare"):
        for fmt in SHOWN:
            runs[f"{command} --format {fmt}"] = [command, "--format", fmt]
    for name in SCHEMAS:
        runs[f"schema {name}"] = ["schema", name]
    for section_id in catalog.sections:
        for fmt in SHOWN:
            runs[f"show {section_id} --format {fmt}"] = ["show", section_id, "--format", fmt]
    outputs = {}
    for name, argv in runs.items():
        code, out, err = run_main(argv, stdin=b'{"setting": "clinic"}')
        assert code in (0, 2), (name, err)
        outputs[name] = out + err
    outputs["disclaimer"] = disclaimer(80)
    for document in DOCUMENTS:
        outputs[document] = (PROJECT_ROOT / document).read_text(encoding="utf-8")
    return outputs


def test_the_answer_space_was_covered(answer_space_outputs, every_result, catalog):
    assert len(every_result) == 20_250
    shown = {s.id for r in every_result for s in r.suggestions}
    assert len(shown) > 40  # most sections reach some profile; `show` covers every one
    assert any("1-800-662-HELP (4357)" in piece for piece in answer_space_outputs)


def test_show_and_help_outputs_were_produced(command_outputs, catalog):
    # Each section in three formats; then five runs, four commands in three formats, each schema, the
    # disclaimer, the documents (the README, DISCLAIMER.md and every page of docs/).
    assert len(command_outputs) == 3 * len(catalog.sections) + 5 + 4 * 3 + len(SCHEMAS) + 1 + len(DOCUMENTS)
    assert "docs/scripting.md" in command_outputs
    assert __version__ in command_outputs["--version"]
    assert "usage: treatment-explorer" in command_outputs["--help"]


def assert_nothing_found(texts: dict[str, str], detector) -> None:
    """`texts` maps each text to where it was seen; the detector must find nothing in any."""
    problems = [(found, where) for text, where in texts.items() for found in detector(text)]
    assert problems == [], "\n".join(f"{found!r} in {where}" for found, where in problems[:20])


@pytest.mark.parametrize("detector", [phone_numbers, web_addresses, promotion], ids=lambda d: d.__name__)
def test_no_phone_number_address_or_promotion_but_the_referral_s_in_any_result(answer_space_outputs, detector):
    assert_nothing_found(answer_space_outputs, detector)


def test_no_phone_number_address_or_promotion_in_any_other_output(command_outputs):
    assert_nothing_found({text: name for name, text in command_outputs.items()}, _problems)


@pytest.fixture(scope="module")
def saved_summaries(catalog, every_result) -> dict[str, str]:
    """Take-home summaries (HTML and Markdown) for a spread of 405 profiles of the answer space."""
    comparison = load_comparison(catalog)
    rules = load_summary_rules(comparison)
    summaries = {}
    for result in every_result[::50]:
        summary = build_summary(catalog, result, comparison, rules)
        for fmt in ("html", "markdown"):
            summaries[render_summary(summary, fmt)] = f"{fmt} summary for {result.answers}"
    return summaries


def test_no_phone_number_address_or_promotion_in_saved_summaries(saved_summaries):
    assert len(saved_summaries) == 2 * 405
    assert all("1-800-662-HELP (4357)" in text for text in saved_summaries)
    assert_nothing_found(saved_summaries, _problems)


# ---- the app's own words never diagnose or prescribe -----------------------------------------------

ADVICE_PATTERNS = [
    r"\byou(?:'d| would)? (?:should|must|need|have to|ought|had better)\b",
    r"\b(?:they|the person you care about) (?:should|must|needs?|has to|have to|ought)\b",
    r"\b(?:we|i) (?:recommend|advise|suggest that)\b",
    r"\brecommended for (?:you|them)\b",
    r"\bdiagnos\w*",
    r"\bprescrib\w*",
    r"\b(?:you|they|the person you care about) (?:have|has|suffers? from) (?:an? )?(?:opioid|heroin|substance)[- ]use disorder",  # noqa: E501
    r"\b(?:you|they)(?:'re| are) (?:an? )?addict(?:ed)?\b",
    r"\bthe person you care about is (?:an? )?addict(?:ed)?\b",
    r"\b(?:is|are) (?:right|best|the best option|the best choice) for (?:you|them|the person you care about)\b",
    r"\b(?:start|stop|take) (?:taking )?(?:methadone|buprenorphine|naltrexone|suboxone|vivitrol|naloxone)\b",
]
ADVICE = re.compile("|".join(ADVICE_PATTERNS), re.IGNORECASE)

# The app's own words that contain a flagged word without diagnosing or prescribing: they deny it,
# or attribute it to the documents. Exact phrases; each must still be in use (see below).
NOT_ADVICE = (
    "It is not medical advice, a diagnosis or a recommendation.",
    "It is not a diagnosis or a recommendation",  # ".", or "of any treatment, medication, ..."
    "Not medical advice, not a diagnosis.",
    "It is **not medical advice, not a diagnosis and not a recommendation**",
    "It never asks for symptoms, amounts, diagnoses, names",
    "Who can prescribe or give it",  # a comparison row: who may, not whether to
)


def advice(text: str) -> list[str]:
    text = squash(text)
    for phrase in NOT_ADVICE:
        text = text.replace(phrase, " ")
    return [m.group(0) for m in ADVICE.finditer(text)]


def _user_facing_strings(module_path) -> Iterator[str]:
    """String constants of a module, docstrings left out (they are for developers)."""
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


@pytest.fixture(scope="module")
def app_words(catalog) -> dict[str, str]:
    """Everything the explorer says in its own words, personalized both ways where it can be."""
    words: dict[str, str] = {}
    for for_whom in ("self", "someone_else"):
        for q in catalog.questions:
            words[f"question {q.key} ({for_whom})"] = "\n".join(
                personalize(t, for_whom) for t in (q.name, q.prompt, q.help, *(c.label for c in q.choices))
            )
        for rule in catalog.rules.suggest:
            words[f"reason of {rule.id} ({for_whom})"] = personalize(rule.reason, for_whom)
    for rule in catalog.rules.caution:
        words[f"caution {rule.id}"] = rule.lead  # the quote after it is the documents' words
    for rule in catalog.rules.withhold:
        words[f"withhold {rule.id}"] = rule.why
    for attach in catalog.rules.attach:
        words[f"note rule {attach.id}"] = attach.why
    for not_yet in catalog.rules.not_yet:
        words[f"order rule {not_yet.id}"] = not_yet.why
    words["the ordering policy"] = "\n".join(tier.says for tier in catalog.rules.order.tiers)
    for rule in catalog.rules.all():
        words[f"condition of {rule.id}"] = describe_when(catalog, rule.when)
    words["section titles"] = "\n".join(s.title for s in catalog.sections.values())
    words["referral and disclaimer"] = "\n".join([REFERRAL_TITLE, *REFERRAL_LINES, *DISCLAIMER_LINES])
    for module in sorted((PROJECT_ROOT / "explorer").rglob("*.py")):  # every room of the package
        words[f"strings of {module.relative_to(PROJECT_ROOT).as_posix()}"] = "\n".join(_user_facing_strings(module))
    summary_rules = read_toml(PROJECT_ROOT / "rules" / "summary.toml")
    for for_whom in ("self", "someone_else"):
        for rule in summary_rules.get("ask", []):
            words[f"summary question {rule['id']} ({for_whom})"] = personalize(rule["question"], for_whom)
    for rule in summary_rules.get("mark", []):
        words[f"summary mark {rule['id']}"] = rule["matches"]
    comparison = load_comparison(catalog)
    words["comparison's own words"] = "\n".join(  # its quotes are the documents' words
        [comparison.intro, SILENT, *(c.label for c in comparison.columns), *(r.label for r in comparison.rows)]
    )
    templates = sorted((PROJECT_ROOT / "explorer" / "summary" / "templates").glob("*"))
    assert templates, "the summary's templates were not found: their words would go unchecked"
    for template in templates:
        words[f"template {template.name}"] = re.sub(
            r"{[{%#].*?[}%#]}|<[^>]+>", " ", template.read_text(encoding="utf-8")
        )
    words["--help"] = run_main(["--help"])[1]
    words["DISCLAIMER.md"] = (PROJECT_ROOT / "DISCLAIMER.md").read_text(encoding="utf-8")
    return words


def test_the_app_s_own_words_never_diagnose_or_prescribe(app_words):
    assert_nothing_found({text: name for name, text in app_words.items()}, advice)


def test_every_exception_to_the_advice_check_is_still_in_use(app_words):
    everything = squash("\n".join(app_words.values()))
    assert [phrase for phrase in NOT_ADVICE if phrase not in everything] == []


@pytest.mark.parametrize(
    "planted",
    [
        "You should take methadone every day.",
        "you need treatment now",
        "You must start naltrexone.",
        "This looks like a diagnosis of opioid use disorder.",
        "You have opioid use disorder.",
        "you are addicted",
        "The person you care about needs to detox first.",
        "We recommend buprenorphine.",
        "Your doctor will prescribe it.",
        "Methadone is the best option for you.",
        "Stop taking naloxone.",
    ],
)
def test_the_advice_detector_flags_a_planted_phrase(planted):
    assert advice(f"{REFERRAL_TEXT}\nBecause you asked: {planted}") != [], planted


def test_the_app_s_words_are_all_there(app_words, catalog):
    # The scan would pass vacuously on an empty inventory.
    assert len(app_words) > 2 * len(catalog.questions) + 2 * len(catalog.rules.suggest)
    assert "Who are you exploring options for?" in app_words["question for_whom (self)"]
    assert "the person you care about" in app_words["reason of counseling-yes (someone_else)"]
    assert "Open a section to read it, or finish:" in app_words["strings of explorer/session/reader.py"]
    assert "sorry, something went wrong" in app_words["strings of explorer/cli/ending.py"]
    assert "Save a summary to bring to your appointment?" in app_words["strings of explorer/summary/offer.py"]


# ---- the explorer's own notes -----------------------------------------------------------------------

# A note may state facts about prescribing and diagnosis (who may prescribe buprenorphine, that
# naloxone is sold without a prescription): the notes are checked with the advice patterns less
# the two that flag those bare words, and with more ways of telling someone what to do. Calling
# 911 in an overdose is the one instruction a note may carry, as the referral does.
NOTE_ADVICE = re.compile(
    "|".join(
        [p for p in ADVICE_PATTERNS if "prescrib" not in p and "diagnos" not in p]
        + [
            r"\b(?:do not|don't|never|always) (?:take|use|stop|start|mix|combine|wait)\b",
            r"\bconsider (?:taking|starting|stopping|switching|asking)\b",
            r"\b(?:switch|change) (?:to|from) (?:methadone|buprenorphine|naltrexone|suboxone|vivitrol)\b",
            r"\b(?:safer|better|best) (?:for you|for them|choice|option)\b",
            r"\b(?:make sure|be sure) (?:you|to)\b",
        ]
    ),
    re.IGNORECASE,
)


def note_advice(text: str) -> list[str]:
    return [m.group(0) for m in NOTE_ADVICE.finditer(squash(text))]


def test_every_note_informs_and_never_advises(catalog):
    assert len(catalog.notes) >= 15
    assert_nothing_found({note.text: f"note {note.id}" for note in catalog.notes.values()}, note_advice)


@pytest.mark.parametrize(
    "planted",
    [
        "You should take methadone every day.",
        "You must start naltrexone.",
        "We recommend buprenorphine.",
        "Do not stop taking naltrexone.",
        "Consider switching to buprenorphine.",
        "Switch to methadone after detox.",
        "Buprenorphine is the best option for you.",
        "Make sure you carry naloxone.",
        "Always take naloxone with you.",
        "Stop taking methadone before surgery.",
    ],
)
def test_the_note_advice_detector_flags_a_planted_phrase(planted):
    assert note_advice(f"Since 2023, it is sold without a prescription. {planted}") != [], planted


def test_the_note_advice_detector_lets_a_prescribing_fact_pass():
    fact = (
        "Since 2023, naloxone nasal spray has been sold without a prescription. Any clinician who may "
        "prescribe controlled medicines may prescribe buprenorphine. In an overdose, call 911 too."
    )
    assert note_advice(fact) == []
    assert advice(fact) != []  # the app's own words elsewhere stay under the stricter check


def test_notes_carry_no_phone_number_address_or_promotion_of_their_own(catalog):
    # Their sources' addresses belong in their sources; the referral's numbers in the referral.
    texts = {note.text: f"note {note.id}" for note in catalog.notes.values()}
    assert_nothing_found(texts, phone_numbers)
    assert_nothing_found(texts, lambda text: web_addresses(text, ALLOWED_HOSTS))
    assert_nothing_found(texts, promotion)


def test_every_note_source_host_is_reviewed(catalog):
    hosts = {_host(source.address) for note in catalog.notes.values() for source in note.sources}
    reviewed = NOTE_SOURCE_HOSTS | ALLOWED_HOSTS  # samhsa.gov: the referral's, and a source of notes
    assert hosts - reviewed == set(), "a note cites a source whose host is not reviewed above"
    assert NOTE_SOURCE_HOSTS - hosts == set(), "a reviewed host no note cites any more"
