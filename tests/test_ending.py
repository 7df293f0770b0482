"""How the program ends when something inside it fails: a short apology that names no internal
detail, the referral last, exit 1, and the traceback only with --debug; if even the referral
block cannot be drawn, its plain text still comes last.

Every way out ends with the referral and a documented exit status: 0 done, 1 damaged content or
an internal error, 2 bad input or usage (an output stream that cannot be written included), 130
interrupted. Each way has its module: test_bad_input, test_usage_errors, test_damaged_content,
test_stopping, test_streams, and test_make_run for `make run`.
"""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from explorer.content.answers import Answers
from explorer.infer import reading_list
from explorer.infer.engine import EngineError, RuleEngine
from explorer.referral import REFERRAL_TEXT
from explorer.render import finish, listings, rule_book
from explorer.render import result as render
from explorer.render.finish import referral

from .helpers.checks import assert_referral_last
from .helpers.run import run_main
from .helpers.shell import AS_THE_CONSOLE_SCRIPT, SCRIPT, program_env


def _run(argv: list[str], stdin: bytes = b"{}") -> tuple[int, str, str]:
    """In-process, with an empty answers object on standard input unless told otherwise."""
    return run_main(argv, stdin=stdin)


def test_an_unexpected_failure_apologizes_and_still_refers(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(render, "render_result", broken)
    code, out, err = _run(["--answers", "-"])
    assert code == 1
    assert out == ""
    assert "sorry, something went wrong" in err
    assert "--debug" in err
    assert "Traceback" not in err
    assert "injected" not in err
    assert err.rstrip().endswith("In an emergency or an overdose: call 911.")


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(render, "render_result", lambda *a, **k: 1 / 0)
    code, _, err = _run(["--answers", "-", "--debug"])
    assert code == 1
    assert "Traceback" in err
    assert "ZeroDivisionError" in err
    assert err.rstrip().endswith("call 911.")


def test_if_even_the_referral_block_fails_its_plain_text_still_comes_last(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(finish, "referral", broken)  # what main's closing referral renders
    code, out, err = _run(["--answers", "-"], stdin=b'{"setting": "clinic"}')
    assert code == 2
    assert out == ""
    assert '"setting" must be one of' in err
    assert err.endswith("\n" + REFERRAL_TEXT + "\n")


# ---- an exception anywhere in the pipeline: the engine, the reading list, each renderer and listing ---


APOLOGY = "sorry, something went wrong inside the explorer. This is not your fault."


_ruleset_names = itertools.count()


@pytest.fixture
def engine_with_a_failing_action(monkeypatch, catalog) -> RuleEngine:
    """A real durable ruleset whose actions raise, served to the CLI in place of the real one."""

    def exploding(self, rule_id):
        def action(c):
            raise RuntimeError(f"injected into the durable action of {rule_id}")

        return action

    monkeypatch.setattr(RuleEngine, "_recorder", exploding)
    engine = RuleEngine(catalog.rules, name=f"failing_actions_{next(_ruleset_names)}")
    monkeypatch.setattr(RuleEngine, "for_rules", classmethod(lambda cls, rules, name="": engine))
    return engine


def test_a_failing_durable_action_becomes_an_engine_error(engine_with_a_failing_action):
    with pytest.raises(EngineError, match="injected into the durable action"):
        engine_with_a_failing_action.fired(Answers())


def _raise(*args, **kwargs):
    raise RuntimeError("injected")


INJECTIONS = [  # (where, replaced by a function that raises, the command that reaches it)
    ("engine", None, ["--answers", "-", "--format", "json"]),
    ("build_result", (reading_list, "build_result"), ["--answers", "-"]),
    ("to_markdown", (render, "to_markdown"), ["--answers", "-", "--format", "markdown"]),
    ("render_result", (render, "render_result"), ["--answers", "-", "--format", "json"]),
    ("sections_listing", (listings, "sections_listing"), ["sections"]),
    ("rules_listing", (rule_book, "rules_listing"), ["rules"]),
    ("section_page", (render, "section_page"), ["show", "what-is-mat"]),
    ("render_section", (render, "render_section"), ["show", "what-is-mat", "--format", "markdown"]),
]


@pytest.mark.parametrize("where, target, argv", INJECTIONS, ids=[i[0] for i in INJECTIONS])
@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_unexpected_exception_apologizes_and_refers(request, monkeypatch, where, target, argv, debug):
    if target is None:
        request.getfixturevalue("engine_with_a_failing_action")
    else:
        monkeypatch.setattr(*target, _raise)
    code, out, err = run_main(argv + (["--debug"] if debug else []), stdin=b'{"interests": ["overdose"]}')
    assert code == 1
    assert out == ""
    assert err.startswith(f"treatment-explorer: {APOLOGY}\n")
    assert err.endswith("\n\n" + referral(80))
    if debug:
        assert "Traceback (most recent call last)" in err
        assert "injected" in err
        if where == "engine":
            assert "EngineError: a rule's action failed" in err
    else:
        assert err == f"treatment-explorer: {APOLOGY}\n(run again with --debug to see the details)\n\n" + referral(80)


# The program started as its console script, with the memory it may use cut to what it already
# holds at the moment it starts importing `module`, and what is still free in that filled with
# ballast: that import fails (MemoryError), and so does nearly anything the ending would still
# import or build (as under `ulimit -v`, but at a known moment).
MEMORY_RUNS_OUT_AT = (
    """
import importlib.abc, resource, sys
TARGET = sys.argv[1]
BALLAST = []
class Squeeze(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            sys.stderr.write("(no more memory now)\\n")
            sys.stderr.flush()
            with open("/proc/self/statm") as statm:
                held = int(statm.read().split()[0]) * resource.getpagesize()
            resource.setrlimit(resource.RLIMIT_AS, (held, held))
            for size in (65536, 4096, 256, 32):
                try:
                    while True:
                        BALLAST.append(bytes(size))
                except MemoryError:
                    pass
        return None
sys.meta_path.insert(0, Squeeze())
"""
    + AS_THE_CONSOLE_SCRIPT
)


@pytest.mark.parametrize("module", ["explorer.content.catalog", "pydantic", "durable", "explorer.render.result"])
def test_out_of_memory_still_ends_with_the_referral(here, module):
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_RUNS_OUT_AT, module, SCRIPT, "--answers", "answers.json"],
        capture_output=True,
        cwd=here,
        env=program_env(),
        timeout=60,
    )
    stderr = done.stderr.decode()
    assert "(no more memory now)" in stderr  # the memory did run out there
    assert done.returncode == 1, (done.returncode, stderr[-1500:])
    assert "sorry, something went wrong" in stderr, stderr[-1500:]
    assert "Traceback" not in stderr
    if not stderr.endswith("\n" + REFERRAL_TEXT + "\n"):  # its plain text where the block could not be drawn
        assert_referral_last(stderr)
