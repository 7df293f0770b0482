"""What the rules made of one person's answers: the reading list, ready for the renderers."""

from __future__ import annotations

from pydantic import Field

from explorer.content.answers import Answers
from explorer.content.base import Frozen
from explorer.content.documents import Topic
from explorer.content.notes import ShownNote


class Suggestion(Frozen):
    id: str
    title: str
    source: str
    topics: tuple[Topic, ...]
    reasons: tuple[str, ...] = Field(min_length=1)
    suggested_by: tuple[str, ...] = Field(min_length=1)  # the suggestion rules' ids
    cautions: tuple[str, ...] = ()
    notes: tuple[ShownNote, ...] = ()  # the explorer's own, never the documents'
    text: str
    source_label: str  # the source as a reader names it (not in the JSON contract)
    group: str = ""  # the heading of its group in the session's list (rules/order.toml; not in the JSON contract)


class Result(Frozen):
    """What the rules made of one person's answers. The referral is not part of it: every output
    gets it from render/finish.py."""

    answers: Answers
    notes: tuple[ShownNote, ...] = ()  # the explorer's own notes about the reading list as a whole
    suggestions: tuple[Suggestion, ...] = Field(min_length=1)
    # (question name, chosen label) in plain words, for the renderers (not in the JSON contract).
    preferences: tuple[tuple[str, str], ...]
