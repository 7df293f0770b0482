"""Saving a summary with --save, and the writer behind every save. Nothing is written unless asked,
never over an existing file without a yes, all or nothing (no partial file, no temporary file
left), the owner's only; a path the system refuses, or no real file name, gets one line saying
why, exit 2, and nothing written; a name up to the system's limit is saved. Once saved, the
summary is named, even if the program is interrupted while it writes the rest of its output.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time

import pytest

from explorer.formats import saved_format as format_for
from explorer.summary import writer as writers
from explorer.summary.writer import AlreadyExists, SaveError, write_atomic

from .helpers.checks import assert_referral_last, error_message
from .helpers.run import run_cli
from .helpers.shell import ANSWERS, program_env, sh


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_whole_text(tmp_path):
    target = write_atomic(tmp_path / "s.md", "héllo\n" * 1000)
    assert target.read_text(encoding="utf-8") == "héllo\n" * 1000
    assert _leftovers(tmp_path) == []
    assert oct(target.stat().st_mode & 0o777) == "0o600"  # the owner's only


def test_never_overwrites_without_being_told(tmp_path):
    target = tmp_path / "s.html"
    target.write_text("mine")
    with pytest.raises(AlreadyExists):
        write_atomic(target, "new")
    assert target.read_text() == "mine"
    assert _leftovers(tmp_path) == []
    write_atomic(target, "new", overwrite=True)
    assert target.read_text() == "new"
    assert _leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    # The check before writing passes; the file appears before the final link.
    target = tmp_path / "s.md"
    real_fsync = os.fsync

    def appear_then_sync(fd):
        target.write_text("someone else's")
        real_fsync(fd)

    monkeypatch.setattr(writers.os, "fsync", appear_then_sync)
    with pytest.raises(AlreadyExists):
        write_atomic(target, "ours")
    assert target.read_text() == "someone else's"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_nothing_behind(tmp_path, monkeypatch, failure):
    def broken(fd):
        raise failure

    monkeypatch.setattr(writers.os, "fsync", broken)
    with pytest.raises(SaveError if isinstance(failure, OSError) else KeyboardInterrupt) as caught:
        write_atomic(tmp_path / "s.html", "text")
    assert list(tmp_path.iterdir()) == []
    if isinstance(failure, OSError):
        assert "No space left" in str(caught.value)


def test_a_failure_replacing_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "s.md"
    target.write_text("old")

    def broken(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writers.os, "replace", broken)
    with pytest.raises(SaveError):
        write_atomic(target, "new", overwrite=True)
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_missing_folder_and_a_folder_as_target(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "s.md", "x")
    with pytest.raises(SaveError, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_format_from_the_extension():
    assert format_for("a/b.HTML") == "html"
    assert format_for("s.md") == "markdown"
    assert format_for("s.txt") is None
    assert format_for("summary") is None


# ---- --save through the real CLI ---------------------------------------------------------------------


def test_save_writes_the_summary_and_the_output_still_ends_with_the_referral(tmp_path):
    target = tmp_path / "summary.md"
    done = run_cli("--answers", "-", "--save", str(target), stdin='{"dosing": "monthly"}')
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("In an emergency or an overdose: call 911.")
    assert f"summary saved to {target}" in done.stderr
    saved = target.read_text(encoding="utf-8")
    assert "## Questions you may want to ask" in saved
    assert "extended-release injection" in saved
    assert saved.rstrip().endswith("In an emergency or an overdose: call 911.")


def test_save_refuses_an_existing_file(tmp_path):
    target = tmp_path / "summary.html"
    target.write_text("keep me")
    done = run_cli("--answers", "-", "--save", str(target), stdin="{}")
    assert done.returncode == 2
    assert "already exists" in done.stderr
    assert target.read_text() == "keep me"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "args, words",
    [
        (["--answers", "-", "--save", "summary.txt"], "must end in .html or .md"),
        (["--save", "summary.md"], "--save goes with --answers"),
        (["compare", "--answers", "-", "--save", "summary.md"], "--save goes with --answers"),
    ],
)
def test_save_usage_errors_exit_2_and_write_nothing(tmp_path, args, words):
    args = [str(tmp_path / a) if a.startswith("summary") else a for a in args]
    done = run_cli(*args, stdin="{}")
    assert done.returncode == 2
    assert words in done.stderr
    assert done.stderr.rstrip().endswith("call 911.")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["a" * 300 + ".html", "a/" * 2100 + "x.html"], ids=["a name over 255 bytes", "a path over PATH_MAX"]
)
def test_a_save_path_the_system_refuses_is_a_one_line_refusal(here, name):
    done = sh(f"$P --answers - --save {name}", here, stdin=ANSWERS)
    assert done.returncode == 2, done.stderr[-800:]
    assert error_message(done.stderr).startswith("the summary was not saved: ")


def test_an_interruption_after_a_save_never_says_nothing_was_saved(here):
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the output: writing it blocks
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", "--answers", "answers.json", "--save", "s.md", "--format", "json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=here,
        env=program_env(),
    )
    os.close(write_end)
    saved = here / "s.md"
    while not saved.exists() and process.poll() is None:  # waits for the save, whatever it takes
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    with os.fdopen(read_end, "rb") as stdout:
        stdout.read()
    stderr = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 130, stderr
    assert saved.exists(), stderr
    assert "Nothing was saved" not in stderr, stderr
    assert "s.md" in stderr  # it says where the summary is
    assert_referral_last(stderr)


@pytest.mark.parametrize("length", [245, 250, 255])
def test_a_file_name_up_to_the_system_limit_can_be_saved(here, length):
    name = "a" * (length - len(".html")) + ".html"
    done = sh(f"$P --answers answers.json --save {name}", here)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(here)) == sorted(["answers.json", name])  # and no temporary file left


@pytest.mark.parametrize(
    "name, says", [("''", "--save needs a file name"), (".html", "--save .html: give a name before the extension")]
)
def test_save_needs_a_real_file_name(here, name, says):
    done = sh(f"$P --answers answers.json --save {name}", here)
    assert done.returncode == 2, done.stderr
    assert error_message(done.stderr).startswith(says)
    assert os.listdir(here) == ["answers.json"]


def test_save_into_an_unknown_users_home_is_a_one_line_refusal(here):
    done = sh("$P --answers answers.json --save '~nosuchuser/x.html'", here)
    assert done.returncode == 2, done.stderr
    assert "nosuchuser" in error_message(done.stderr)


@pytest.mark.parametrize(
    "name", ["treatment-options-summary-2026-12-01.html", "treatment-options-summary-2026-12-01-2.md"]
)
def test_a_summary_saved_in_the_checkout_under_its_default_name_is_ignored_by_git(name):
    # `make run` starts the explorer in the checkout: a summary saved there is the person's, and
    # must not turn up as a file for the project to commit.
    from .helpers.content import PROJECT_ROOT

    if not (PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "check-ignore", "--quiet", name], cwd=PROJECT_ROOT, check=False)
    assert done.returncode == 0, f"{name} is not ignored"
    kept = subprocess.run(["git", "check-ignore", "--quiet", "summary-notes.html"], cwd=PROJECT_ROOT, check=False)
    assert kept.returncode == 1  # the check can fail: another name is not ignored
