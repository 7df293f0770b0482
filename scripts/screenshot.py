"""Makes the README's picture of the saved HTML summary (docs/summary.png) the way the browser
test sees it: the summary is saved through the real CLI (--save), then opened by tests/browser.py
in headless Chromium with the network off. Run it with `make screenshot`."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import load_page  # noqa: E402

# The answers of the session shown in README.md.
ANSWERS = {
    "for_whom": "someone_else",
    "setting": "residential",
    "dosing": "monthly",
    "detox": "completed",
    "counseling": "yes",
    "support_groups": "yes",
    "interests": ["overdose"],
}


def main(target: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="explorer-screenshot-") as folder:
        page = Path(folder) / "summary.html"
        subprocess.run(
            [sys.executable, "-m", "explorer", "--answers", "-", "--save", str(page)],
            input=json.dumps(ANSWERS).encode(),
            stdout=subprocess.DEVNULL,
            check=True,
            cwd=ROOT,
        )
        report = load_page(page)
    if report.network_requests:
        print(f"screenshot: the page asked the network for {report.network_requests}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(report.screenshot)
    print(f"screenshot: wrote {target} ({len(report.screenshot)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "summary.png"))
