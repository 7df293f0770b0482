"""The side-by-side comparison of the three medications: each cell quotes its section verbatim or
says that the documents are silent; damaged data is refused, naming the file and the entry; it is
drawn to fit the width (a table, or the linear form when narrow or with --plain), the referral last."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.content.catalog import load_catalog
from explorer.content.comparison import SILENT, load_comparison
from explorer.content.toml import squash
from explorer.errors import CatalogError
from explorer.render.comparison import linear, markdown_table, page, table

from .helpers.checks import assert_referral_last
from .helpers.content import edit_file, refused
from .helpers.pty import PROGRAM, finish, spawn
from .helpers.run import run_cli


def test_three_medications_as_columns(comparison):
    assert [c.id for c in comparison.columns] == ["methadone", "buprenorphine", "naltrexone"]
    rows = {row.id for row in comparison.rows}
    # "Who can prescribe or give it", not "where it is given", and "when it can be started", not a
    # detox row, which would read as "detox first" for all three.
    assert {
        "how-it-acts",
        "who-gives-it",
        "when-it-can-start",
        "how-often",
        "forms",
        "side-effects",
        "dependence",
    } <= rows
    assert not {"where-it-is-given", "detox-first"} & rows


def test_how_each_acts_is_quoted(comparison):
    acts = next(row for row in comparison.rows if row.id == "how-it-acts").cells
    assert "opioid agonist" in acts["methadone"].quote
    assert "partial" not in acts["methadone"].quote
    assert "partial opioid agonist" in acts["buprenorphine"].quote
    assert "antagonist" in acts["naltrexone"].quote


def test_every_quote_stands_in_the_section_it_cites(catalog, comparison):
    # Checked here against the document files directly, not through the loader's own check.
    cells = [cell for row in comparison.rows for cell in (*row.cells.values(), row.about_all) if cell]
    quoted = [cell for cell in cells if not cell.silent]
    assert len(quoted) >= 15
    for cell in quoted:
        section = catalog.sections[cell.section]
        assert squash(cell.quote) in squash(section.text), cell
        source = (Path(__file__).parent.parent / "data" / section.source).read_text(encoding="utf-8")
        assert squash(cell.quote) in squash(source), cell


def test_where_the_documents_say_nothing_the_cell_says_so(comparison):
    silent = [(row.id, column) for row in comparison.rows for column, cell in row.cells.items() if cell.silent]
    assert ("how-often", "buprenorphine") in silent
    text = page(comparison, 100, plain=True)
    assert text.count(SILENT) == len(silent)


# ---- damaged data refuses to load, naming the file and the entry -------------------------------


def _edit(root: Path, old: str, new: str) -> None:
    edit_file(root / "data" / "comparison.toml", old, new)


def _load_error(root: Path) -> CatalogError:
    return refused(lambda: load_comparison(load_catalog(root), root), "comparison.toml")


def test_the_copy_loads_before_it_is_damaged(content_copy, comparison):
    assert load_comparison(load_catalog(content_copy), content_copy) == comparison


def test_quote_not_verbatim(content_copy):
    _edit(content_copy, '"It is a long-acting opioid agonist, which', '"It is a short-acting opioid agonist, which')
    error = _load_error(content_copy)
    assert error.entry == "row how-it-acts, methadone"
    assert "not verbatim" in str(error)


def test_unknown_section(content_copy):
    _edit(content_copy, 'section = "buprenorphine-lower-dependence"', 'section = "buprenorphine-dependence"')
    error = _load_error(content_copy)
    assert error.entry == "row dependence, buprenorphine"
    assert "buprenorphine-dependence" in str(error)


def test_a_quote_from_another_section_is_refused(content_copy):
    # Verbatim in the documents, but not in the section it names.
    _edit(
        content_copy,
        'section = "naltrexone-and-vivitrol" }',
        'section = "naltrexone-oral-and-monthly-injection" }',
    )
    error = _load_error(content_copy)
    assert error.entry == "row dependence, naltrexone"
    assert "naltrexone-oral-and-monthly-injection" in str(error)


def test_a_cell_with_neither_quote_nor_silence(content_copy):
    how_often = 'buprenorphine = { silent = true }\nnaltrexone = { quote = "The oral form'
    _edit(content_copy, how_often, how_often.replace("{ silent = true }", "{ }"))
    error = _load_error(content_copy)
    assert error.entry == "row how-often, buprenorphine"
    assert "silent = true" in str(error)


def test_a_missing_column(content_copy):
    _edit(
        content_copy,
        'buprenorphine = { silent = true }\nnaltrexone = { quote = "The oral form',
        'naltrexone = { quote = "The oral form',
    )
    error = _load_error(content_copy)
    assert "how-often" in str(error)
    assert "exactly one cell" in str(error)


def test_promotion_is_refused(content_copy):
    _edit(content_copy, '"It comes in tablet form', '"Call us today: It comes in tablet form')
    error = _load_error(content_copy)
    assert error.entry == "row forms, methadone"
    assert "promotional" in str(error)


# ---- drawing it ------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [75, 79, 99, 140])
def test_the_table_fits_the_width_and_keeps_every_quote(comparison, width):
    drawn = table(comparison, width)
    assert drawn is not None
    lines = drawn.splitlines()
    assert {len(line) for line in lines} == {len(lines[0])}
    assert len(lines[0]) <= width
    flat = squash(" ".join(line.strip("│ ").replace("│", " ") for line in lines))
    for row in comparison.rows:
        for cell in row.cells.values():
            if not cell.silent:
                # Words may wrap at a hyphen; joined again they are all there, in order.
                assert squash(cell.quote).split()[-1].rstrip(".") in flat.replace("- ", "-")


@pytest.mark.parametrize("width", [39, 50, 74])
def test_too_narrow_for_a_table_falls_back_to_the_linear_form(comparison, width):
    assert table(comparison, width) is None
    text = page(comparison, width)
    assert "│" not in text
    assert "Buprenorphine\n" in text
    assert all(len(line) <= width for line in text.splitlines()), text


def test_plain_is_linear_even_when_wide(comparison):
    text = page(comparison, 100, plain=True)
    assert "│" not in text
    assert "─" not in text
    assert "Methadone\n  How it acts: “It is a long-acting opioid agonist, which means" in text


def test_marks_name_the_matching_preferences(comparison):
    marks = {"naltrexone": ("Dosing: A monthly injection",)}
    assert "Naltrexone (matches: Dosing: A monthly injection)" in linear(comparison, 100, marks)
    assert "Naltrexone (matches: Dosing: A monthly injection)" in "\n".join(markdown_table(comparison, marks))


def test_compare_command_prints_the_table_then_the_referral():
    done = run_cli("compare")
    assert done.returncode == 0, done.stderr
    assert "┌" in done.stdout
    assert "│ How it acts" in done.stdout
    assert "antagonist" in done.stdout
    assert done.stdout.rstrip().endswith("In an emergency or an overdose: call 911.")


def test_compare_plain_and_json():
    plain = run_cli("compare", "--plain")
    assert plain.returncode == 0
    assert "│" not in plain.stdout
    assert "Naltrexone\n  How it acts:" in plain.stdout
    data = json.loads(run_cli("compare", "--format", "json").stdout)
    assert [c["id"] for c in data["columns"]] == ["methadone", "buprenorphine", "naltrexone"]
    assert "1-800-662-HELP" in data["referral"]["text"]


@pytest.mark.parametrize("cols", [40, 100])
def test_compare_in_a_real_terminal_fits_its_width(cols):
    child = spawn(f"{PROGRAM} compare", cols=cols)
    shown, code, _ = finish(child)
    assert code == 0
    assert all(len(line) <= cols for line in shown.splitlines()), shown
    assert ("┌" in shown) == (cols == 100)  # at 40 columns, the linear form
    assert_referral_last(shown)
