"""The package as users get it: the sdist and the wheel built from a copy of the checkout, the wheel
installed into a fresh virtual environment outside it, and the installed program run from `/`, where
nothing can be found through the checkout. Its output must be the checkout's, byte for byte. The
wheel carries the content's snapshot, made by its build from its own content and code, and the
installed program reads it; an edit to the installed content shows instead.

The cost is kept to one build and one install per session: about 20 seconds with pip's cache, which
also keeps the durable-rules wheel (without it, durable-rules compiles once per session). Skipped
when pip cannot reach a package index for the build backend."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
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
    if sys.version_info >= (3, 13):  # durable-rules 2.0.28 calls PyEval_CallObject (see docs/guide.md, "Install")
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


def test_the_installed_wheel_speaks_spanish_as_the_checkout_does(installed):
    """The build compiles the Spanish words (.po to .mo) into the wheel, and nothing else is needed."""
    compiled = list(
        (installed.parent / "lib").glob("python3*/site-packages/explorer/locale/es/LC_MESSAGES/explorer.mo")
    )
    assert len(compiled) == 1
    done = _from_root(installed, "--answers", "-", "--lang", "es", stdin=ANSWERS)
    assert done.returncode == 0, done.stderr
    assert "HABLE CON UN PROFESIONAL DE LA SALUD" in done.stdout
    assert done.stdout == run_cli("--answers", "-", "--lang", "es", stdin=ANSWERS).stdout


def test_the_package_folder_is_the_one_importlib_resources_names():
    from importlib.resources import files

    from explorer.content import resources

    assert resources._package() == Path(str(files("explorer")))


def _installed_package(bin_dir: Path) -> Path:
    where = _run(bin_dir / "python", "-c", "import explorer; print(explorer.__file__)", cwd="/", env=_clean_env())
    assert where.returncode == 0, where.stderr
    return Path(where.stdout.strip()).parent


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_wheel_carries_a_snapshot_of_its_own_content_and_code(installed):
    package = _installed_package(installed)
    manifest = json.loads((package / "snapshot" / "manifest.json").read_text(encoding="utf-8"))
    for name, expected in manifest["code"].items():
        assert _sha256(package.parent / name) == expected, name
    assert set(manifest["languages"]) == {"en", "es"}
    for language_parts in manifest["languages"].values():
        assert set(language_parts) == {"catalog", "matters", "glossary", "comparison", "figures"}
        for part in language_parts.values():
            assert _sha256(package / "snapshot" / part["file"]) == part["sha256"], part["file"]
            for name, expected in part["sources"].items():
                assert _sha256(package / "bundled" / name) == expected, name
    parts = manifest["languages"]["en"]
    # Every content file the catalog is made of is watched.
    watched = {name for part in parts.values() for name in part["sources"]}
    shipped = {f"{p.parent.name}/{p.name}" for p in (package / "bundled").glob("*/*") if p.suffix in (".toml", ".txt")}
    assert shipped - watched == {"rules/summary.toml"}  # the summary's rules are checked when a summary is saved
    probe = "from explorer.content.catalog import load_catalog; print(load_catalog().origin)"
    origin = _run(installed / "python", "-c", probe, cwd="/", env=_clean_env())
    assert origin.stdout.strip() == "snapshot", origin.stderr
    probe = "from explorer.content.catalog import load_catalog; print(load_catalog(language='es').origin)"
    origin = _run(installed / "python", "-c", probe, cwd="/", env=_clean_env())
    assert origin.stdout.strip() == "snapshot", origin.stderr  # the Spanish travels with the wheel


def test_the_sdist_carries_the_build_step_that_makes_the_snapshot_not_a_snapshot(installed):
    (sdist,) = (installed.parent.parent / "dist").glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
    assert "setup.py" in names
    assert not [name for name in names if name.startswith("explorer/snapshot")]


def test_an_edit_to_the_installed_content_shows_and_damage_is_named(installed):
    sections = _installed_package(installed) / "bundled" / "data" / "sections.toml"
    original = sections.read_bytes()
    try:
        sections.write_bytes(original.replace(b'title = "Naloxone', b'title = "Edited: Naloxone', 1))
        shown = _from_root(installed, "show", "naloxone-overdose")
        assert shown.returncode == 0, shown.stderr
        assert "Edited: Naloxone" in shown.stdout
        sections.write_bytes(original.replace(b'id = "contingency-management"', b'id = "what-is-mat"', 1))
        refused = _from_root(installed, "sections")
        assert refused.returncode == 1
        assert f"{sections}: section what-is-mat: duplicate section id" in refused.stderr
    finally:
        sections.write_bytes(original)
    assert _from_root(installed, "show", "naloxone-overdose").stdout == run_cli("show", "naloxone-overdose").stdout
