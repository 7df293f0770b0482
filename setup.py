"""The build's two additions to pyproject.toml: the explorer's words in Spanish compiled for gettext
(explorer/locale/*/LC_MESSAGES/explorer.mo, from the .po beside it), and the content's snapshot
(explorer/content/snapshot.py) written into the wheel. Building a wheel (from the checkout or from
the sdist) checks the shipped content with the explorer's own models, then writes what they
accepted as explorer/snapshot/ in the wheel, so that the installed program reads it instead of
parsing and checking the TOML at every run. Damaged content fails the build, with the same
one-line message a run would give.

An editable install (make's .venv) is left alone: `make` keeps the checkout's snapshot and .mo current.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithSnapshot(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        sys.path.insert(0, str(HERE))  # the explorer being built, not one installed elsewhere
        from explorer.content.build_snapshot import build_snapshot
        from explorer.errors import CatalogError
        from explorer.i18n.po import compile_po

        for po in sorted((HERE / "explorer" / "locale").glob("*/LC_MESSAGES/*.po")):
            built = Path(self.build_lib) / po.relative_to(HERE)
            compile_po(po, built.with_suffix(".mo"))

        try:
            build_snapshot(HERE, HERE / "explorer", Path(self.build_lib) / "explorer" / "snapshot")
        except CatalogError as error:
            raise SystemExit(f"snapshot: {error.describe()}") from None


setup(cmdclass={"build_py": BuildWithSnapshot})
