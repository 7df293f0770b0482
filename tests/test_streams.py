"""What the program does with streams it cannot use as it expects, run through bash for its
redirections, in a folder of its own: standard output closed, full (/dev/full) or a pipe whose
reader leaves (`| head -1`); standard error closed or full; standard input closed; an output that
can encode only ASCII or Latin-1. Never a traceback: when the reader has gone, the run ends quietly
(the referral goes to standard error); when a stream cannot be written at all, one line says so on
the stream that still works, then the referral, exit 2; JSON stays the same valid JSON.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.referral import REFERRAL_TEXT
from explorer.render.finish import referral

from .helpers.checks import assert_referral_last, error_message
from .helpers.content import PROJECT_ROOT
from .helpers.pty import PROGRAM
from .helpers.shell import ANSWERS, program_env, sh

# ---- a stream the program cannot write to or read from, or only in ASCII ---------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "command", ["--answers - --format json", "compare --format json", "show how-medications-work --format json"]
)
def test_json_is_the_same_valid_json_on_an_ascii_or_latin1_stdout(here, command, encoding):
    full = sh(f"$P {command}", here, stdin=ANSWERS)
    narrow = subprocess.run(
        ["bash", "-c", f"{PROGRAM} {command}"],
        input=ANSWERS,
        capture_output=True,
        cwd=here,
        env=program_env(PYTHONIOENCODING=encoding),
        timeout=60,
    )
    assert full.returncode == narrow.returncode == 0, narrow.stderr
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(full.stdout)


def test_with_stderr_closed_a_refusal_shows_its_message_and_the_referral_on_stdout(here):
    done = sh("$P --answers nonexist.json 2>&-", here)
    assert done.returncode == 2, done.stdout[-800:]
    assert "nonexist.json" in error_message(done.stdout)


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_into_a_closed_pipe_end_quietly(here, option):
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| true`: the reader is gone before anything is written
    done = subprocess.run(
        [sys.executable, "-m", "explorer", option],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=here,
        env=program_env(),
        timeout=60,
    )
    os.close(write_end)
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    assert "Exception ignored" not in stderr, stderr
    assert "BrokenPipeError" not in stderr, stderr
    assert_referral_last(stderr)


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_with_stdout_closed_are_only_the_one_line_refusal(here, option):
    # Not the help or the version on standard error, and then "nothing could be shown".
    done = sh(f"$P {option} >&-", here)
    assert done.returncode == 2, done.stderr
    assert "standard output is closed" in error_message(done.stderr)


@pytest.mark.parametrize("command", ["--help", "--version", "sections", "--answers answers.json"])
def test_an_unwritable_stdout_is_a_one_line_refusal(here, command):
    done = sh(f"$P {command} > /dev/full", here)
    assert done.returncode == 2, done.stderr
    assert "standard output" in error_message(done.stderr)


def test_a_closed_stdin_is_a_clear_one_line_refusal(here):
    done = sh("$P --answers - <&-", here)
    assert done.returncode == 2, done.stderr
    assert "standard input" in error_message(done.stderr)


def test_a_closed_stdout_is_a_clear_refusal_and_the_summary_is_still_saved(here):
    done = sh("$P --answers answers.json --save s.md >&-", here)
    assert done.returncode == 2, done.stderr
    assert (here / "s.md").exists()
    assert "summary saved to" in done.stderr
    assert "standard output" in done.stderr.splitlines()[1]
    assert_referral_last(done.stderr)


def test_an_unwritable_stderr_changes_neither_the_exit_code_nor_the_output(here):
    refused = sh("$P --answers - 2>/dev/full", here, stdin=b'{"x": 1}')
    assert refused.returncode == 2
    assert "unknown key" in error_message(refused.stdout)  # the stream that still works
    saved = sh("$P --answers answers.json --save s.md 2>/dev/full", here)
    assert saved.returncode == 0
    assert (here / "s.md").exists()
    assert "Reading list" in saved.stdout
    assert_referral_last(saved.stdout)


# ---- a reader that stops reading ------------------------------------------------------------------


COMMANDS = {
    "text": "--answers {answers} --format text",
    "markdown": "--answers {answers} --format markdown",
    "json": "--answers {answers} --format json",
    "sections": "sections",
    "rules": "rules",
    "show": "show naloxone-overdose --format text",
}


EVERYTHING = (
    '{"setting": "doctor_office", "interests": ["how_medications_work", "side_effects", "withdrawal", '
    '"overdose", "understanding_addiction", "finding_a_program"]}'
)


@pytest.fixture(scope="module")
def everything_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "answers.json"
    path.write_text(EVERYTHING)
    return path


def _explorer_command(command: str, answers: Path) -> list[str]:
    return [sys.executable, "-m", "explorer", *COMMANDS[command].format(answers=answers).split()]


@pytest.mark.parametrize("command", COMMANDS)
def test_piped_into_head_it_ends_quietly(everything_file, command):
    explorer = " ".join(_explorer_command(command, everything_file))
    alone = subprocess.run(
        _explorer_command(command, everything_file),
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{explorer} | head -1"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr  # with pipefail: the explorer's own status, not 141, not 1
    assert done.stdout == alone.stdout.splitlines(keepends=True)[0]
    # The output fits in the pipe, so usually nothing breaks; if head closed it first, the
    # referral that could not reach stdout goes to stderr, and nothing else does.
    assert done.stderr in ("", "\n" + referral(80)), done.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_pipe_closed_before_the_first_write_ends_quietly_with_the_referral_on_stderr(everything_file, command):
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE: no race with a reader
    try:
        done = subprocess.run(
            _explorer_command(command, everything_file),
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=PROJECT_ROOT,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "BrokenPipeError" not in err
    assert "Exception ignored" not in err
    assert "Traceback" not in err
    assert err == "\n" + referral(80)
    assert REFERRAL_TEXT.splitlines()[-1] in err


def test_output_to_a_closed_pipe_ends_quietly():
    import subprocess
    import sys

    from .helpers.content import PROJECT_ROOT

    shell = f"echo '{{}}' | {sys.executable} -m explorer --answers - --format text | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert done.stdout.startswith("Treatment Options Explorer")
    assert "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr


# ---- a reader slower than the program -------------------------------------------------------------


@pytest.mark.parametrize("command", ["json", "text", "sections"])
def test_a_non_blocking_stdout_with_a_slow_reader_gets_all_of_the_output(everything_file, tmp_path, command):
    # A pipe the writer's side of which is non-blocking (a parent such as node may leave it so),
    # small (4 KiB), read slowly: a write that finds it full fails at once (EAGAIN). The program
    # must wait until the reader takes the rest, never cut the output, and --save still saves.
    alone = subprocess.run(
        _explorer_command(command, everything_file),
        capture_output=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        env=program_env(),
    )
    saving = ["--save", str(tmp_path / "s.md")] if command != "sections" else []
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    os.set_blocking(write_end, False)
    process = subprocess.Popen(
        [*_explorer_command(command, everything_file), *saving],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
        env=program_env(),
    )
    os.close(write_end)
    taken = []
    with os.fdopen(read_end, "rb", buffering=0) as output:
        while chunk := output.read(512):  # a slow reader: a little at a time, with pauses
            taken.append(chunk)
            time.sleep(0.002)
    stderr = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 0, stderr[-800:]
    assert b"".join(taken) == alone.stdout
    if saving:
        assert (tmp_path / "s.md").read_text(encoding="utf-8").rstrip().endswith("call 911.")
