"""The benchmark's figures as Markdown, and the copy of them in docs/speed.md between two markers."""

from __future__ import annotations

import math
from pathlib import Path

from bench.startup import Pairs
from bench.stats import Spread

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SIZES_NOTE = (
    "Synthetic catalogs are N copies of the real one (documents, sections, suggestion, caution and "
    "withhold rules), written to a temporary folder by the benchmark, each with its own snapshot."
)


def _ms(spread: Spread) -> str:
    return f"{spread.median * 1000:.0f} ms"


def _verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


STARTUP = {
    "scripted": (
        "1. Scripted run (`--answers F --format json`), wall time",
        "`import durable.lang`, one small pydantic model validated",
        1.15,
    ),
    "first_question": ("2. Time to the first question, in a pseudo-terminal", "`import questionary`", 1.15),
    "help": ("3. `treatment-explorer --help`", "`python -c pass`", 3.0),
    "compare": ("4. `treatment-explorer compare`, wall time", "one small pydantic model validated", None),
}


def startup_rows(figures: dict[str, Pairs]) -> list[str]:
    rows = []
    for key, (label, floor, target) in STARTUP.items():
        mine, base, ratio = figures[key].seconds()
        goal, met = (f"≤ {target}×", _verdict(ratio.median <= target)) if target else ("", "")
        rows.append(f"| {label} | {_ms(mine)} | {_ms(base)} ({floor}) | {ratio.show()} | {goal} | {met} |")
        if key == "scripted":
            memory, base_memory, memory_ratio = figures[key].memory()
            rows.append(
                f"| 1. Scripted run, peak memory | {memory.median:.1f} MiB | {base_memory.median:.1f} MiB | "
                f"{memory_ratio.show()} | ≤ 40 MiB | {_verdict(memory.high <= 40)} |"
            )
    return rows


def against(other: Path, load: tuple[str, str], runs: int, figures: dict[str, Pairs]) -> str:
    """This checkout's start-up against another checkout's, figure by figure."""
    lines = [
        f"This checkout against {other}: {runs} interleaved pairs each; median (min–max) of the per-pair ratio.",
        f"Load average (1, 5, 15 min) {load[0]} at the start, {load[1]} at the end.",
        "",
        "| Figure | This checkout (median) | The other (median) | Ratio |",
        "| --- | --- | --- | --- |",
    ]
    for key, (label, _, _) in STARTUP.items():
        mine, theirs, ratio = figures[key].seconds()
        lines.append(f"| {label} | {_ms(mine)} | {_ms(theirs)} | {ratio.show()} |")
    return "\n".join(lines) + "\n"


def answer_space_rows(space: dict) -> list[str]:
    rows = []
    for key, label in (("engine", "durable-rules engine alone"), ("whole", "engine + reading list")):
        rate = Spread.of(space[key])
        rows.append(
            f"| 5. Answer space ({space['profiles']:,} profiles), {label} | {rate.median:,.0f} profiles/s "
            f"({rate.low:,.0f}–{rate.high:,.0f}) | | | ≥ 5,000/s | {_verdict(rate.median >= 5000)} |"
        )
    return rows


def _growth(small: float, large: float, factor: float) -> float:
    """The exponent k in cost ∝ size^k between two sizes: 1 is linear."""
    return math.log(large / small) / math.log(factor)


GROWING = (
    ("snapshot_load_s", "load from the snapshot"),
    ("load_s", "load with the TOML checked"),
    ("build_s", "engine build"),
    ("engine_per_profile_s", "engine per profile"),
    ("list_per_profile_s", "reading list per profile"),
)


def scaling_table(sizes: dict[int, dict[str, Spread | float]]) -> list[str]:
    lines = [
        "| Size | Content | Sections | Rules | Load, snapshot | Load, TOML checked | Engine build | Engine, per profile | Reading list, per profile | Suggestions / cautions per profile | Peak memory |",  # noqa: E501
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for factor, row in sizes.items():
        lines.append(
            f"| {factor}× | {row['bytes'] / 1024:,.0f} KiB | {row['sections']:,} | {row['rules']:,} | "
            f"{row['snapshot_load_s'].median * 1000:,.1f} ms | {row['load_s'].median * 1000:,.0f} ms | "
            f"{row['build_s'].median * 1000:,.1f} ms | {row['engine_per_profile_s'].median * 1e6:,.0f} µs | "
            f"{row['list_per_profile_s'].median * 1e6:,.0f} µs | {row['suggestions_per_profile']:,.0f} / "
            f"{row['cautions_per_profile']:,.0f} | {row['peak_mib'].median:,.0f} MiB |"
        )
    factors = sorted(sizes)
    lines.append("")
    steps = list(zip(factors, factors[1:], strict=False))
    if len(factors) > 2:
        steps.append((factors[0], factors[-1]))
    for small, large in steps:
        ratio = large / small
        parts = [
            f"{name} {_growth(sizes[small][key].median, sizes[large][key].median, ratio):.2f}" for key, name in GROWING
        ]
        items_small = sizes[small]["suggestions_per_profile"] + sizes[small]["cautions_per_profile"]
        items_large = sizes[large]["suggestions_per_profile"] + sizes[large]["cautions_per_profile"]
        parts.append(f"reading list size {_growth(items_small, items_large, ratio):.2f}")
        lines.append(f"- Growth exponent from {small}× to {large}× (1 = linear): " + ", ".join(parts) + ".")
    return lines


def markdown(
    machine: str,
    load: tuple[str, str],
    runs: int,
    figures: dict[str, Pairs],
    space: dict,
    sizes: dict[int, dict],
    failures: tuple[str, ...] | list[str] = (),
) -> str:
    lines = [
        f"Measured on: {machine}. Load average (1, 5, 15 min) {load[0]} at the start, {load[1]} at the end.",
        f"Start-up figures: {runs} interleaved pairs (explorer, floor) each; median (min–max) of the per-pair ratio.",
        "The explorer reads its content from the snapshot `make` keeps (figure 6 also times a full check of the TOML).",
        "",
        "| Figure | Explorer (median) | Floor (median) | Ratio | Target | Met |",
        "| --- | --- | --- | --- | --- | --- |",
        *startup_rows(figures),
        *answer_space_rows(space),
        "",
        f"6. Scaling. {SIZES_NOTE} Load, build and per-profile times are medians of separate processes, "
        "the sizes taken in turn; per-profile times over the same sample of about 180 profiles at every size. "
        "Each load includes importing what it needs (the records, or the models), as a run's does.",
        "",
        *scaling_table(sizes),
        *(f"- {failure}" for failure in failures),
    ]
    return "\n".join(lines) + "\n"


def update_page(page: Path, table: str) -> None:
    text = page.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{page} has no {START} … {END} block to update")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    page.write_text(f"{head}{START}\n{table}{END}{tail}", encoding="utf-8")
