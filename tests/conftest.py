from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.catalog import Catalog, CatalogError, load_catalog
from explorer.engine import RuleEngine
from explorer.models import Referral, Result
from explorer.reading_list import build_result
from explorer.referral import REFERRAL_TEXT

from .support import PROJECT_ROOT, every_profile

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


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
    referral = Referral(text=REFERRAL_TEXT)
    return [build_result(catalog, a, engine.fired(a), referral) for a in every_profile()]


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of data/ and rules/ that a test may damage."""
    for part in ("data", "rules"):
        shutil.copytree(PROJECT_ROOT / part, tmp_path / part)
    return tmp_path


def run_cli(*args: str, stdin: bytes | str = b"", env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Runs the real program in a subprocess, without a terminal."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        input=data, capture_output=True, env=full_env, cwd=PROJECT_ROOT, timeout=timeout,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


def edit_file(path: Path, old: str, new: str) -> None:
    """Replaces the first `old` in a test's copy of a content file (which must contain it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(load: Callable[[], object], file_name: str) -> CatalogError:
    """The CatalogError that `load` raises, which must name `file_name`."""
    with pytest.raises(CatalogError) as caught:
        load()
    assert caught.value.path.name == file_name
    return caught.value
