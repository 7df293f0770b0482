"""Which tests run together on one worker when `make test` runs them on every core (pytest-xdist,
-n auto --dist loadgroup; the scheduler is in conftest.py).

Each worker is a process with its own session and module fixtures. The modules that share a costly
fixture form one group, which runs on one worker, so that the fixture is computed once; every other
test is sent on its own to whichever worker is free. (xdist's own xdist_group marks do nothing
under pytest 9: xdist 3.8 renames the items through an attribute that pytest no longer reads.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

# The costly fixtures, and the group that must hold every test using one.
COSTLY_FIXTURES = {
    "every_result": "answer-space",  # 20,250 results through the engine; the audit renders them all
    "installed": "package",  # an sdist, a wheel and a fresh virtual environment
    "chromium": "browser",  # one headless browser for the saved page
}
GROUPS = {
    "test_answer_space.py": "answer-space",
    "test_content_audit.py": "answer-space",  # its module fixtures render the whole answer space
    "test_content_balance.py": "answer-space",
    "test_notes.py": "answer-space",
    "test_json_outputs.py": "answer-space",  # validates the answer space's distinct outputs
    "test_families.py": "answer-space",  # the families content over the whole answer space
    "test_package.py": "package",
    "test_browser.py": "browser",
}


class _Item(Protocol):
    nodeid: str
    fixturenames: list[str]


def group_of(nodeid: str) -> str | None:
    """The group of a test's module, or None: the test may run on any worker."""
    return GROUPS.get(nodeid.split("::", 1)[0].rsplit("/", 1)[-1])


def strays(items: Iterable[_Item]) -> list[str]:
    """The tests that use a costly fixture outside its group (each would compute it once more)."""
    return [
        f"{item.nodeid} uses {name}"
        for item in items
        for name, group in COSTLY_FIXTURES.items()
        if name in item.fixturenames and group_of(item.nodeid) != group
    ]
