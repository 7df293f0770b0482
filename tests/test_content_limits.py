"""Content beyond the limits is refused, cheaply and by name: a content file or a source document
that is a device, a pipe or too large is refused unread; a file whose dotted keys would cost tomllib
too much is refused before it is parsed; values nested too deep are refused before any message is
made of them; a rule book that durable-rules could not run (a value named over and over, hundreds
of rules with the same conditions, more branches at once than its walk can hold) is refused at
load. Each through the real program: one line naming the file and the entry, the referral, exit 1,
never the apology. The limits are docs/how-it-works.md's "Content limits" (content/limits.py,
content/engine_limits.py); the tests of the rule engine's limits also show durable-rules itself
failing on what they refuse, and agreeing with a plain reading of the rules on what they accept.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import pytest

from explorer.content import engine_limits
from explorer.content.answers import PRIORITY_KEYS, Answers
from explorer.content.catalog import load_catalog
from explorer.content.limits import MAX_DEPTH, MAX_DOTS, MAX_DOTS_PER_LINE, MAX_FILE_BYTES
from explorer.content.rules import Condition
from explorer.errors import CatalogError
from explorer.infer.engine import RuleEngine

from .helpers.checks import assert_referral_last, error_message
from .helpers.content import PROJECT_ROOT, edit_file
from .helpers.shell import ANSWERS, program_env

DAMAGED = "the content files are damaged, so nothing can be shown: "
CONTENT_FILES = sorted(
    str(p.relative_to(PROJECT_ROOT)) for part in ("data", "rules") for p in (PROJECT_ROOT / part).glob("*.toml")
)
MEMORY_KIB = 1024**2  # the program runs within 1 GiB here: a limit that fails ends it, not the machine


def _refusal(root: Path, *args: str) -> str:
    """Runs the real program on `root`'s content; it must refuse it in one line (returned), with the
    referral last, exit 1, no apology."""
    within_memory = ["bash", "-c", f'ulimit -v {MEMORY_KIB}; exec "$0" "$@"', sys.executable]  # no preexec_fn: threads
    done = subprocess.run(
        [*within_memory, "-m", "explorer", *(args or ("--answers", "-", "--save", "s.html"))],
        input=ANSWERS,
        capture_output=True,
        cwd=root,
        env={**program_env(), "TREATMENT_EXPLORER_CONTENT": str(root)},
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr[-800:]
    assert done.stdout == b""
    assert "sorry" not in stderr and "Traceback" not in stderr, stderr[-800:]
    assert_referral_last(stderr)
    message = error_message(stderr)
    assert message.startswith(DAMAGED), message
    return message


# ---- what is read --------------------------------------------------------------------------------


@pytest.mark.parametrize("relative", ["data/sections.toml", "rules/safety.toml", "data/002_43ddf4ad6e44270f.txt"])
def test_a_content_file_that_is_a_device_is_refused_unread(content_copy, relative):
    path = content_copy / relative
    path.unlink()
    path.symlink_to("/dev/zero")
    message = _refusal(content_copy)
    assert f"{path}: " in message
    assert "not a regular file" in message


def test_a_content_file_that_is_a_pipe_is_refused_without_waiting_for_it(content_copy):
    path = content_copy / "data" / "questions.toml"
    path.unlink()
    os.mkfifo(path)
    message = _refusal(content_copy, "sections")
    assert f"{path}: " in message
    assert "not a regular file" in message


@pytest.mark.parametrize("relative", ["data/notes.toml", "data/004_e91e54c35d7066b4.txt"])
def test_a_content_file_over_the_size_limit_is_refused_unread(content_copy, relative):
    path = content_copy / relative
    with path.open("ab") as handle:  # a hole: no disk used, and a read of it all would cost 4 GiB
        handle.truncate(4 * 1024**3)
    message = _refusal(content_copy)
    assert f"{path}: " in message
    assert f"larger than {MAX_FILE_BYTES:,} bytes" in message


def test_a_content_file_just_within_the_size_limit_is_read(content_copy):
    path = content_copy / "rules" / "safety.toml"
    text = path.read_bytes()
    path.write_bytes(text + b"#" * (MAX_FILE_BYTES - len(text) - 1) + b"\n")
    assert len(load_catalog(content_copy).rules.caution) == 1


# ---- what is parsed ------------------------------------------------------------------------------


def _dotted(parts: int) -> str:
    return "x." + ".".join(["a"] * (parts - 1)) + " = 1\n"


@pytest.mark.parametrize("relative", CONTENT_FILES)
def test_a_key_of_thousands_of_parts_is_refused_before_it_is_parsed(content_copy, relative, monkeypatch):
    path = content_copy / relative
    path.write_text(_dotted(3000) + path.read_text(encoding="utf-8"), encoding="utf-8")
    message = _refusal(content_copy)
    too_many = f"has 2,999 dots (.) on one line: at most {MAX_DOTS_PER_LINE} (keys of so many parts)"
    assert message == f"{DAMAGED}{path}: line 1: {too_many}"


def test_64_kb_of_dotted_keys_is_refused_before_tomllib_sees_it(content_copy, monkeypatch):
    path = content_copy / "rules" / "suggestions.toml"
    path.write_text(path.read_text(encoding="utf-8") + _dotted(32_000), encoding="utf-8")

    loads = tomllib.loads

    def never_the_long_one(text: str) -> object:
        assert len(text) < 60_000, "tomllib was given the file"
        return loads(text)

    monkeypatch.setattr(tomllib, "loads", never_the_long_one)
    with pytest.raises(CatalogError) as caught:
        load_catalog(content_copy)
    assert caught.value.path == path
    assert f"at most {MAX_DOTS:,} in a content file" in caught.value.message


def test_many_lines_of_dotted_keys_are_refused_by_their_total(content_copy):
    path = content_copy / "data" / "notes.toml"
    lines = "".join(f"k{n}." + ".".join(["a"] * MAX_DOTS_PER_LINE) + " = 1\n" for n in range(MAX_DOTS // 60))
    path.write_text(lines + path.read_text(encoding="utf-8"), encoding="utf-8")
    message = _refusal(content_copy)
    assert f"{path}: has " in message
    assert f"at most {MAX_DOTS:,} in a content file" in message


def test_a_value_nested_too_deep_is_refused_naming_its_entry(content_copy):
    path = content_copy / "rules" / "suggestions.toml"
    deep = "when." + ".".join(["a"] * (MAX_DEPTH + 4)) + " = 1"
    edit_file(path, 'when = { setting = "clinic_daily" }', deep)
    message = _refusal(content_copy)
    assert message == f"{DAMAGED}{path}: suggest setting-clinic-daily: values nested more than {MAX_DEPTH} deep"


def test_an_id_nested_too_deep_is_refused_by_its_place(content_copy):
    path = content_copy / "data" / "sections.toml"
    first = tomllib.loads(path.read_text(encoding="utf-8"))["section"][0]["id"]
    edit_file(path, f'id = "{first}"', "id." + ".".join(["a"] * 40) + " = 1")
    message = _refusal(content_copy, "sections")
    assert message == f"{DAMAGED}{path}: section #1: values nested more than {MAX_DEPTH} deep"


# ---- the rule engine's limits ----------------------------------------------------------------------


def test_a_value_named_over_and_over_is_refused_naming_the_rule(content_copy):
    path = content_copy / "rules" / "suggestions.toml"
    values = ", ".join(['"clinic_daily"'] * 300)
    edit_file(path, 'when = { setting = "clinic_daily" }', f"when = {{ setting = [{values}] }}")
    message = _refusal(content_copy)
    assert message == f"{DAMAGED}{path}: suggest setting-clinic-daily: when: 'setting' names 'clinic_daily' twice"


def _copies(path: Path, rule_id: str, count: int) -> None:
    """Appends `count` copies of the rule `rule_id` of `path`, each with an id of its own."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id = "{rule_id}"')
    start = text.rindex("[[", 0, start)
    end = text.find("\n[[", start + 2)
    block = text[start : end if end > 0 else len(text)]
    copies = "".join("\n" + block.replace(f'id = "{rule_id}"', f'id = "{rule_id}-{n}"') for n in range(count))
    path.write_text(text + copies, encoding="utf-8")


def test_hundreds_of_rules_with_the_same_conditions_are_refused_naming_the_first_too_many(content_copy):
    path = content_copy / "rules" / "suggestions.toml"
    _copies(path, "setting-clinic-daily", 500)
    message = _refusal(content_copy)
    assert re.match(
        rf"{re.escape(DAMAGED)}{re.escape(str(path))}: suggest setting-clinic-daily-\d+: more than 200 rules", message
    )


def test_rules_with_the_same_conditions_up_to_the_limit_are_accepted(content_copy):
    path = content_copy / "rules" / "suggestions.toml"
    _copies(path, "setting-clinic-daily", engine_limits.MAX_SAME_END - 1)
    catalog = load_catalog(content_copy)
    engine = RuleEngine(catalog.rules, "same-conditions-at-the-limit")
    fired = engine.fired(Answers(setting="clinic_daily"))
    assert sum(rule.startswith("setting-clinic-daily") for rule in fired) == engine_limits.MAX_SAME_END


def test_too_many_branches_at_once_are_refused_naming_the_rule(content_copy):
    path = content_copy / "rules" / "suggestions.toml"
    edit_file(
        path, 'when = { setting = "clinic_daily" }', 'when = { interests = { includes = ["overdose", "withdrawal"] } }'
    )
    _copies(path, "setting-clinic-daily", 60)
    message = _refusal(content_copy)
    assert f"{path}: suggest setting-clinic-daily-" in message
    assert f"follow more than {engine_limits.MAX_STACK} tests at once" in message


# What the limits rest on: durable-rules itself, on rule books built here (docs/how-it-works.md, "Content limits").
INTERESTS = [i for i in Answers.allowed_values("interests") if i != "unsure"]
KEYS = ("for_whom", "setting", "dosing", "detox", "counseling", "support_groups")


def _book(rules: list[SimpleNamespace]) -> SimpleNamespace:
    everything = (*rules, SimpleNamespace(id="fallback", when=()))
    return SimpleNamespace(all=lambda: everything)


# durable-rules past its limits may write outside its own memory: those runs get a process each.
DURABLE_PROBE = """
import sys
from types import SimpleNamespace
from explorer.content.answers import Answers
from explorer.content.rules import Condition
from explorer.infer.engine import RuleEngine
shape, count = sys.argv[1], int(sys.argv[2])
if shape == "branches":
    when = (Condition(key="interests", test="includes", values=("overdose", "withdrawal")),)
else:
    when = (Condition(key="setting", test="is", values=("residential",)),)
rules = (*(SimpleNamespace(id=f"r{n}", when=when) for n in range(count)), SimpleNamespace(id="fallback", when=()))
engine = RuleEngine(SimpleNamespace(all=lambda: rules), "probe")
fired = engine.fired(Answers(setting="residential", interests=("overdose", "withdrawal")))
print(len(fired), len(set(fired)))
"""


def _durable_on(shape: str, count: int) -> str:
    """What durable-rules makes of `count` rules of one shape, in a process of its own: how many
    rules fired and how many distinct ones, or how it failed."""
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", DURABLE_PROBE, shape, str(count)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
    )
    if done.returncode == 0:
        return done.stdout.strip()
    found = re.search(r"error code: \d+", done.stderr)
    return found.group(0) if found else f"exit {done.returncode}"


def _branching(count: int) -> list[SimpleNamespace]:
    branches = (Condition(key="interests", test="includes", values=("overdose", "withdrawal")),)
    return [SimpleNamespace(id=f"r{n}", when=branches) for n in range(count)]


def test_durable_fails_on_what_the_branch_limit_refuses_and_only_well_beyond_it():
    limit = engine_limits.MAX_STACK - 1  # both branches hold, each with every rule's forward node
    assert engine_limits.engine_limit_problem(_branching(limit)) is None
    assert engine_limits.engine_limit_problem(_branching(limit + 1)) is not None
    # Both branches hold, so each rule fires once per branch: durable still copes here...
    assert _durable_on("branches", 62) == "125 63"
    assert _durable_on("branches", 64) != "129 65"  # ...and no more here (error 303, or a crash)


def test_durable_fails_on_hundreds_of_rules_with_the_same_conditions():
    same = (Condition(key="setting", test="is", values=("residential",)),)
    assert engine_limits.engine_limit_problem([SimpleNamespace(id=f"r{n}", when=same) for n in range(201)])
    assert _durable_on("same", 255) == "256 256"  # durable still right here...
    assert _durable_on("same", 256) != "257 257"  # ...silently wrong here
    assert _durable_on("same", 300) != "301 301"  # error 108 (or worse)


def _holds(condition: Condition, answers: Answers) -> bool:
    if condition.key == "interests":
        ticked = [value in answers.interests for value in condition.values]
        return any(ticked) if condition.test == "includes" else not any(ticked)
    key = condition.key.removeprefix("matters.")
    value = getattr(answers.matters if key != condition.key else answers, key)
    return value in condition.values if condition.test == "is" else value not in condition.values


def _random_rule(rng: random.Random, number: int) -> SimpleNamespace:
    conditions = []
    for key in rng.sample([*KEYS, "interests", *(f"matters.{p}" for p in PRIORITY_KEYS)], rng.randint(0, 3)):
        allowed = INTERESTS if key == "interests" else list(Answers.allowed_values(key))
        values = tuple(rng.sample(allowed, rng.randint(1, min(3, len(allowed)))))
        tests = ("includes", "excludes") if key == "interests" else ("is", "is_not")
        conditions.append(Condition(key=key, test=rng.choice(tests), values=values))
    return SimpleNamespace(id=f"r{number}", when=tuple(conditions))


def test_durable_agrees_with_a_plain_reading_of_every_rule_book_the_limits_accept():
    accepted = 0
    for seed in range(12):
        rng = random.Random(seed)
        rules = [_random_rule(rng, n) for n in range(rng.randint(20, 120))]
        if engine_limits.engine_limit_problem(rules) is not None:
            continue
        accepted += 1
        engine = RuleEngine(_book(rules), f"random-{seed}")
        for _ in range(60):
            answers = Answers(
                **{key: rng.choice(Answers.allowed_values(key)) for key in KEYS},
                interests=tuple(rng.sample(INTERESTS, rng.choice((0, len(INTERESTS), rng.randint(0, 9))))),
                matters={p: rng.choice(("a_lot", "somewhat", "not_much", "unsure")) for p in PRIORITY_KEYS},
            )
            expected = {r.id for r in rules if all(_holds(c, answers) for c in r.when)} | {"fallback"}
            assert set(engine.fired(answers)) == expected
    assert accepted >= 8  # the check has books to hold


def test_the_shipped_rule_book_is_well_within_the_engine_limits():
    rules = load_catalog().rules.all()
    assert engine_limits.engine_limit_problem(rules) is None
    root, _ = engine_limits._network(rules)
    # About half of the loader's limit, far from durable's 64: 25 of 48 since the rules also test
    # whom the exploring is for (the families path).
    assert engine_limits._stack_bound(root) <= engine_limits.MAX_STACK // 2 + 1
