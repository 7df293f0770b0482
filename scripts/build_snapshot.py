"""Checks the checkout's content (data/, rules/) and saves it as the content's snapshot,
explorer/snapshot/ (explorer/content/snapshot.py). `make` runs it when the content or the code that
checks it changed (`make snapshot`). Damaged content makes no snapshot: one line says why, and every
run then checks the TOML itself and refuses it in its own words, the referral last."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.content.build_snapshot import build_snapshot  # noqa: E402
from explorer.errors import CatalogError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/build_snapshot.py", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="the folder holding data/ and rules/")
    parser.add_argument("--into", type=Path, default=ROOT / "explorer" / "snapshot", help="the snapshot's folder")
    args = parser.parse_args(argv)
    try:
        build_snapshot(args.root, ROOT / "explorer", args.into)
    except CatalogError as error:
        print(f"snapshot: {error.describe()}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
