"""The command line takes only what it documents: an unknown, repeated, abbreviated or misplaced
option or argument is refused, never ignored, with one line naming it (after argparse's usage line
where argparse refuses it), nothing on standard output, the referral last and exit 2. Without a
terminal and without --answers, the line says how to script the explorer.
"""

from __future__ import annotations

import pytest

from .helpers.checks import PROG, assert_referral_last, error_message
from .helpers.run import run_cli, run_main
from .helpers.shell import sh


def _run(argv: list[str], stdin: bytes = b"{}") -> tuple[int, str, str]:
    """In-process, with an empty answers object on standard input unless told otherwise."""
    return run_main(argv, stdin=stdin)


@pytest.mark.parametrize("argv", [["--answers", "-", "--answers"], ["--format", "yaml"], ["show", "a", "b"]])
def test_usage_errors_exit_2_with_the_referral(argv):
    code, _, err = _run(argv)
    assert code == 2
    assert "usage: treatment-explorer" in err or "unexpected argument" in err or "expected one argument" in err
    assert err.rstrip().endswith("call 911.")


@pytest.mark.parametrize("abbreviation", ["--ans", "--form", "--deb"])
def test_abbreviated_flags_are_usage_errors(abbreviation):
    code, _, err = _run(["sections", abbreviation])
    assert code == 2
    assert f"unrecognized arguments: {abbreviation}" in err


@pytest.mark.parametrize(
    "argv, problem",
    [
        (["--answers", "a.json", "--answers", "b.json"], "argument --answers: may be given only once"),
        (["--answers=-", "--answers", "-"], "argument --answers: may be given only once"),
        (["--answers", "-", "--format", "json", "--format", "text"], "argument --format: may be given only once"),
        (["--answers", "-", "--format", "text", "--format", "text"], "argument --format: may be given only once"),
        (["--answers", "-", "--debug", "--debug"], "argument --debug: may be given only once"),
        (["--answers", "-", "--bogus"], "unrecognized arguments: --bogus"),
        (["--answers", "-", "-x"], "unrecognized arguments: -x"),
        (["sections", "--colour"], "unrecognized arguments: --colour"),
        (["--answers"], "argument --answers: expected one argument"),
        (["--format", "yaml"], "argument --format: invalid choice: 'yaml'"),
        (["list"], "argument command: invalid choice: 'list'"),
    ],
)
def test_unknown_or_repeated_flags_are_usage_errors(argv, problem):
    code, out, err = run_main(argv, stdin=b"{}")
    assert code == 2
    assert out == ""
    assert err.startswith("usage: treatment-explorer")
    usage, _, rest = err.partition("\ntreatment-explorer: ")
    assert error_message("treatment-explorer: " + rest).startswith(problem), rest[:300]


def test_no_terminal_and_no_answers_says_how_to_script_it():
    done = run_cli()
    assert done.returncode == 2
    assert "--answers" in done.stderr
    assert "no terminal" in done.stderr
    assert "Traceback" not in done.stderr
    assert_referral_last(done.stderr)


def test_unknown_flag_is_a_usage_error():
    done = run_cli("--colour")
    assert done.returncode == 2
    assert done.stderr.startswith("usage: treatment-explorer")
    assert_referral_last(done.stderr)


@pytest.mark.parametrize(
    "command, says",
    [
        ("sections --answers answers.json", "sections does not take --answers"),
        ("rules extra", "unexpected argument 'extra'"),
        ("schema result --format json", "schema does not take --format"),
        ("compare --answers answers.json", "compare does not take --answers"),
        ("show what-is-mat extra", "unrecognized arguments: extra"),  # argparse's own words
        ("--format json", "--format goes with --answers FILE or with sections, show, rules, compare and about"),
    ],
)
def test_arguments_that_do_not_apply_are_refused_not_ignored(here, command, says):
    done = sh(f"$P {command}", here)
    assert done.returncode == 2, done.stdout[-400:]
    assert error_message(done.stderr[done.stderr.find(PROG) :]).startswith(says)
    assert done.stdout == ""
