"""The package as users get it: the sdist and the wheel built from a copy of the checkout, the wheel
installed into a fresh virtual environment outside it, and the installed program run from `/`, where
nothing can be found through the checkout. Its output must be the checkout's, byte for byte.

The cost is kept to one build and one install per session: about 20 seconds with pip's cache, which
also keeps the durable-rules wheel (without it, durable-rules compiles once per session). Skipped
when pip cannot reach a package index for the build backend."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.referral import REFERRAL_TEXT

from .helpers.content import PROJECT_ROOT
from .helpers.run import run_cli

ANSWERS = '{"for_whom": "someone_else", "setting": "residential", "dosing": "monthly", "interests": ["overdose"]}'
# Left out of the copy that is built: what only development needs.
BUILD_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    "tests",
    "bench",
    "docs",
    "scripts",
    ".ci",
)


def _run(
    *args: str | Path, cwd: Path | str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
        encoding="utf-8",
    )


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that could point the installed program at the checkout."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "TREATMENT_EXPLORER_CONTENT", "VIRTUAL_ENV")
    }
    env.update(PYTHONIOENCODING="utf-8", **extra)
    if sys.version_info >= (3, 13):  # durable-rules 2.0.28 calls PyEval_CallObject (see README)
        env["CPPFLAGS"] = (env.get("CPPFLAGS", "") + " -DPyEval_CallObject=PyObject_CallObject").strip()
    return env


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment holding the wheel built from this checkout."""
    work = tmp_path_factory.mktemp("package")
    source, dist, venv = work / "source", work / "dist", work / "venv"
    shutil.copytree(PROJECT_ROOT, source, ignore=BUILD_IGNORE)
    env = _clean_env()
    # `python -m build`: the sdist, then the wheel built from the unpacked sdist, so the sdist is
    # proven complete too. Each step in its own environment with the build backend, as pip does.
    built = _run(sys.executable, "-m", "build", "--outdir", dist, source, cwd=work, env=env)
    if built.returncode != 0 and "No matching distribution" in built.stdout + built.stderr:
        pytest.skip("pip cannot reach a package index here")
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheels, sdists = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
    assert len(wheels) == 1, list(dist.iterdir())
    assert len(sdists) == 1, list(dist.iterdir())
    made = _run(sys.executable, "-m", "venv", venv, cwd=work, env=env)
    assert made.returncode == 0, made.stderr
    done = _run(
        venv / "bin" / "python",
        "-m",
        "pip",
        "--disable-pip-version-check",
        "--quiet",
        "install",
        wheels[0],
        cwd=work,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return venv / "bin"


def _from_root(bin_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return _run(bin_dir / "treatment-explorer", *args, cwd="/", env=_clean_env(), stdin=stdin)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_the_installed_wheel_answers_from_anywhere_as_the_checkout_does(installed, fmt):
    done = _from_root(installed, "--answers", "-", "--format", fmt, stdin=ANSWERS)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    assert done.stdout == run_cli("--answers", "-", "--format", fmt, stdin=ANSWERS).stdout


@pytest.mark.parametrize(
    "command", [["sections"], ["compare", "--plain"], ["rules"], ["rules", "--format", "json"], ["schema", "answers"]]
)
def test_the_installed_wheel_lists_compares_and_publishes_as_the_checkout_does(installed, command):
    done = _from_root(installed, *command)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    assert done.stdout == run_cli(*command).stdout


def test_the_installed_wheel_saves_a_summary_and_knows_its_version(installed, tmp_path):
    target = tmp_path / "summary.html"
    done = _from_root(installed, "--answers", "-", "--save", str(target), stdin=ANSWERS)
    assert done.returncode == 0, done.stderr
    assert "<html" in target.read_text(encoding="utf-8")
    version = _from_root(installed, "--version")
    assert version.returncode == 0
    assert version.stdout == run_cli("--version").stdout
    # The content travels inside the package, the disclaimer with it; nothing is read from the checkout.
    probe = (
        "from explorer.content import resources; root = resources.content_root(); "
        "print(root); print(resources.disclaimer_path().is_file())"
    )
    where = _run(installed / "python", "-c", probe, cwd="/", env=_clean_env())
    assert where.returncode == 0, where.stderr
    root, disclaimer = where.stdout.splitlines()
    assert str(PROJECT_ROOT) not in root
    assert "site-packages" in root
    assert disclaimer == "True"
    assert json.loads(_from_root(installed, "--answers", "-", "--format", "json", stdin="{}").stdout)["referral"] == {
        "text": REFERRAL_TEXT
    }


def test_the_package_folder_is_the_one_importlib_resources_names():
    from importlib.resources import files

    from explorer.content import resources

    assert resources._package() == Path(str(files("explorer")))
