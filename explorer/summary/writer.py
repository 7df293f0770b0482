"""Writes a file all at once or not at all, and never over an existing file unless asked.

The text goes to a temporary file in the target's directory, is flushed to disk, then takes the
target's name in one step (os.link when the target must not exist, os.replace when overwriting
was confirmed). On any error, including Ctrl-C, the temporary file is removed and the target is
untouched. The file is readable by its owner only (a summary says something about a person).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class SaveError(Exception):
    """The file could not be written; the message says why in plain words."""


class AlreadyExists(SaveError):
    """The target exists and overwriting it was not confirmed."""


def _place(temporary: str, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the target exists, even if it appeared just now
    except FileExistsError:
        raise AlreadyExists(f"{target} already exists") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links: check, then replace.
        if exists(target):
            raise AlreadyExists(f"{target} already exists") from None
        os.replace(temporary, target)
    else:
        os.unlink(temporary)


def target_path(path: str | Path) -> Path:
    """The path asked for, `~` and `~user` expanded; a home that cannot be found is a SaveError."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~nosuchuser/x.html"
        user = str(path).split("/", 1)[0]
        raise SaveError(f"{path}: there is no user {user[1:]!r} whose home folder {user} could be") from None


def exists(target: Path) -> bool:
    """Anything at the name, a dangling symbolic link included (which open would follow)."""
    return os.path.lexists(target)


def write_atomic(path: str | Path, text: str, overwrite: bool = False) -> Path:
    target = target_path(path)
    try:
        if target.is_dir():
            raise SaveError(f"{target} is a folder; give a file name, such as {target / 'summary.html'}")
        if exists(target) and not overwrite:
            raise AlreadyExists(f"{target} already exists")
    except OSError as error:  # refused before anything is written: a name too long, a loop of links
        raise SaveError(f"cannot write {target}: {error.strerror or error}") from None
    directory = target.parent
    try:
        # A short fixed prefix: the target's own name may already be as long as the system allows.
        handle, temporary = tempfile.mkstemp(prefix=".tex-", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise SaveError(f"the folder {directory} does not exist") from None
    except OSError as error:
        raise SaveError(f"cannot write in {directory}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        _place(temporary, target, overwrite)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError) and not isinstance(error, SaveError):
            raise SaveError(f"cannot write {target}: {error.strerror or error}") from None
        raise
    return target
