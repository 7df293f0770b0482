"""Figure 5 (run as a child: python -m bench.scaling ROOT): one catalog's load time, engine build
time, evaluation time per profile and this process's peak memory. Prints JSON.

A fixed sample of the answer space is evaluated at every size, so per-profile times compare."""

from __future__ import annotations

import itertools
import json
import resource
import sys
import time
from pathlib import Path

from bench.profiles import every_profile
from explorer.content.catalog import load_catalog
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result

SAMPLE_EVERY = 97  # a prime stride through the answer space: about 180 varied profiles


def main(root: Path) -> dict[str, float]:
    start = time.perf_counter()
    catalog = load_catalog(root)
    loaded = time.perf_counter()
    engine = RuleEngine.for_rules(catalog.rules)
    built = time.perf_counter()
    sample = list(itertools.islice(every_profile(), 0, None, SAMPLE_EVERY))
    begin = time.perf_counter()
    fired = [engine.fired(answers) for answers in sample]
    engine_done = time.perf_counter()
    suggestions = cautions = 0
    for answers, ids in zip(sample, fired, strict=True):  # counted as they come: keeping them would inflate memory
        result = build_result(catalog, answers, ids)
        suggestions += len(result.suggestions)
        cautions += sum(len(s.cautions) for s in result.suggestions)
    listed = time.perf_counter()
    return {
        "sections": len(catalog.sections),
        "rules": len(catalog.rules.all()),
        "load_s": loaded - start,
        "build_s": built - loaded,
        "engine_per_profile_s": (engine_done - begin) / len(sample),
        "list_per_profile_s": (listed - engine_done) / len(sample),
        # What the reading list holds: its cost follows this, whatever the catalog's size.
        "suggestions_per_profile": suggestions / len(sample),
        "cautions_per_profile": cautions / len(sample),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
