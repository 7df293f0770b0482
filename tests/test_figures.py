"""What studies found, in numbers: every figure shown is its data entry's numbers, rounded once
(decimal, half up); each says who was studied, over what time, the kind of study, its source and
its bounds; the options keep the comparison's order; nothing around the figures ranks the options;
the terminal shows icon arrays at any width and --plain the sentences only; the loader refuses a
damaged figure."""

from __future__ import annotations

import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from explorer.content.figures import Figures, load_figures
from explorer.content.models.figures import check_figures
from explorer.content.toml import read_toml
from explorer.errors import CatalogError
from explorer.render.figure_words import OUT_OF_DATE, all_figure_words, half_up
from explorer.render.figures import GLYPHS, figures_markdown, figures_text

from .helpers.checks import ranking_words
from .helpers.content import PROJECT_ROOT
from .helpers.pty import PROGRAM, assert_ended_calmly, spawn
from .helpers.run import run_main

DATA = read_toml(PROJECT_ROOT / "data" / "figures.toml")
ORDER = ["methadone", "buprenorphine", "naltrexone"]


def _up(value: float | Decimal, places: int = 0) -> str:
    """The test's own rounding, written apart from the program's: decimal, half up."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return f"{exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,}"


def _expected_numbers(figure: dict) -> list[str]:
    """What each group's sentence must say, worked out from the TOML alone."""
    found = []
    for group in figure["group"]:
        if "numerator" in group:
            found.append(_up(Decimal(group["numerator"]) * 100 / Decimal(group["denominator"])))
        elif "percent" in group:
            found.append(_up(group["percent"]))
        elif "rate_in" in group:
            for key in ("rate_in", "rate_out"):
                found.append(_up(group[key], 0 if group[key] >= 10 else 1))
            found += [_up(group[key], 1) for key in ("ratio", "low", "high")]
        else:
            found += [_up(Decimal(str(group[key])) * 10) for key in ("ratio", "low", "high")]
    return found


@pytest.fixture(scope="module")
def figures(catalog) -> Figures:
    return load_figures(catalog)


@pytest.fixture(scope="module")
def compare_json() -> dict:
    code, out, err = run_main(["compare", "--format", "json"])
    assert code == 0, err
    return json.loads(out)


def test_rounding_is_decimal_half_up_not_a_float_format():
    assert str(half_up(2.65, 1)) == "2.7" and f"{2.65:.1f}" == "2.6"  # the float format would mislead
    assert str(half_up(2.15, 1)) == "2.2" and f"{2.15:.1f}" == "2.1"
    assert str(half_up(Decimal(204) * 100 / 283)) == "72"


@pytest.mark.parametrize("entry", DATA["figure"], ids=[f["id"] for f in DATA["figure"]])
def test_every_figure_shown_says_the_numbers_of_its_data_entry(figures, entry):
    words = {w.id: w for w in all_figure_words(figures)}[entry["id"]]
    shown = " ".join(words.findings())
    for number in _expected_numbers(entry):
        assert re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d,]|\.\d)", shown), (number, shown)
    for group, said in zip(entry["group"], words.groups, strict=True):
        assert said.says.startswith(group["option"].capitalize() + ":")


def test_no_number_is_typed_twice_the_words_hold_no_digits():
    words_fields = ("name", "measure", "population", "time_frame", "says", "uncertain", "context", "absent", "unclear")
    for figure in DATA["figure"]:
        for field in words_fields:
            assert not re.search(r"\d", figure.get(field, "")), (figure["id"], field)
    assert not any(re.search(r"\d", text) for text in DATA["words"].values() if isinstance(text, str))


def test_each_figure_carries_population_time_frame_study_type_source_and_bounds(compare_json):
    shown = compare_json["figures"]["figures"]
    assert [f["id"] for f in shown] == [f["id"] for f in DATA["figure"]]
    for figure, entry in zip(shown, DATA["figure"], strict=True):
        for key in ("measure", "population", "time_frame", "study_type", "checked", "review_by"):
            assert figure[key], (figure["id"], key)
        assert figure["source"]["address"] == f"https://doi.org/{entry['source']['doi']}"
        for group, data in zip(figure["groups"], entry["group"], strict=True):
            if "low" in data:  # the study's own bounds, as given
                assert (group["ci_low"], group["ci_high"], group["ci_from"]) == (data["low"], data["high"], "study")
            if "numerator" in data:  # counts: their own interval, said to be worked out here
                assert group["ci_from"] == "counts" and group["ci_low"] < group["out_of_100"] < group["ci_high"]
                assert (group["numerator"], group["denominator"]) == (data["numerator"], data["denominator"])
        if "compared" in entry:
            assert (figure["compared"]["ci_low"], figure["compared"]["ci_high"]) == (
                entry["compared"]["low"],
                entry["compared"]["high"],
            )


def test_the_options_keep_the_comparisons_fixed_order(compare_json):
    columns = [c["id"] for c in compare_json["columns"]]
    assert columns == ORDER
    for figure in compare_json["figures"]["figures"]:
        options = [g["option"] for g in figure["groups"]]
        assert options == [c for c in columns if c in options], figure["id"]


def test_every_block_says_averages_not_a_prediction_and_that_studies_differ(figures):
    for text in (figures_text(figures, 80), figures_text(figures, 80, None), "\n".join(figures_markdown(figures))):
        squashed = " ".join(text.split())
        assert "averages over groups of people" in squashed and "not a prediction for one person" in squashed
        assert "The studies differ in who they followed" in squashed
        assert "could be as low as" in squashed and "or as high as" in squashed


def test_no_ranking_word_around_the_figures(figures, compare_json):
    texts = [
        figures_text(figures, 80),
        figures_text(figures, 80, None),
        "\n".join(figures_markdown(figures)),
        json.dumps(compare_json["figures"]),
    ]
    for text in texts:
        assert ranking_words(text) == [], ranking_words(text)


@pytest.mark.parametrize(
    "planted, caught",
    [
        ("Methadone is the best of the three.", "best"),
        ("Buprenorphine scored 8 out of 10.", "8 out of 10"),
        ("Naltrexone: 72 out of 100 stars.", "72 out of 100"),
        ("We recommend methadone.", "recommend"),
    ],
)
def test_the_detector_still_catches_a_ranking_word_planted_beside_a_figure(figures, planted, caught):
    text = figures_text(figures, 80).replace("Methadone was not part of this trial.", planted)
    assert caught in " ".join(ranking_words(text)), ranking_words(text)
    assert ranking_words("Naltrexone: 72 out of 100 people started it.") == []  # the frequency, allowed


def test_plain_shows_the_sentences_and_no_glyph(figures):
    plain = figures_text(figures, 80, None)
    assert not set(plain) & set(GLYPHS)
    assert "72 out of 100 people started it" in " ".join(plain.split())


def test_the_icon_arrays_fill_as_many_marks_as_people(figures):
    for words in all_figure_words(figures):
        for group in (g for g in words.groups if g.out_of_100 is not None):
            alone = figures_text(
                Figures(**{**dict(figures), "figures": tuple(f for f in figures.figures if f.id == words.id)}), 24
            )  # narrow: one array a row
            block = alone.split(f"{group.label}: {group.out_of_100}\n", 1)[1].split("\n\n", 1)[0]
            rows = [line.split() for line in block.splitlines()]
            assert len(rows) == 10 and all(len(row) == 10 for row in rows)
            marks = [mark for row in rows for mark in row]
            assert marks.count(GLYPHS[0]) == group.out_of_100 and marks.count(GLYPHS[1]) == 100 - group.out_of_100
            assert f"{GLYPHS[0]} one person who {words.counted}" in " ".join(alone.split())


@pytest.mark.parametrize("cols", [40, 80, 200])
def test_the_comparison_in_a_real_terminal_shows_the_icon_arrays_within_its_width(cols):
    child = spawn(f"{PROGRAM} compare", rows=50, cols=cols)
    shown = assert_ended_calmly(child, 0)
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= cols
    squashed = " ".join(shown.split())
    assert "What studies found, in numbers" in squashed
    assert "Buprenorphine: 94 out of 100 people started it." in squashed
    rows = [line for line in lines if line.strip() and set(line.strip()) <= {*GLYPHS, " "}]  # not the legends
    assert sum(line.count(GLYPHS[0]) + line.count(GLYPHS[1]) for line in rows) == 400  # four arrays of 100
    side_by_side = max(line.count(GLYPHS[0]) + line.count(GLYPHS[1]) for line in rows)
    assert side_by_side == (10 if cols == 40 else 20)  # as many arrays a row as the width holds


def test_the_comparison_in_a_real_terminal_with_plain_has_the_sentences_only():
    child = spawn(f"{PROGRAM} compare --plain", rows=50, cols=80)
    shown = assert_ended_calmly(child, 0)
    assert not set(shown) & set(GLYPHS)
    squashed = " ".join(shown.split())
    assert "Naltrexone: 72 out of 100 people started it." in squashed
    assert "could be as low as 67 or as high as 77" in squashed


# ---- the loader refuses a damaged figure ---------------------------------------------------------

SOURCE = (PROJECT_ROOT / "data" / "figures.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, says",
    [
        ('measure = "Started the medicine', 'measure = "Of 570, started the medicine', "no digits in words"),
        ('option = "buprenorphine"\nnumerator = 270', 'option = "naltrexone"\nnumerator = 270', "comparison's order"),
        ("ratio = 3.20", "ratio = 4.20", "outside its bounds"),
        ("numerator = 204", "numerator = 304", "numerator above denominator"),
        (
            'review_by = 2027-12-01\n[figure.source]\nauthors = "Lee',
            'review_by = 2026-12-01\n[figure.source]\nauthors = "Lee',
            "review_by",
        ),
        ('address = "https://doi.org/10.1111/add.12333"', 'address = "https://example.com/paper"', "address"),
        ('notes = ["how-much-and-how-sure"]', 'notes = ["no-such-note"]', "unknown note"),
        ("low = 0.24\nhigh = 0.70", "low = 0.24", "low and high come together"),
    ],
)
def test_the_loader_refuses_a_damaged_figure(tmp_path: Path, catalog, old, new, says):
    assert old in SOURCE, old
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "figures.toml").write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        check_figures(tmp_path, set(catalog.notes))
    assert says in str(error.value) and "figures.toml" in str(error.value), str(error.value)


# ---- the rules offer the figures ------------------------------------------------------------------


def test_the_rules_offer_the_figures_and_the_reading_list_carries_them(catalog):
    from explorer.content.answers import Answers
    from explorer.infer.engine import RuleEngine
    from explorer.infer.reading_list import build_result

    rule = catalog.rules.figures[0]
    fired = RuleEngine.for_rules(catalog.rules).fired(Answers())
    assert rule.id in fired  # durable-rules decided
    assert build_result(catalog, Answers(), fired).figures == rule.figures
    assert build_result(catalog, Answers(), set(fired) - {rule.id}).figures == ()  # no rule, no figures


def test_a_rule_naming_an_unknown_figure_is_refused(catalog):
    from explorer.content.catalog import Catalog

    bad_rule = catalog.rules.figures[0].model_copy(update={"figures": ("no-such-figure",)})
    damaged = Catalog.__new__(Catalog)
    damaged.__dict__.update(catalog.__dict__)
    damaged.rules = catalog.rules.model_copy(update={"figures": (bad_rule,)})
    damaged.snapshot = None
    with pytest.raises(CatalogError, match="names unknown figure 'no-such-figure'"):
        load_figures(damaged)


# ---- the day they are read on ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_compare_says_the_figures_are_due_for_review_by_the_environment_s_day(catalog, fmt):
    import datetime

    from explorer.cli import main

    from .helpers.run import made_up_environment

    due = min(figure.review_by for figure in load_figures(catalog).figures)
    said = {}
    for day in (due, due + datetime.timedelta(days=1)):  # the day itself, then the day after
        out = io.StringIO()
        assert main.main(["compare", "--format", fmt], made_up_environment(stdout=out, today=day)) == 0
        said[day] = " ".join(out.getvalue().split())
    figures_due = OUT_OF_DATE.format(day=due.isoformat())  # the figures' own sentence, not a note's
    assert figures_due not in said[due]
    assert figures_due in said[due + datetime.timedelta(days=1)]
