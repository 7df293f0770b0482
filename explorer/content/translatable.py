"""Which fields of the content a reader sees in the reader's language (content/translation.py):
own words replaced by their translation, verbatim quotes given one beside them, and fields that
stay as they are in every language. A new kind of content declares each of its text fields here;
content/translation_status.py's unclassified() finds any it left out."""

from __future__ import annotations

# Own words, replaced by their translation: the fields of each kind of entry that a reader sees.
# A path is the part's name and the lists on the way, ids left out ("catalog.questions.choices").
REPLACED: dict[str, frozenset[str]] = {
    "catalog.documents": frozenset({"described_as", "kind"}),
    "catalog.sections": frozenset({"title"}),
    "catalog.questions": frozenset({"name", "prompt", "help"}),
    "catalog.questions.choices": frozenset({"label"}),
    "catalog.notes": frozenset({"name", "text"}),
    "catalog.rules.suggest": frozenset({"reason"}),
    "catalog.rules.caution": frozenset({"lead"}),
    "catalog.rules.withhold": frozenset({"why"}),
    "catalog.rules.attach": frozenset({"why"}),
    "catalog.rules.not_yet": frozenset({"why"}),
    "catalog.rules.figures": frozenset({"why"}),
    "catalog.rules.order.tiers": frozenset({"says", "heading"}),
    "catalog.rules.matter_rows": frozenset({"question", "why"}),
    "catalog.rules.matter_asks": frozenset({"question", "why"}),
    "matters": frozenset({"heading", "intro", "not_weighed", "step_help", "step_prompt"}),
    "matters.choices": frozenset({"label"}),
    "matters.options": frozenset({"label"}),
    "matters.priorities": frozenset({"name", "prompt"}),
    "glossary": frozenset({"term", "also", "means"}),
    "comparison": frozenset({"intro"}),
    "comparison.columns": frozenset({"label"}),
    "comparison.rows": frozenset({"label"}),
    "figures.words": frozenset({"heading", "averages", "differ", "chance", "no_pick"}),
    "figures.figures": frozenset(
        {"name", "measure", "population", "time_frame", "says", "counted", "not_counted", "uncertain"}
        | {"unclear", "context", "absent"}
    ),
    "figures.figures.compared": frozenset({"says"}),
    "figures.figures.overall": frozenset({"says"}),
}
# Tables of own words keyed by id ({"randomized-trial": "A randomized trial: ..."}): each text is
# replaced, under "<where>.<id>".
TEXTS_BY_ID = frozenset({"study_types"})
# Tables walked into for the fields above (lists are always walked).
TABLES = frozenset({"rules", "order", "about_all", "words", "compared", "overall", "source"})
# Fields that stay as they are in every language: names the program reads (ids, keys, values,
# topics, conditions), dates, and what is quoted or published as it is (a document's own title, a
# source's title, publisher and address). A new kind of content declares each of its fields here or
# in REPLACED: content/translation_status.py's unclassified() finds any it left out.
KEPT = frozenset(
    {"id", "key", "value", "file", "sha256", "topics", "sections", "section", "source", "cells", "checked"}
    | {"review_by", "notes", "relevance", "test", "values", "quote_from", "priority", "date", "address", "readers"}
    | {"study_type", "option", "authors", "journal", "doi", "checked_against", "figures"}
)
KEPT_HERE: dict[str, frozenset[str]] = {
    "catalog.documents": frozenset({"title"}),
    "catalog.notes": frozenset({"kind"}),
    "catalog.notes.sources": frozenset({"title", "publisher"}),
    "catalog.questions": frozenset({"kind"}),
    "figures.figures": frozenset({"kind"}),
    "figures.figures.source": frozenset({"title"}),
}
# Verbatim quotes: kept, with their translation beside them in `translation`.
BESIDE: dict[str, str] = {"catalog.sections": "text"}
