"""Compiles every language's catalog (explorer/locale/*/LC_MESSAGES/explorer.po) to the .mo that
gettext reads; `make` runs it when a .po changed, setup.py when it builds a wheel."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.i18n.po import compile_po  # noqa: E402

if __name__ == "__main__":
    for po in sorted((ROOT / "explorer" / "locale").glob("*/LC_MESSAGES/*.po")):
        compile_po(po, po.with_suffix(".mo"))
