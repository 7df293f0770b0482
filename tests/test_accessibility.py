"""The saved HTML summary passes axe-core (WCAG 2.0 to 2.2, levels A and AA, and axe's best
practices) in headless Chromium, for a few profiles: zero violations.

axe-core and puppeteer-core are npm packages, pinned in tests/axe/package.json and installed
into tests/axe/node_modules by `make axe` (which `make test` runs; .ci/run installs node and npm).
Skipped where node or those packages are missing and this is not CI; in CI that is a failure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers.browser import chromium_path, needs
from .helpers.run import run_cli

AXE = Path(__file__).parent / "axe"
RUNNER = AXE / "run-axe.js"
TIMEOUT = 300  # a safety net against a hung browser, never asserted on

PROFILES = {
    "for someone else, a doctor's office, monthly, in detox": (
        '{"for_whom": "someone_else", "setting": "doctor_office", "dosing": "monthly", "detox": "in_progress"}'
    ),
    "for oneself, no medication, interests": (
        '{"for_whom": "self", "setting": "residential", "dosing": "no_medication", "detox": "completed", '
        '"counseling": "yes", "support_groups": "no", "interests": ["overdose", "side_effects"]}'
    ),
    "what matters: every point rated": (
        '{"for_whom": "self", "setting": "residential", "dosing": "no_medication", "detox": "completed", '
        '"matters": {"visits": "a_lot", "how_taken": "a_lot", "opioid_medicine": "a_lot", '
        '"withdrawal_first": "somewhat", "side_effects": "a_lot", "privacy": "somewhat", "cost": "a_lot"}}'
    ),
    "every answer unsure": (
        '{"for_whom": "self", "setting": "unsure", "dosing": "unsure", "detox": "unsure", '
        '"counseling": "unsure", "support_groups": "unsure", "interests": []}'
    ),
}


def axe_missing() -> list[str]:
    """What running axe-core on a page needs and this machine lacks."""
    return [
        what
        for what, ok in (
            ("chromium", chromium_path()),
            ("node", shutil.which("node")),
            ("tests/axe/node_modules (make axe)", (AXE / "node_modules" / "axe-core").is_dir()),
        )
        if not ok
    ]


AXE_HOW = "`make test` installs the npm packages, CI the rest"


@pytest.fixture(scope="module", autouse=True)
def axe_ready():
    needs(axe_missing(), AXE_HOW)


def run_axe(*pages: Path) -> dict[str, list[dict]]:
    """Page -> axe's violations (id, impact, help, nodes)."""
    done = subprocess.run(
        ["node", str(RUNNER), chromium_path() or "chromium", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert set(found) == set(map(str, pages))
    return {page: result["violations"] for page, result in found.items()}


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> dict[str, Path]:
    pages = {}
    for number, (name, answers) in enumerate(PROFILES.items()):
        target = tmp_path_factory.mktemp(f"axe{number}") / "summary.html"
        done = run_cli("--answers", "-", "--save", str(target), stdin=answers)
        assert done.returncode == 0, done.stderr
        pages[name] = target
    return pages


def test_the_saved_summary_has_no_axe_violation(saved):
    found = run_axe(*saved.values())
    assert {name: found[str(page)] for name, page in saved.items()} == {name: [] for name in saved}


def test_axe_reports_an_image_without_alt_and_text_too_faint(saved, tmp_path):
    # The same summary with two faults injected: the test above would fail on it.
    html = next(iter(saved.values())).read_text(encoding="utf-8")
    faulty = tmp_path / "faulty.html"
    faulty.write_text(
        html.replace(
            "<main>",
            '<main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">'
            '<p style="color: #c8c8c8; background: #ffffff">Text too faint to read</p>',
            1,
        ),
        encoding="utf-8",
    )
    ids = {violation["id"] for violation in run_axe(faulty)[str(faulty)]}
    assert {"image-alt", "color-contrast"} <= ids
