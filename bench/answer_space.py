"""Figure 4 (run as a child: python -m bench.answer_space ROUNDS): the whole answer space through
the real durable-rules engine, in one process. Prints JSON: profiles per second, per round, for the
engine alone and for the engine plus the reading list (what the explorer does for each profile)."""

from __future__ import annotations

import json
import sys
import time

from bench.profiles import every_profile
from explorer.content.catalog import load_catalog
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result


def main(rounds: int) -> dict[str, object]:
    catalog = load_catalog()
    engine = RuleEngine.for_rules(catalog.rules)
    profiles = list(every_profile())
    engine_only, whole = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for answers in profiles:
            engine.fired(answers)
        engine_only.append(len(profiles) / (time.perf_counter() - start))
        start = time.perf_counter()
        for answers in profiles:
            build_result(catalog, answers, engine.fired(answers))
        whole.append(len(profiles) / (time.perf_counter() - start))
    return {"profiles": len(profiles), "engine": engine_only, "whole": whole}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))
