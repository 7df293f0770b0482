from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.content.catalog import PROJECT_ROOT, Catalog, load_catalog
from explorer.infer.engine import RuleEngine
from explorer.infer.reading_list import build_result
from explorer.infer.result import Result

from .helpers.content import every_profile


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
