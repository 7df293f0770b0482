"""From answers to a Result: the engine (durable-rules) says which rules fire, and the reading list
turns them into what is shown. The one place both the scripted run and the session go through."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

    from explorer.content.answers import Answers
    from explorer.content.catalog import Catalog
    from explorer.infer.result import Result


def result_for(catalog: Catalog, answers: Answers, today: datetime.date | None = None) -> Result:
    """`today` dates the notes (those past their review-by day say so); the real day if None."""
    # Imported here: durable is loaded only once there are answers to evaluate.
    from explorer.infer.engine import RuleEngine
    from explorer.infer.reading_list import build_result

    return build_result(catalog, answers, RuleEngine.for_rules(catalog.rules).fired(answers), today)
