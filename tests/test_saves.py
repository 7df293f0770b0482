"""Saving a summary with --save, and the writer behind every save. Nothing is written unless asked,
never over an existing file without a yes, all or nothing (no partial file, no temporary file
left), the owner's only; a path the system refuses, or no real file name, gets one line saying
why, exit 2, and nothing written; a name up to the system's limit is saved. Once saved, the
summary is named, even if the program is interrupted while it writes the rest of its output.
"""

from __future__ import annotations

import fcntl
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.formats import saved_format as format_for
from explorer.summary import writer as writers
from explorer.summary.writer import AlreadyExists, SaveError, write_atomic

from .helpers.checks import assert_referral_last, error_message
from .helpers.pty import PROGRAM
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


def _without_hard_links(monkeypatch, target, appears: str | None = None) -> None:
    """os.link refused as a FAT file system refuses it; `appears` is written to the target by
    another program in the same instant."""

    def refused(source, destination):
        if appears is not None:
            target.write_text(appears)
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writers.os, "link", refused)


@pytest.mark.parametrize("rename_without_replacing", [True, False], ids=["renameat2", "created anew"])
def test_without_hard_links_the_whole_text_is_saved_for_the_owner_only(tmp_path, monkeypatch, rename_without_replacing):
    target = tmp_path / "s.md"
    _without_hard_links(monkeypatch, target)
    if not rename_without_replacing:  # not Linux, an old kernel, or a file system without it
        monkeypatch.setattr(writers, "_rename_without_replacing", lambda temporary, target: False)
    assert write_atomic(target, "héllo\n" * 1000) == target
    assert target.read_text(encoding="utf-8") == "héllo\n" * 1000
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("rename_without_replacing", [True, False], ids=["renameat2", "created anew"])
def test_without_hard_links_a_file_that_appears_as_it_is_placed_is_kept(
    tmp_path, monkeypatch, rename_without_replacing
):
    target = tmp_path / "s.md"
    _without_hard_links(monkeypatch, target, appears="someone else's")
    if not rename_without_replacing:
        monkeypatch.setattr(writers, "_rename_without_replacing", lambda temporary, target: False)
    with pytest.raises(AlreadyExists):
        write_atomic(target, "ours")
    assert target.read_text() == "someone else's"
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


@pytest.mark.parametrize("name", ["s\x00.html", "s\x1b]0;title\x07.html", "s\x1b[31m.md", "two\nlines.md"])
def test_a_file_name_with_control_characters_is_refused_in_plain_words(tmp_path, name):
    # A pasted NUL byte, an escape sequence: a name no one meant, refused before anything is written.
    with pytest.raises(SaveError, match="control character") as refused:
        write_atomic(tmp_path / name, "text")
    assert "\x1b" not in str(refused.value)  # named with the characters made visible
    assert "\x00" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_takes_no_new_file_is_not_called_missing(here):
    done = sh("$P --answers answers.json --save /proc/self/x.html", here)
    assert done.returncode == 2, done.stderr
    message = error_message(done.stderr)
    assert "/proc/self" in message
    assert "does not exist" not in message


# ---- faults only a kernel can make: strace injects them into the real program ------------------

RENAME_CALLS = {  # the system calls that rename, by their numbers on each machine (/proc/PID/syscall)
    "x86_64": {82, 264, 316},  # rename, renameat, renameat2
    "aarch64": {38, 276},  # renameat, renameat2
}


def _strace() -> str:
    """strace, where it can trace here; in CI, where .ci/run installs it, its absence is a failure."""
    path = shutil.which("strace")
    why = "strace is not installed (Debian: apt-get install strace)"
    if path is not None:
        trial = subprocess.run([path, "-f", "-qq", "-o", "/dev/null", "true"], capture_output=True, timeout=60)
        why = "" if trial.returncode == 0 else f"strace cannot trace here: {trial.stderr.decode()[-200:]}"
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why}; in CI .ci/run installs it")
        pytest.skip(f"{why}; CI installs it")
    return path


def _traced(strace: str, here, *injections: str) -> subprocess.Popen:
    """`--answers answers.json --save s.md` under strace with `injections`; the program's exit code
    is the last line of its standard error ("exit N"), as strace may be gone before it ends."""
    program = f"{PROGRAM} --answers answers.json --save s.md; echo exit $? >&2"
    return subprocess.Popen(
        [strace, "-f", "-qq", "-o", "/dev/null", *injections, "bash", "-c", program],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=here,
        env=program_env(),
    )


def _exit_code(stderr: str) -> tuple[int, str]:
    *said, last = stderr.rstrip("\n").split("\n")
    assert last.startswith("exit "), stderr[-800:]
    return int(last.split()[1]), "\n".join(said) + "\n"


def _renaming(tracer: int) -> int | None:
    """The process under `tracer` (bash's child) that is now inside a rename, if one is."""
    calls = RENAME_CALLS[platform.machine()]
    for task in Path(f"/proc/{tracer}/task").iterdir():
        for child in (task / "children").read_text().split():
            for pid in [child, *Path(f"/proc/{child}/task/{child}/children").read_text().split()]:
                try:
                    number = Path(f"/proc/{pid}/syscall").read_text().split()[0]
                except (OSError, IndexError):
                    continue
                if number.isdigit() and int(number) in calls:
                    return int(pid)
    return None


def test_without_hard_links_a_file_that_appears_meanwhile_is_never_replaced(here):
    # A file system without hard links (a FAT or exFAT USB stick, some network shares): link() is
    # refused (EPERM, injected). The summary's placing is held at its rename (a delay injected)
    # while another program writes the same name; then strace is ended and the rename goes on.
    strace = _strace()
    if platform.machine() not in RENAME_CALLS:
        pytest.skip(f"the rename system calls' numbers are not known here ({platform.machine()})")
    tracer = _traced(
        strace,
        here,
        "-e",
        "trace=link,linkat,rename,renameat,renameat2",
        "-e",
        "inject=link,linkat:error=EPERM",
        "-e",
        "inject=rename,renameat,renameat2:delay_enter=60000000",  # a minute: ended sooner below
    )
    try:
        while _renaming(tracer.pid) is None:  # whatever it takes under load
            assert tracer.poll() is None, tracer.communicate()[1].decode()[-800:]
            time.sleep(0.01)
        someone_elses = os.open(here / "s.md", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(someone_elses, b"someone else's\n")
        os.close(someone_elses)
    finally:
        tracer.kill()  # the traced program goes on at once, untraced
    stderr = tracer.communicate(timeout=60)[1].decode()  # until the program has ended
    code, said = _exit_code(stderr)
    assert (here / "s.md").read_text() == "someone else's\n"
    assert code == 2, said[-800:]
    assert error_message(said) == "the summary was not saved: s.md already exists"
    assert _leftovers(here) == []


def test_a_signal_as_the_summary_takes_its_name_never_says_nothing_was_saved(here):
    # SIGTERM sent as link() gives the summary its name (injected at that call): the summary is
    # saved, and the interruption must say so.
    tracer = _traced(_strace(), here, "-e", "trace=link,linkat", "-e", "inject=link,linkat:signal=SIGTERM")
    stderr = tracer.communicate(timeout=60)[1].decode()
    code, said = _exit_code(stderr)
    assert code == 130, said[-800:]
    assert (here / "s.md").read_text(encoding="utf-8").rstrip().endswith("call 911.")
    assert "Nothing was saved" not in said, said[-800:]
    assert "s.md" in said.split("Stopped.")[-1]  # it says where the summary is
    assert_referral_last(said)
    assert _leftovers(here) == []
