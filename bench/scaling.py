"""Figure 6 (run as a child): one catalog's load time, from its snapshot and from a full check of
its TOML, its engine build time, evaluation time per profile and this process's peak memory.

`python -m bench.scaling build ROOT SNAPSHOT` makes ROOT's snapshot in the folder SNAPSHOT, as
`make` does for the checkout's content (not timed); `python -m bench.scaling ROOT SNAPSHOT` measures
and prints JSON. The snapshot is read as a run reads the shipped content's: ROOT is made the
shipped content for that process. A fixed sample of the answer space is evaluated at every size, so
per-profile times compare."""

from __future__ import annotations

import itertools
import json
import resource
import sys
import time
from pathlib import Path

from bench.profiles import every_profile

SAMPLE_EVERY = 97  # a prime stride through the answer space: about 180 varied profiles


def build(root: Path, folder: Path) -> None:
    from explorer.content.build_snapshot import build_snapshot

    build_snapshot(root, Path(__file__).resolve().parent.parent / "explorer", folder)


def main(root: Path, folder: Path) -> dict[str, float]:
    from explorer.content import snapshot
    from explorer.content.catalog import load_catalog

    snapshot.shipped_root = lambda: root  # type: ignore[assignment]  # ROOT is the shipped content here
    snapshot.snapshot_folder = lambda: folder  # type: ignore[assignment]
    start = time.perf_counter()
    catalog = load_catalog(root)
    from_snapshot = time.perf_counter() - start
    if catalog.origin != "snapshot":
        raise SystemExit(f"the snapshot of {root} was not read")
    snapshot.shipped_root = lambda: folder  # type: ignore[assignment]  # now nothing is: the TOML is checked
    start = time.perf_counter()
    checked = load_catalog(root)
    from_toml = time.perf_counter() - start
    assert checked.origin == "checked"

    from explorer.infer.engine import RuleEngine
    from explorer.infer.reading_list import build_result

    start = time.perf_counter()
    engine = RuleEngine.for_rules(catalog.rules)
    build_s = time.perf_counter() - start
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
        "bytes": sum(p.stat().st_size for part in ("data", "rules") for p in (root / part).iterdir()),
        "snapshot_load_s": from_snapshot,
        "load_s": from_toml,
        "build_s": build_s,
        "engine_per_profile_s": (engine_done - begin) / len(sample),
        "list_per_profile_s": (listed - engine_done) / len(sample),
        # What the reading list holds: its cost follows this, whatever the catalog's size.
        "suggestions_per_profile": suggestions / len(sample),
        "cautions_per_profile": cautions / len(sample),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(Path(sys.argv[2]), Path(sys.argv[3]))
        print("{}")
    else:
        print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
