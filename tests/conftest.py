from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from explorer.content.catalog import Catalog, load_catalog
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result
from explorer.infer.result import Result

from .helpers.content import PROJECT_ROOT, every_profile

# `make test` runs the tests on every core (pytest-xdist, -n auto --dist loadgroup): each worker is
# a process with its own session and module fixtures. The tests that use one of these costly
# fixtures form one group, which runs on one worker, so that the fixture is computed once.
COSTLY_FIXTURES = {
    "every_result": "answer-space",  # 10,800 results through the engine; the audit renders them all
    "command_outputs": "command-outputs",  # every command's output, section by section
    "installed": "package",  # an sdist, a wheel and a fresh virtual environment
    "chromium": "browser",  # one headless browser for the saved page
}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        group = next((group for name, group in COSTLY_FIXTURES.items() if name in item.fixturenames), None)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session", autouse=True)
def no_inherited_terminal_size() -> None:
    """pytest-xdist's workers have COLUMNS=80 and LINES=24 in their environment: a program that a
    test starts in a pseudo-terminal would take them over the terminal's real size."""
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def engine(catalog: Catalog) -> RuleEngine:
    return RuleEngine.for_rules(catalog.rules)


@pytest.fixture(scope="session")
def every_result(catalog: Catalog, engine: RuleEngine) -> list[Result]:
    """The real engine's and reading list's result for every profile of the answer space, computed
    once for the answer-space tests and the content audit."""
    return [build_result(catalog, a, engine.fired(a)) for a in every_profile()]


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of data/ and rules/ that a test may damage."""
    for part in ("data", "rules"):
        shutil.copytree(PROJECT_ROOT / part, tmp_path / part)
    return tmp_path
