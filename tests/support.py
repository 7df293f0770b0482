"""Helpers shared by the hostile-input, fault and audit tests: the CLI run in-process without
pytest fixtures (so that hypothesis can call it hundreds of times in one test), and the checks
on how every run must end."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import sys
from pathlib import Path

from explorer import cli, render
from explorer.models import Answers
from explorer.referral import REFERRAL_TEXT

PROJECT_ROOT = Path(__file__).resolve().parent.parent  # the checkout (the program finds its content itself)
PROG = "treatment-explorer: "
MARKDOWN_REFERRAL_HEADING = "## Talk to a healthcare professional"


class FakeStdin:
    """Standard input that is not a terminal; `buffer` is what `--answers -` reads."""

    def __init__(self, buffer: io.RawIOBase | io.BufferedIOBase):
        self.buffer = buffer

    def isatty(self) -> bool:
        return False


def run_main(argv: list[str], stdin: bytes | FakeStdin = b"") -> tuple[int, str, str]:
    """Runs explorer.cli.main in this process; returns (exit code, stdout, stderr)."""
    fake = stdin if isinstance(stdin, FakeStdin) else FakeStdin(io.BytesIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = fake  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def error_message(err: str) -> str:
    """The one-line message of a refused run: stderr must be exactly that line, then the referral.
    (Not a terminal, so the referral is rendered 80 columns wide.)"""
    closing = "\n\n" + render.referral(80)
    assert err.endswith(closing), err[-400:]
    message = err[: -len(closing)]
    assert message.startswith(PROG), message[:200]
    assert "\n" not in message, message[:400]
    assert "Traceback" not in message
    return message[len(PROG):]


def assert_referral_last(out: str, fmt: str) -> dict | None:
    """A complete output ends with the referral; for JSON it is the last key. Returns the JSON."""
    if fmt == "json":
        data = json.loads(out)
        assert list(data)[-1] == "referral", list(data)
        assert data["referral"] == {"text": REFERRAL_TEXT}
        return data
    if fmt == "markdown":
        tail = out[out.rindex(MARKDOWN_REFERRAL_HEADING):]
        assert "\n#" not in tail, "a heading after the referral"
        assert tail.rstrip().endswith("In an emergency or an overdose: call 911.")
        return None
    assert out.endswith(render.referral(80)), out[-400:]
    return None


# ---- the answer space: every single-choice combination × several sets of interests ----

SINGLE_KEYS = ("for_whom", "setting", "dosing", "detox", "counseling", "support_groups")
INTEREST_SETS = (
    (),
    ("how_medications_work",),
    ("overdose", "side_effects"),
    ("withdrawal", "understanding_addiction", "finding_a_program"),
    ("how_medications_work", "side_effects", "withdrawal", "overdose", "understanding_addiction", "finding_a_program"),
)


def every_profile():
    values = [Answers.allowed_values(key) for key in SINGLE_KEYS]
    for combo in itertools.product(*values):
        for interests in INTEREST_SETS:
            yield Answers(**dict(zip(SINGLE_KEYS, combo, strict=True)), interests=interests)
