""" "What matters to me", the optional step, over every combination of its seven ratings (4^7 =
16,384) with the other answers fixed, through the real durable-rules engine, rendered in text,
Markdown and JSON: each rated point shows every option in a fixed order, quoting the documents
verbatim or saying that they are silent, and never ranks or advises; the referral stays last.
Also its content, checked at load; its scripting contract; and the step asked through both kinds
of menus.

The whole space is computed once (module fixtures) and shared by the tests that read it.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import re

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from explorer.ask.arrow_menus import ArrowMenus
from explorer.ask.matters import ask_matters
from explorer.ask.numbered_menus import NumberedMenus
from explorer.content.answers import PRIORITY_KEYS, RATED, RATINGS, Answers, Matters
from explorer.content.catalog import load_catalog
from explorer.content.matters import SILENT
from explorer.content.sentences import whole_sentences
from explorer.content.toml import squash
from explorer.content.wording import personalize
from explorer.formats import SHOWN, Format
from explorer.infer.engine import RuleEngine
from explorer.infer.matters import build_matters
from explorer.infer.reading_list import build_result
from explorer.published.reading_list import what_matters_json
from explorer.render import matters as render_matters
from explorer.render import notes as render_notes
from explorer.render import text as render_text
from explorer.render.finish import finish
from explorer.render.matters import matters_markdown, matters_text
from explorer.render.result import render_result

from .helpers.checks import assert_referral_last, error_message, ranking_words
from .helpers.content import edit_file, json_strings, refused
from .helpers.keys import DOWN, ENTER, UP
from .helpers.run import run_main

OPTION_ORDER = ("methadone", "buprenorphine", "naltrexone", "without-medication")
FIXED = {"for_whom": "someone_else", "setting": "doctor_office", "dosing": "monthly", "detox": "in_progress"}


def every_rating():
    for combo in itertools.product(RATINGS, repeat=len(PRIORITY_KEYS)):
        yield Matters(**dict(zip(PRIORITY_KEYS, combo, strict=True)))


class _MatterRules:
    """The rules of rules/matters.toml alone, for the real engine: a real run evaluates them with
    the reading list's rules (one rule book), which fire the same for every profile of this space,
    so they are left out here to keep 16,384 evaluations fast. That both fire the same matter rules
    is checked on a sample (test_the_whole_rule_book_fires_the_same_matter_rules)."""

    def __init__(self, rules):
        self.rules = rules

    def all(self):
        return (*self.rules.matter_rows, *self.rules.matter_asks)


@pytest.fixture(scope="module")
def space(catalog):
    """(answers, fired rules, matters section) for every combination of the seven ratings."""
    engine = RuleEngine.for_rules(_MatterRules(catalog.rules), "what_matters_only")
    found = []
    for matters in every_rating():
        answers = Answers(**FIXED, matters=matters)
        fired = engine.fired(answers)
        found.append((answers, fired, build_matters(catalog, answers, fired)))
    return found


def _shape(section):
    """What a section is made of: entries are the same for a point whatever the profile."""
    return (section.heading, tuple((p.key, p.rating, p.questions) for p in section.points))


@pytest.fixture(scope="module")
def rendered(space):
    """Each distinct section in each format (as the reader gets it), with the ratings it came from.
    Sections of the same shape render the same (pure functions): each shape is rendered once,
    wrapping remembered as in the content audit."""
    seen: dict[str, Matters] = {}
    shapes = set()
    with pytest.MonkeyPatch.context() as patch:
        remembered = functools.lru_cache(maxsize=None)(render_text.wrap)
        patch.setattr(render_matters, "wrap", remembered)
        patch.setattr(render_notes, "wrap", remembered)
        for answers, _, section in space:
            if section is None or _shape(section) in shapes:
                continue
            shapes.add(_shape(section))
            pieces = (
                matters_text(section, 80),
                "\n".join(matters_markdown(section)),
                json.dumps(what_matters_json(section), ensure_ascii=False),
            )
            for piece in pieces:
                seen.setdefault(piece, answers.matters)
    assert len(shapes) == 3**7  # each priority shown "a lot", shown "somewhat", or not shown
    return seen


# ---- the detectors -------------------------------------------------------------------------------


def options_in_order(text: str, labels: tuple[str, ...]) -> bool:
    """Within each point of a text rendering, the options' labels appear in the fixed order."""
    for block in text.split("(how much it matters: ")[1:]:
        at = [block.find(f"\n  {label}\n") for label in labels]
        if -1 in at or at != sorted(at):
            return False
    return True


@pytest.mark.parametrize(
    "planted",
    [
        "Methadone is the best match for you.",
        "We recommend buprenorphine.",
        "You should take naltrexone.",
        "Recommended: Methadone",
        "Options ranked by fit",
        "Buprenorphine: score 8/10",
        "The person you care about should choose methadone.",
        "Naltrexone is the top choice.",
        "This fits you best.",
    ],
)
def test_the_ranking_detector_flags_a_planted_phrase(rendered, planted):
    some_output = next(iter(rendered))
    assert ranking_words(some_output) == []
    assert ranking_words(f"{some_output}\n{planted}") != [], planted


def test_the_order_check_catches_options_out_of_order(space):
    section = next(s for _, _, s in space if s is not None and s.points)
    labels = tuple(entry.label for entry in section.points[0].options)
    text = matters_text(section, 80)
    assert options_in_order(text, labels)
    swapped = section.points[0].model_copy(update={"options": section.points[0].options[::-1]})
    reordered = section.model_copy(update={"points": (swapped, *section.points[1:])})
    assert not options_in_order(matters_text(reordered, 80), labels)


# ---- the whole space -----------------------------------------------------------------------------


def test_the_space_is_complete(space):
    assert len(space) == 4**7 == 16_384
    assert len({a.matters for a, _, _ in space}) == 16_384


def test_the_section_is_there_exactly_when_the_step_was_answered(space):
    for answers, _, section in space:
        assert (section is None) == all(getattr(answers.matters, k) == "unsure" for k in PRIORITY_KEYS)


def test_each_rated_priority_shows_one_entry_per_option_in_the_fixed_order(catalog, space):
    file_order = [p.key for p in catalog.matters.priorities]
    shown_entries = 0
    for answers, _, section in space:
        if section is None:
            continue
        rated = [k for k in file_order if getattr(answers.matters, k) in RATED]
        assert [p.key for p in section.points] == rated, answers.matters  # the file's order, never by rating
        for point in section.points:
            assert point.rating == getattr(answers.matters, point.key)
            assert tuple(e.option for e in point.options) == OPTION_ORDER
            for entry in point.options:
                assert (entry.quote is not None) != entry.silent, (point.key, entry.option)
                if entry.silent:
                    assert entry.says == SILENT
                shown_entries += 1
            assert point.questions, (answers.matters, point.key)  # a question to ask, always
            assert all("{" not in q for q in point.questions), "a placeholder was left unfilled"
    assert shown_entries == 4 * 7 * 2 * 4**6  # each priority is rated a_lot or somewhat in half the space


def test_the_whole_rule_book_fires_the_same_matter_rules(catalog, engine, space):
    matter_rules = {r.id for r in _MatterRules(catalog.rules).all()}
    for answers, fired, _ in space[::61]:
        assert set(engine.fired(answers)) & matter_rules == set(fired)


def test_the_rules_decide_the_questions(catalog, space):
    asks = {r.id: r for r in catalog.rules.matter_asks}
    for _, fired, section in space[::97]:
        if section is None:
            continue
        for point in section.points:
            extra = [
                personalize(r.question, "someone_else")
                for r in asks.values()
                if r.id in fired and r.priority == point.key
            ]
            assert point.questions[1:] == tuple(extra)
    # detox "in_progress" and a monthly preference (FIXED): both combined questions fire somewhere.
    fired_anywhere = {rule for _, fired, _ in space for rule in fired}
    assert set(asks) <= fired_anywhere


def test_every_quote_is_verbatim_whole_sentences_of_its_section_and_document(catalog, space):
    quotes = {}
    for _, _, section in space:
        for point in section.points if section else ():
            for entry in (*point.options, point.about_all):
                if entry is not None and entry.quote is not None:
                    quotes[(entry.quote.text, entry.quote.section)] = entry.quote
    assert len(quotes) >= 15
    for (text, section_id), quote in quotes.items():
        section = catalog.sections[section_id]
        assert quote.source == section.source
        assert quote.section_title == section.title
        assert squash(text) in squash(section.text)
        assert squash(text) in squash(catalog.document_texts[section.source])
        assert whole_sentences(text, section.text), text


def test_every_note_is_the_explorer_s_dated_and_sourced(space):
    notes = {}
    for _, _, section in space:
        for point in section.points if section else ():
            for entry in (*point.options, point.about_all):
                for note in entry.notes if entry else ():
                    notes[note.id] = note
    assert "treatment-records-confidential" in notes
    assert "medicaid-covers-all-three" in notes
    for note in notes.values():
        assert note.by == "the explorer"
        assert note.checked
        assert note.sources
        assert all(s.publisher and s.title and s.address.startswith("https://") and s.date for s in note.sources)
        assert not any(mark in note.text for mark in '“”"'), "a note is never a quote"


def test_no_ranking_or_advice_words_in_any_output_of_the_space(rendered):
    assert len(rendered) == 3 * 3**7  # every distinct section, in each format
    pieces: dict[str, Matters] = {}  # paragraphs repeat a lot: each distinct one is scanned once
    for text, ratings in rendered.items():
        for piece in json_strings(json.loads(text)) if text.startswith("{") else text.split("\n\n"):
            pieces.setdefault(piece, ratings)
    problems = [(found, ratings) for text, ratings in pieces.items() for found in ranking_words(text)]
    assert problems == [], problems[:10]


def test_the_options_keep_their_order_in_every_text_output(rendered, catalog):
    labels = tuple(o.label for o in catalog.matters.options)
    texts = [text for text in rendered if "(how much it matters: " in text and text.startswith("─")]  # plain text
    assert texts
    assert [t for t in texts if not options_in_order(t, labels)] == []


def test_the_section_says_plainly_that_the_options_are_not_weighed(rendered):
    for text in rendered:
        assert "does not weigh the options" in text


def test_every_output_ends_with_the_referral_the_section_after_the_reading_list(catalog, engine, space):
    for answers, _, _ in space[::211]:
        result = build_result(catalog, answers, engine.fired(answers))  # the whole rule book
        for fmt in SHOWN:
            output = finish(render_result(result, fmt, 80), 80)
            data = assert_referral_last(output, fmt)
            if result.matters is None:
                continue
            if fmt == Format.JSON:
                assert data is not None
                assert list(data) == [
                    "format_version",
                    "lang",
                    "answers",
                    "notes",
                    "suggestions",
                    "matters",
                    "figures",
                    "referral",
                ]
                assert data["answers"]["matters"] == answers.matters.model_dump()
            else:
                last_section = result.suggestions[-1].text.split("\n")[-1].split()[-1]
                assert output.rindex(last_section) < output.index(result.matters.heading)


# ---- the words of the step itself ----------------------------------------------------------------


def test_the_step_s_own_words_never_rank_or_advise(catalog):
    content = catalog.matters
    words = [content.heading, content.intro, content.not_weighed, content.step_help, content.step_prompt]
    words += [p.prompt for p in content.priorities] + [p.name for p in content.priorities]
    words += [r.question for r in (*catalog.rules.matter_rows, *catalog.rules.matter_asks)]
    words += [c.label for c in content.choices] + [o.label for o in content.options]
    for for_whom in ("self", "someone_else"):
        found = [(w, ranking_words(personalize(w, for_whom))) for w in words]
        assert [f for f in found if f[1]] == []
    # The app's own words never diagnose or speak of prescribing (the content audit's rule).
    assert [w for w in words if re.search(r"\b(?:diagnos|prescrib)\w*", w, re.IGNORECASE)] == []


# ---- the scripting contract ----------------------------------------------------------------------


def test_json_without_matters_only_gains_the_echoed_default():
    code, out, _ = run_main(["--answers", "-", "--format", "json"], stdin=b'{"dosing": "monthly"}')
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["format_version", "lang", "answers", "notes", "suggestions", "figures", "referral"]
    assert data["answers"]["matters"] == dict.fromkeys(PRIORITY_KEYS, "unsure")
    assert list(data["answers"])[-1] == "matters"


def test_json_echoes_matters_and_a_missing_key_means_unsure():
    given = {"matters": {"cost": "a_lot", "visits": "not_much"}}
    code, out, _ = run_main(["--answers", "-", "--format", "json"], stdin=json.dumps(given).encode())
    assert code == 0
    data = json.loads(out)
    assert data["answers"]["matters"] == {**dict.fromkeys(PRIORITY_KEYS, "unsure"), **given["matters"]}
    assert [p["key"] for p in data["matters"]["points"]] == ["cost"]
    entries = data["matters"]["points"][0]["options"]
    assert [e["option"] for e in entries] == list(OPTION_ORDER)
    assert all("source_label" not in json.dumps(e) for e in entries)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_show_the_section_after_the_reading_list(fmt):
    given = b'{"matters": {"privacy": "somewhat"}}'
    code, out, _ = run_main(["--answers", "-", "--format", fmt], stdin=given)
    assert code == 0
    assert_referral_last(out, fmt)
    heading = out.index("What matters to you")
    assert out.index("Reading list") < heading < out.index("Who would know about the treatment")
    assert "42 CFR Part 2" in out[heading:]


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ({"matters": {"visits": "lots"}}, '"matters.visits" must be one of: a_lot, somewhat, not_much, unsure'),
        ({"matters": {"visits": None}}, '"matters.visits" must be one of: a_lot, somewhat, not_much, unsure'),
        ({"matters": {"visit": "a_lot"}}, 'unknown key "visit" in "matters" (allowed keys: visits, how_taken,'),
        ({"matters": "a_lot"}, '"matters" must be an object rating any of: visits, how_taken, opioid_medicine'),
        ({"matters": ["cost"]}, '"matters" must be an object rating any of: visits,'),
        ({"matter": {}}, 'unknown key "matter" (allowed keys: for_whom, setting, dosing, detox, counseling,'),
        ({"matters": {f"k{i}": "a_lot" for i in range(101)}}, '"matters" has 101 items; an answer lists at most 100'),
    ],
)
def test_answers_file_errors_name_the_allowed_values_and_exit_2(given, says):
    code, out, err = run_main(["--answers", "-"], stdin=json.dumps(given).encode())
    assert code == 2
    assert out == ""
    assert says in error_message(err)


# ---- the content, checked at load ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "says"),
    [
        ("data/matters.toml", "dispensed on a daily basis.", "dispensed every day.", "not verbatim"),
        (
            "data/matters.toml",
            'quote = "Naltrexone is available in both oral and extended-release injectable formulations."',
            'quote = "Naltrexone is available in both oral"',
            "sentence boundary",
        ),
        ("data/matters.toml", 'notes = ["methadone-take-home-doses"]', 'notes = ["no-such-note"]', "unknown note"),
        ("data/matters.toml", 'section = "traditional-approaches"', 'section = "nowhere"', "unknown section"),
        ("data/matters.toml", "[priority.says.without-medication]\nsilent = true\n", "", "each option"),
        ("data/matters.toml", 'key = "cost"', 'key = "price"', "unknown priority"),
        ("data/matters.toml", 'value = "not_much"', 'value = "a_little"', "not_much"),
        ("rules/matters.toml", 'priority = "cost"', 'priority = "privacy"', "no row rule shows cost"),
        ("rules/matters.toml", "matters.cost = ", "matters.price = ", "unknown answer key 'matters.price'"),
        ("rules/matters.toml", '{ matters.cost = ["a_lot"', '{ matters.cost = ["lots"', "no value 'lots'"),
    ],
)
def test_damaged_matters_content_is_refused_naming_file_and_entry(content_copy, file, old, new, says):
    edit_file(content_copy / file, old, new)
    error = refused(lambda: load_catalog(content_copy), file.split("/")[1])
    assert says in str(error), str(error)


def test_a_note_shown_only_here_counts_as_attached(content_copy):
    edit_file(content_copy / "data/matters.toml", 'notes = ["treatment-records-confidential"]', "notes = []", 1)
    edit_file(content_copy / "data/matters.toml", "[priority.about_all]\nnotes = []\n", "", 1)
    error = refused(lambda: load_catalog(content_copy), "notes.toml")
    assert "treatment-records-confidential" in str(error)
    assert "attaches to nothing" in str(error)


# ---- asking the step (no terminal) ---------------------------------------------------------------


class _ScriptedMenus:
    """Menus answering select() from a list, recording what was asked."""

    def __init__(self, answers):
        self.answers, self.asked = list(answers), []

    def select(self, text, choices, default=None):
        self.asked.append((text, [value for _, value in choices], default))
        answer = self.answers.pop(0)
        return default if answer is None else answer


def test_one_key_skips_the_step(catalog):
    menus = _ScriptedMenus([None])  # Enter alone at the opening
    assert ask_matters(catalog.matters, "self", menus) == Matters()
    assert len(menus.asked) == 1
    text, values, default = menus.asked[0]
    assert values[0] == default == "skip"
    assert "unsure" in values


def test_i_m_not_sure_is_everywhere_and_the_default(catalog):
    menus = _ScriptedMenus(["ask"] + [None] * 7)
    assert ask_matters(catalog.matters, "someone_else", menus) == Matters()
    for text, values, default in menus.asked[1:]:
        assert default == "unsure"
        assert values[:4] == list(RATINGS)
        assert "the person you care about" in text
    assert len(menus.asked) == 8


def test_each_point_says_where_it_stands_as_the_questions_do(catalog):
    menus = _ScriptedMenus(["ask"] + [None] * 7)
    ask_matters(catalog.matters, "self", menus)
    count = len(catalog.matters.priorities)
    assert [text.split(":")[0] for text, _, _ in menus.asked[1:]] == [f"{n} of {count}" for n in range(1, count + 1)]


def test_the_rest_of_the_step_can_be_skipped(catalog):
    menus = _ScriptedMenus(["ask", "a_lot", "somewhat", "skip-the-rest"])
    got = ask_matters(catalog.matters, "self", menus)
    assert got == Matters(visits="a_lot", how_taken="somewhat")


def test_numbered_menus_enter_alone_skips_and_numbers_answer(catalog):
    lines, said = [""], []
    menus = NumberedMenus(80, say=said.append, read_line=lambda prompt: lines.pop(0))
    assert ask_matters(catalog.matters, "self", menus) == Matters()
    assert "1. Skip this step" in said[0]
    lines[:] = ["2", "1", "2", "3", "", "1", "1", "2"]
    assert ask_matters(catalog.matters, "self", menus) == Matters(
        visits="a_lot",
        how_taken="somewhat",
        opioid_medicine="not_much",
        side_effects="a_lot",
        privacy="a_lot",
        cost="somewhat",
    )


class _FedArrowMenus(ArrowMenus):
    """Arrow-key menus reading each prompt's keys from a pipe (as in tests/test_questionnaire.py)."""

    def __init__(self, keys, stack):
        super().__init__(80)
        self.keys, self.stack = list(keys), stack

    def select(self, *args, **kwargs):
        pipe = self.stack.enter_context(create_pipe_input())
        pipe.send_text(self.keys.pop(0))
        self.prompt_options = {"input": pipe, "output": DummyOutput()}
        return super().select(*args, **kwargs)


def test_arrow_menus_enter_skips_and_arrows_answer(catalog):
    with contextlib.ExitStack() as stack:
        assert ask_matters(catalog.matters, "self", _FedArrowMenus([ENTER], stack)) == Matters()
        # The cursor starts on the default: "Skip this step", then "I'm not sure" at each priority.
        keys = [DOWN + ENTER, ENTER, UP + ENTER] + [ENTER] * 5
        got = ask_matters(catalog.matters, "self", _FedArrowMenus(keys, stack))
    assert got == Matters(how_taken="not_much")
