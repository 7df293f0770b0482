"""The suite's shared fixtures (the catalog, its engine, the whole answer space's results, a copy of
the content to damage, a session's own folder) and its pytest-xdist scheduler."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from explorer.content.catalog import Catalog, load_catalog
from explorer.content.comparison import load_comparison
from explorer.content.comparison_table import Comparison
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result
from explorer.infer.result import Result

from .helpers.budgets import load_profile
from .helpers.content import PROJECT_ROOT, every_profile
from .helpers.groups import group_of
from .helpers.shell import ANSWERS

load_profile()  # before the test modules build their settings from it


# pytest-xdist's own `--dist loadgroup` does not group under pytest 9.2: it appends "@group" to
# each marked item's node id through `item._nodeid`, which pytest no longer reads back
# (https://github.com/pytest-dev/pytest-xdist/issues/1386, "`--dist=loadgroup` silently stops
# grouping on pytest main: the nodeid mutation no longer takes effect"). This scheduler groups by
# module instead (tests/helpers/groups.py). It overrides LoadScopeScheduling._split_scope, a private
# method, the one place where xdist turns a node id into a unit of work: check it when upgrading.
@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getvalue("dist") != "loadgroup":
        return None  # another --dist asked for: xdist's own
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        """A group's tests as one unit of work, every other test as a unit of its own."""

        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid) or nodeid

    return SharedFixtureScheduling(config, log)


@pytest.fixture(scope="session", autouse=True)
def no_inherited_terminal_size() -> None:
    """pytest-xdist's workers have COLUMNS=80 and LINES=24 in their environment: a program that a
    test starts in a pseudo-terminal would take them over the terminal's real size."""
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


@pytest.fixture(scope="session", autouse=True)
def english_unless_a_test_asks() -> None:
    """The suite runs in English on a machine whose locale is Spanish too: the programs it starts
    take their language from the locale (explorer/i18n/choice.py). A test of Spanish asks for it."""
    from explorer.i18n.choice import language_of_locale

    if language_of_locale(os.environ) != "en":
        os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def the_language_put_back():
    """A test that ran the program in Spanish in this process leaves the next one in English (the
    run's language is held by explorer.i18n, as gettext holds it)."""
    yield
    from explorer import i18n

    i18n.use(i18n.ENGLISH)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def comparison(catalog: Catalog) -> Comparison:
    """The comparison table (data/comparison.toml) of the installed content."""
    return load_comparison(catalog)


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


@pytest.fixture
def here(tmp_path: Path) -> Path:
    """A session's own working folder, holding answers.json (helpers/shell.py's ANSWERS): anything the
    program writes lands here, nowhere else."""
    (tmp_path / "answers.json").write_bytes(ANSWERS)
    return tmp_path
