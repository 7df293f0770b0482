"""Where the program finds its content (data/, rules/, DISCLAIMER.md), the content's snapshot, and
its own version.

The content lives at the top of the repository. A wheel or an sdist ships it inside the package, as
`explorer/bundled/` (pyproject.toml maps the repository's top folder to that package, files listed
one pattern at a time); an editable install or a run from the checkout reads it where it is. An
explicit folder holding data/ and rules/ wins over both: TREATMENT_EXPLORER_CONTENT.

The snapshot of the shipped content (content/snapshot.py) is `explorer/snapshot/`: written into the
wheel when it is built (setup.py), and into the checkout by `make`; never at run time.
"""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_VARIABLE = "TREATMENT_EXPLORER_CONTENT"
DISTRIBUTION = "treatment-options-explorer"


def content_root() -> Path:
    """The folder that holds data/ and rules/: TREATMENT_EXPLORER_CONTENT if set, else the shipped one."""
    chosen = os.environ.get(CONTENT_VARIABLE)
    return Path(chosen) if chosen else _shipped()


def shipped_root() -> Path:
    """The folder of the content that ships with the program, the one the snapshot is made from."""
    return _shipped()


def snapshot_folder() -> Path:
    """The snapshot of the shipped content (it may be absent: then every run checks the TOML)."""
    return _package() / "snapshot"


def code_root() -> Path:
    """The folder holding the explorer package: the snapshot names the code that checked it from here."""
    return _package().parent


def disclaimer_path(language: str = "en") -> Path:
    """DISCLAIMER.md, the full text the opening screen points to (always the shipped one); in
    Spanish, its copy DISCLAIMER.es.md."""
    return _shipped() / ("DISCLAIMER.md" if language == "en" else f"DISCLAIMER.{language}.md")


def _package() -> Path:
    # The package is installed as files (Jinja2's loader and the error messages need real paths),
    # so its folder is where this module's file is: importlib.resources.files() would give the
    # same path, but it costs the first question a few milliseconds of imports and lookups.
    return Path(__file__).parent.parent


def _shipped() -> Path:
    package = _package()
    bundled = package / "bundled"
    if bundled.is_dir():  # installed from a wheel or an sdist
        return bundled
    return package.parent  # a checkout (the editable install): data/ and rules/ beside explorer/


def templates() -> Path:
    """The folder of the take-home summary's Jinja2 templates."""
    return _package() / "summary" / "templates"


def version() -> str:
    """The installed package's version, from its metadata; a run from a bare checkout says so."""
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"
