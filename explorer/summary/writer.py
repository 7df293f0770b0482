"""Writes a file all at once or not at all, and never over an existing file unless asked, on any
file system.

The text goes to a temporary file in the target's directory, is flushed to disk, then takes the
target's name in one step that fails if the name is taken, even by a file that appeared a moment
before: os.link; where the file system has no hard links (FAT and exFAT USB sticks, some network
shares), a rename that refuses to replace (renameat2 with RENAME_NOREPLACE); where even that is
missing, the target created anew (O_CREAT | O_EXCL, which follows no link) and written. Only a
replacement the person confirmed uses os.replace. On any error, including Ctrl-C, the temporary
file is removed and the target is untouched. The file is readable by its owner only (a summary
says something about a person).

The name is refused if it holds control characters (a pasted NUL byte, an escape sequence); the
text's control characters are made visible (explorer/render/printable.py). The save is recorded
(`records`, the Environment) in the same step that gives the file its name, with stopping signals
held, so that an interruption never says that nothing was saved after a save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from explorer.i18n import _, reason
from explorer.render.printable import control_characters_in, printable, shown

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class SaveError(Exception):
    """The file could not be written; the message says why in plain words."""


class AlreadyExists(SaveError):
    """The target exists and overwriting it was not confirmed."""


class Records(Protocol):
    """Where a save is recorded (the Environment): the step that places the file holds stopping
    signals, and records the file before they may stop the run."""

    def holding_stops(self) -> AbstractContextManager[None]: ...

    def record_save(self, path: Path) -> None: ...


class _Unrecorded:
    def holding_stops(self) -> AbstractContextManager[None]:
        return contextlib.nullcontext()

    def record_save(self, path: Path) -> None:
        pass


NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK)
NO_RENAME_FLAGS = (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP)  # old kernel, or file system
AT_FDCWD, RENAME_NOREPLACE = -100, 1  # from Linux's fcntl.h and fs.h


def _rename_without_replacing(temporary: str, target: Path) -> bool:
    """Renames unless the target's name is taken (AlreadyExists), in one step; False where the
    system cannot rename without replacing (not Linux, an old kernel, a file system without it)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: only a file system without hard links needs it

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28 and later
    except (OSError, AttributeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(temporary), AT_FDCWD, os.fsencode(target), RENAME_NOREPLACE) == 0:
        return True
    number = ctypes.get_errno()
    if number == errno.EEXIST:
        raise AlreadyExists(_("{target} already exists").format(target=target))
    if number in NO_RENAME_FLAGS:
        return False
    raise OSError(number, os.strerror(number), str(target))


def _create_and_write(target: Path, data: bytes) -> None:
    """The target created anew, failing if the name is taken (a dangling link included), then
    written and flushed; removed again if the writing fails."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise AlreadyExists(_("{target} already exists").format(target=target)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(target)  # ours: made by the open above
        raise


def _place(temporary: str, target: Path, overwrite: bool, data: bytes) -> None:
    if overwrite:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the target exists, even if it appeared just now
    except FileExistsError:
        raise AlreadyExists(_("{target} already exists").format(target=target)) from None
    except OSError as error:
        if error.errno not in NO_HARD_LINKS:
            raise
        if not _rename_without_replacing(temporary, target):
            _create_and_write(target, data)


def target_path(path: str | Path) -> Path:
    """The path asked for, `~` and `~user` expanded; a home that cannot be found, or a name with
    control characters (pasted or typed by mistake), is a SaveError."""
    found = control_characters_in(str(path), in_a_name=True)
    if found:
        raise SaveError(
            _(
                "{name}: a file name cannot hold control characters such as {character} (pasted or typed by mistake)"
            ).format(name=shown(str(path)), character=shown(found[0]))
        )
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~nosuchuser/x.html"
        user = str(path).split("/", 1)[0]
        raise SaveError(
            _("{path}: there is no user {user!r} whose home folder {home} could be").format(
                path=path, user=user[1:], home=user
            )
        ) from None


def exists(target: Path) -> bool:
    """Anything at the name, a dangling symbolic link included (which open would follow)."""
    return os.path.lexists(target)


def _remove(temporary: str) -> None:
    with contextlib.suppress(FileNotFoundError):  # renamed: it has the target's name now
        os.unlink(temporary)


def write_atomic(path: str | Path, text: str, overwrite: bool = False, records: Records | None = None) -> Path:
    """Writes `text` to `path` (see the module's docstring); returns the path written. `records`
    is told of the file as it takes its name."""
    records = records or _Unrecorded()
    target = target_path(path)
    try:
        if target.is_dir():
            raise SaveError(
                _("{target} is a folder; give a file name, such as {example}").format(
                    target=target, example=target / "summary.html"
                )
            )
        if exists(target) and not overwrite:
            raise AlreadyExists(_("{target} already exists").format(target=target))
    except OSError as error:  # refused before anything is written: a name too long, a loop of links
        raise SaveError(_("cannot write {target}: {reason}").format(target=target, reason=reason(error))) from None
    directory = target.parent
    try:
        # A short fixed prefix: the target's own name may already be as long as the system allows.
        handle, temporary = tempfile.mkstemp(prefix=".tex-", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        if os.path.isdir(directory):  # /proc/self: a folder that takes no new file
            raise SaveError(_("the folder {folder} does not take new files").format(folder=directory)) from None
        raise SaveError(_("the folder {folder} does not exist").format(folder=directory)) from None
    except OSError as error:
        raise SaveError(
            _("cannot write in {folder}: {reason}").format(folder=directory, reason=reason(error))
        ) from None
    data = printable(text).encode("utf-8")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with records.holding_stops():  # a stop now waits until the file is placed and recorded
            _place(temporary, target, overwrite, data)
            records.record_save(target)
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError) and not isinstance(error, SaveError):
            raise SaveError(_("cannot write {target}: {reason}").format(target=target, reason=reason(error))) from None
        raise
    _remove(temporary)  # where a link gave the file its name, the temporary name goes
    return target
