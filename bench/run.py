"""`make bench`: measures every figure, prints the Markdown table, and with --update-docs
rewrites the copy in docs/speed.md between the bench markers. Takes a few minutes on a small machine."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import machine, report, startup
from bench.stats import Spread
from bench.synthetic import write_catalog

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1, 4, 10)


def child(module: str, *args: str) -> dict:
    """Runs a bench module in a fresh interpreter and returns the JSON it prints."""
    # durable-rules 2.0.28 calls a deprecated datetime function on every action (Python 3.12+).
    command = [sys.executable, "-W", "ignore::DeprecationWarning", "-m", module, *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{module} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def scaling(runs: int) -> tuple[dict[int, dict], list[str]]:
    """The figures of each size, and a line for each size that could not be measured. The sizes
    are measured in turn, process by process (1×, 4×, 10×, 1×, …), so that other load falls on
    each alike."""
    sizes: dict[int, dict] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as folder:
        roots = {}
        for factor in SIZES:
            root = write_catalog(Path(folder) / f"x{factor}", factor)
            snapshot = Path(folder) / f"x{factor}-snapshot"
            try:
                child("bench.scaling", "build", str(root), str(snapshot))
            except SystemExit as failed:
                last = str(failed).strip().splitlines()[-1]
                failures.append(f"{factor}×: not measured, its content was refused: `{last}`")
                print(f"bench: scaling {factor}× refused: {last}", file=sys.stderr)
                continue
            roots[factor] = (root, snapshot)
        samples: dict[int, list[dict]] = {factor: [] for factor in roots}
        for _ in range(runs):
            for factor, (root, snapshot) in roots.items():
                samples[factor].append(child("bench.scaling", str(root), str(snapshot)))
        for factor, rows in samples.items():
            row: dict = {
                key: rows[0][key]
                for key in ("sections", "rules", "bytes", "suggestions_per_profile", "cautions_per_profile")
            }
            for key in (
                "snapshot_load_s",
                "load_s",
                "build_s",
                "engine_per_profile_s",
                "list_per_profile_s",
                "peak_mib",
            ):
                row[key] = Spread.of([r[key] for r in rows])
            sizes[factor] = row
        print("bench: scaling measured", file=sys.stderr)
    return sizes, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=11, help="interleaved pairs per start-up figure (at least 5)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the answer space (at least 5)")
    parser.add_argument("--scaling-runs", type=int, default=5, help="processes per synthetic size (at least 5)")
    parser.add_argument("--update-docs", action="store_true", help="also rewrite the table in docs/speed.md")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures, printed as table rows")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="CHECKOUT",
        help="only the start-up figures, this checkout's explorer against another's (with its own .venv)",
    )
    args = parser.parse_args(argv)
    if min(args.runs, args.rounds, args.scaling_runs) < 5:
        parser.error("every figure needs at least 5 runs")
    # Python caches compiled modules (__pycache__), as every installed copy has them (pip compiles
    # at install): without the cache, each run of a checkout would compile the explorer's modules
    # again, while the floors' libraries, installed, would not. The first run of each pair warms it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

    load_before = machine.load_average()
    figures = startup.measure(args.runs, args.against)
    print("bench: start-up measured", file=sys.stderr)
    if args.against:
        print(report.against(args.against, (load_before, machine.load_average()), args.runs, figures))
        return 0
    if args.startup_only:
        print(f"{args.runs} interleaved pairs each; median (min–max) of the per-pair ratio.")
        print(f"Load average (1, 5, 15 min) {load_before} at the start, {machine.load_average()} at the end.")
        print("\n".join(report.startup_rows(figures)))
        return 0
    space = child("bench.answer_space", str(args.rounds))
    print("bench: answer space measured", file=sys.stderr)
    sizes, failures = scaling(args.scaling_runs)
    table = report.markdown(
        machine.describe(), (load_before, machine.load_average()), args.runs, figures, space, sizes, failures
    )
    print(table)
    if args.update_docs:
        report.update_page(ROOT / "docs" / "speed.md", table)
        print("bench: docs/speed.md updated", file=sys.stderr)
    return 0
