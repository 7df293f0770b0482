"""Makes the user guide's pictures (docs/guide.md) of the saved HTML summary the way the browser
test sees it: the summary is saved through the real CLI (--save), then opened by tests/helpers/browser.py in headless
Chromium with the network off. docs/summary.png is the screen; docs/summary-page1.png is page 1
of its Letter print, drawn by poppler's pdftoppm; docs/summary-matters.png the printed page where
"what matters" begins; docs/summary-figures.png the printed page where "What studies found, in
numbers" begins, with its icon arrays. Run it with `make screenshot`."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.browser import load_page, pdf_page_count, pdf_page_texts  # noqa: E402

# The answers of the session shown in docs/guide.md.
ANSWERS = {
    "for_whom": "someone_else",
    "setting": "residential",
    "dosing": "monthly",
    "detox": "completed",
    "counseling": "yes",
    "support_groups": "yes",
    "interests": ["overdose"],
    "matters": {"visits": "a_lot", "withdrawal_first": "somewhat", "cost": "a_lot"},
}
MATTERS_HEADING = "What matters to the person you care about"
FIGURES_HEADING = "What studies found, in numbers"


def page_one_png(pdf: bytes, target: Path, dpi: int = 80, number: int = 1) -> None:
    """Page `number` (1: the first) of `pdf` as a PNG (pdftoppm writes `target` itself)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        command = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(number), "-l", str(number), "-singlefile", file.name]
        subprocess.run([*command, str(target.with_suffix(""))], check=True)


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
    page_one = target.with_name(target.stem + "-page1.png")
    page_one_png(report.pdfs["Letter"], page_one)
    print(f"screenshot: wrote {page_one} (page 1 of {pdf_page_count(report.pdfs['Letter'])}, printed on Letter)")
    pages = pdf_page_texts(report.pdfs["Letter"])
    number = next(n for n, text in enumerate(pages, start=1) if MATTERS_HEADING in " ".join(text.split()))
    matters = target.with_name(target.stem + "-matters.png")
    page_one_png(report.pdfs["Letter"], matters, number=number)
    print(f"screenshot: wrote {matters} (page {number} of {len(pages)}, printed on Letter)")
    number = next(n for n, text in enumerate(pages, start=1) if FIGURES_HEADING in " ".join(text.split()))
    figures = target.with_name(target.stem + "-figures.png")
    page_one_png(report.pdfs["Letter"], figures, dpi=110, number=number)
    print(f"screenshot: wrote {figures} (page {number} of {len(pages)}, printed on Letter)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "summary.png"))
