"""Every rule as JSON (`rules --format json`): what `rules` prints, as data. Each rule's condition
is given both as data (`when`: answer key, test, values) and in words (`when_said`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from explorer.content.documents import Topic
from explorer.content.notes import NoteKind
from explorer.content.rules import Relevance
from explorer.published.base import Part, Published

if TYPE_CHECKING:
    from explorer.content.catalog import Catalog
    from explorer.content.rules import Rule

TEXT = "May hold {you} and {your}: shown as “you”/“your”, or “the person you care about”/“their”."


class Condition(Part):
    """One condition over the answers; a rule applies when all of its conditions hold."""

    key: str = Field(description='An answers-file key, or "matters.PRIORITY" for a priority\'s rating.')
    test: Literal["is", "is_not", "includes", "excludes"] = Field(
        description="is / is_not: the answer is (is not) one of `values`; includes / excludes: the interests "
        "include one of `values` (include none of them)."
    )
    values: tuple[str, ...] = Field(description="Values of that key (the answers schema lists them).")


class RuleEntry(Part):
    """What every rule has: an id and when it applies."""

    id: str = Field(description="The rule's id.")
    when: tuple[Condition, ...] = Field(description="Its conditions, all of which must hold; empty: always.")
    when_said: str = Field(description="The conditions in words, as `rules` prints them.")


class SuggestRule(RuleEntry):
    """Suggests sections (rules/suggestions.toml)."""

    relevance: Relevance = Field(description="Which tier of the reading list its sections go to, with the order.")
    sections: tuple[str, ...] = Field(description="The ids of the sections it suggests.")
    reason: str = Field(description="The reason shown with them. " + TEXT)


class CautionRule(RuleEntry):
    """Adds a caution, quoting the documents, to sections about some topics (rules/safety.toml)."""

    topics: tuple[Topic, ...] = Field(description="The sections it cautions: those about any of these.")
    lead: str = Field(description="The caution's own words, before the quote.")
    quote: str = Field(description="The documents' words, verbatim.")
    quote_from: str = Field(description="The title of the section quoted.")


class TopicsRule(RuleEntry):
    """Keeps sections about some topics off the list (rules/safety.toml), or places them below the
    others as not yet possible to start (rules/order.toml)."""

    topics: tuple[Topic, ...] = Field(description="The sections it concerns: those about any of these.")
    why: str = Field(description="Why, for reviewers.")


class AttachRule(RuleEntry):
    """Attaches the explorer's own notes to the whole list or to sections by topic (rules/notes.toml)."""

    notes: tuple[str, ...] = Field(description="The ids of the notes it attaches.")
    list: bool = Field(description="True: to the reading list as a whole.")
    topics: tuple[Topic, ...] = Field(description="Otherwise: to the sections about any of these.")
    why: str = Field(description="Why, for reviewers.")


class MatterRule(RuleEntry):
    """Shows a point of "what matters to me" (a row), or a question under it (an ask)
    (rules/matters.toml)."""

    priority: str = Field(description="The priority's key.")
    question: str = Field(description="A question to ask a healthcare professional. " + TEXT)
    why: str = Field(description="Why, for reviewers.")


class FiguresRule(RuleEntry):
    """Offers outcome figures (data/figures.toml) in the reading list (rules/figures.toml)."""

    figures: tuple[str, ...] = Field(description="The ids of the figures it offers.")
    why: str = Field(description="Why, for reviewers.")


class Tier(Part):
    """One tier of the reading list's order: the list is filled tier by tier, from the top."""

    id: str = Field(description="The tier's id.")
    relevance: Relevance = Field(description="The relevance of the sections it takes.")
    can_start: bool | None = Field(
        description="true: sections that can be started now; false: those a not-yet rule holds for; null: both."
    )
    says: str = Field(description="The tier, in words.")
    heading: str = Field(description="The heading of its group in the session's reading list.")


class PlacedNote(Part):
    """A note of the explorer shown wherever its sections or comparison cells are shown."""

    id: str = Field(description="The note's id.")
    kind: NoteKind = Field(description="Its kind (see a note's `kind`).")
    sections: tuple[str, ...] = Field(description="The sections it is shown with.")
    topics: tuple[Topic, ...] = Field(description="And the sections about any of these.")
    cells: tuple[str, ...] = Field(description='The comparison cells it stands beside, "ROW/COLUMN".')


class RulesListing(Published):
    """Every rule the explorer applies (durable-rules evaluates them), and the reading list's order.
    The order is one of reading, never a ranking of options for a person."""

    tiers: tuple[Tier, ...] = Field(description="The reading list's order (rules/order.toml), top first.")
    not_yet: tuple[TopicsRule, ...] = Field(description="What cannot be started yet, given the answers.")
    suggest: tuple[SuggestRule, ...] = Field(description="The suggestion rules; within a tier, their order.")
    caution: tuple[CautionRule, ...] = Field(description="The safety rules that add a caution.")
    withhold: tuple[TopicsRule, ...] = Field(description="The safety rules that keep sections off the list.")
    attach: tuple[AttachRule, ...] = Field(description="The rules attaching the explorer's own notes.")
    placed_notes: tuple[PlacedNote, ...] = Field(
        description="The notes that attach themselves to sections or comparison cells (data/notes.toml)."
    )
    matter_rows: tuple[MatterRule, ...] = Field(description='The rules showing a point of "what matters to me".')
    matter_asks: tuple[MatterRule, ...] = Field(description="The rules adding a question under a point.")
    figures: tuple[FiguresRule, ...] = Field(
        description="The rules offering outcome figures in the reading list (format 1.1 on)."
    )


def rules_json(catalog: Catalog) -> dict[str, Any]:
    from explorer.render.rule_book import describe_when

    def said(rules: tuple[Rule, ...]) -> list[dict[str, Any]]:
        return [{**dict(rule), "when_said": describe_when(catalog, rule.when)} for rule in rules]

    book = catalog.rules
    listing = {
        "tiers": book.order.tiers,
        "not_yet": said(book.not_yet),
        "suggest": said(book.suggest),
        "caution": said(book.caution),
        "withhold": said(book.withhold),
        "attach": said(book.attach),
        "placed_notes": [n for n in catalog.notes.values() if n.sections or n.topics or n.cells],
        "matter_rows": said(book.matter_rows),
        "matter_asks": said(book.matter_asks),
        "figures": said(book.figures),
    }
    return RulesListing.model_validate(listing).to_json()
