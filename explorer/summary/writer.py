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
        if target.exists():
            raise AlreadyExists(f"{target} already exists") from None
        os.replace(temporary, target)
    else:
        os.unlink(temporary)


def write_atomic(path: str | Path, text: str, overwrite: bool = False) -> Path:
    target = Path(path).expanduser()
    if target.is_dir():
        raise SaveError(f"{target} is a folder; give a file name, such as {target / 'summary.html'}")
    if target.exists() and not overwrite:
        raise AlreadyExists(f"{target} already exists")
    directory = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
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
