"""The content is checked once and read fast, and never stale: a run reads the snapshot only when
every file it came from, and the code that checked it, are unchanged; an edited file is checked in
full (the edit shows, or its damage is named as ever); content elsewhere is always checked; the
snapshot and the check give the same catalog and the same outputs; only the parts a run needs are
read; nothing is written while the program runs.

A test that edits "the shipped content" edits a copy made the shipped one for that test (the
shipped_copy fixture: its own snapshot, made by the same code `make` runs).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import explorer
from explorer.content import catalog as catalog_module
from explorer.content import snapshot as snapshot_module
from explorer.content.build_snapshot import build_snapshot, code_files
from explorer.content.catalog import Catalog, load_catalog
from explorer.content.checking import check_catalog
from explorer.content.comparison import load_comparison
from explorer.content.resources import snapshot_folder
from explorer.errors import CatalogError

from .helpers.content import PROJECT_ROOT, edit_file
from .helpers.run import run_main
from .helpers.shell import program_env

PACKAGE = Path(explorer.__file__).resolve().parent


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ and rules/ made the shipped content for this test, with its own snapshot."""
    root = tmp_path / "content"
    for part in ("data", "rules"):
        shutil.copytree(PROJECT_ROOT / part, root / part)
    folder = tmp_path / "snapshot"
    build_snapshot(root, PACKAGE, folder)
    monkeypatch.setattr(snapshot_module, "shipped_root", lambda: root)
    monkeypatch.setattr(snapshot_module, "snapshot_folder", lambda: folder)
    return root


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# ---- read when fresh ----------------------------------------------------------------------------


def test_the_checkouts_snapshot_is_fresh_and_is_what_a_run_reads():
    assert load_catalog().origin == "snapshot", "no fresh snapshot in the checkout: run `make snapshot`"


def test_a_fresh_snapshot_is_read_and_the_toml_is_not_checked(shipped_copy, monkeypatch):
    def no_check(root):
        raise AssertionError("the TOML was checked although the snapshot is fresh")

    monkeypatch.setattr("explorer.content.checking.check_catalog", no_check)
    catalog = load_catalog(shipped_copy)
    assert catalog.origin == "snapshot"
    assert "naloxone-overdose" in catalog.sections


# ---- never stale ---------------------------------------------------------------------------------


def test_an_edited_value_shows_in_full_check(shipped_copy):
    edit_file(shipped_copy / "data" / "sections.toml", 'title = "Naloxone', 'title = "Edited: Naloxone')
    catalog = load_catalog(shipped_copy)
    assert catalog.origin == "checked"
    assert catalog.sections["naloxone-overdose"].title.startswith("Edited: Naloxone")


def test_damage_to_the_shipped_content_is_named_as_ever(shipped_copy):
    edit_file(
        shipped_copy / "data" / "sections.toml", 'id = "contingency-management"', 'id = "cognitive-behavioral-therapy"'
    )
    with pytest.raises(CatalogError) as caught:
        load_catalog(shipped_copy)
    assert caught.value.path == shipped_copy / "data" / "sections.toml"
    assert caught.value.entry == "section cognitive-behavioral-therapy"
    assert "duplicate section id" in caught.value.message


def _catalog_sources(folder: Path) -> list[str]:
    parts = _manifest(folder)["languages"]["en"]
    return sorted({name for part in snapshot_module.WITH_CATALOG for name in parts[part]["sources"]})


def test_the_snapshot_watches_every_file_the_catalog_is_made_of():
    watched = _catalog_sources(snapshot_folder())
    texts = [f"data/{p.name}" for p in (PROJECT_ROOT / "data").glob("*.txt")]
    tomls = [f"{p.parent.name}/{p.name}" for part in ("data", "rules") for p in (PROJECT_ROOT / part).glob("*.toml")]
    # The comparison, the figures and the summary's rules are read apart, when asked (their own checks).
    expected = sorted(set(texts + tomls) - {"data/comparison.toml", "data/figures.toml", "rules/summary.toml"})
    assert watched == expected


# What the content's check cannot change: the message a refusal is given in, and the language its
# words are said in at run time (explorer/i18n: markers for the catalog, never part of the check).
NOT_CHECKING = {"explorer/errors.py", "explorer/i18n.py"}


def _imported_from_elsewhere(files: list[Path]) -> set[str]:
    """The explorer's modules outside explorer/content/ that these files import."""
    names = set()
    for path in files:
        for match in re.finditer(r"^\s*from explorer\.([\w.]+) import", path.read_text(encoding="utf-8"), re.M):
            module = match.group(1)
            if not module.startswith("content"):
                names.add("explorer/" + module.replace(".", "/") + ".py")
    return names


def test_the_snapshot_watches_the_code_the_check_imports_from_elsewhere():
    content = PROJECT_ROOT / "explorer" / "content"
    imported = _imported_from_elsewhere([*content.glob("*.py"), *content.glob("models/*.py")])
    hashed = set(code_files(PROJECT_ROOT / "explorer"))
    assert imported - NOT_CHECKING <= hashed, "add it to CHECKING_CODE_ELSEWHERE in build_snapshot.py"


def test_a_module_imported_from_elsewhere_and_not_watched_is_found(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("from explorer.render.text import wrap\n", encoding="utf-8")
    assert _imported_from_elsewhere([planted]) - set(code_files(PROJECT_ROOT / "explorer")) == {
        "explorer/render/text.py"
    }


@pytest.mark.parametrize("name", _catalog_sources(snapshot_folder()) if snapshot_folder().is_dir() else [])
def test_any_change_to_a_watched_file_sends_the_run_to_the_full_check(shipped_copy, monkeypatch, name):
    path = shipped_copy / name
    path.write_bytes(path.read_bytes() + b"\n")
    checked = []
    real = check_catalog

    def counting(root):
        checked.append(root)
        return real(root)

    monkeypatch.setattr("explorer.content.checking.check_catalog", counting)
    try:
        assert load_catalog(shipped_copy).origin == "checked"
    except CatalogError as error:  # a document's text no longer matches its pinned sha256
        assert error.path == path
    assert checked == [shipped_copy]


def test_an_edited_comparison_shows_in_full_check(shipped_copy):
    catalog = load_catalog(shipped_copy)
    assert catalog.origin == "snapshot"
    edit_file(shipped_copy / "data" / "comparison.toml", 'intro = "', 'intro = "Edited. ')
    assert load_comparison(catalog, shipped_copy).intro.startswith("Edited. ")


def test_a_snapshot_made_by_other_code_is_never_read(shipped_copy, tmp_path):
    folder = tmp_path / "snapshot"
    manifest = _manifest(folder)
    first = next(iter(manifest["code"]))
    manifest["code"][first] = "0" * 64
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert load_catalog(shipped_copy).origin == "checked"


def test_a_snapshot_of_another_format_or_damaged_is_never_read(shipped_copy, tmp_path):
    folder = tmp_path / "snapshot"
    manifest = _manifest(folder)
    (folder / "manifest.json").write_text(json.dumps({**manifest, "format": 0}), encoding="utf-8")
    assert load_catalog(shipped_copy).origin == "checked"
    (folder / "manifest.json").write_text('{"format": 1, "languages"', encoding="utf-8")
    assert load_catalog(shipped_copy).origin == "checked"


@pytest.mark.parametrize("part", ["catalog", "matters", "glossary"])
def test_an_edited_snapshot_is_never_read(shipped_copy, tmp_path, part):
    path = tmp_path / "snapshot" / "en" / f"{part}.json"
    path.write_bytes(path.read_bytes().replace(b"Naloxone", b"Edited", 1).replace(b"opioid", b"edited", 1))
    assert load_catalog(shipped_copy).origin == "checked"


def test_an_edited_comparison_snapshot_is_never_read(shipped_copy, tmp_path):
    path = tmp_path / "snapshot" / "en" / "comparison.json"
    path.write_bytes(path.read_bytes().replace(b'"intro":"', b'"intro":"Edited. ', 1))
    assert not load_comparison(load_catalog(shipped_copy), shipped_copy).intro.startswith("Edited. ")


def test_content_elsewhere_is_always_checked(content_copy):
    assert load_catalog(content_copy).origin == "checked"


# ---- the same catalog, the same outputs ------------------------------------------------------------


@pytest.fixture(scope="module")
def both() -> tuple[Catalog, Catalog]:
    """The checkout's catalog from its snapshot, and from a full check of the same files."""
    from_snapshot = load_catalog()
    assert from_snapshot.origin == "snapshot"
    parts, texts = check_catalog(PROJECT_ROOT)
    return from_snapshot, Catalog(parts["catalog"], PROJECT_ROOT, None, {**parts, "texts": texts})


def test_the_snapshot_and_the_check_give_the_same_records(both):
    snapshot, checked = both
    for name in ("documents", "sections", "questions", "rules", "notes", "topics_index", "matters", "glossary"):
        assert getattr(snapshot, name) == getattr(checked, name), name
    assert snapshot.document_texts == checked.document_texts
    assert load_comparison(snapshot) == load_comparison(checked)


ARGVS = [
    ["sections"],
    ["rules"],
    ["about"],
    *(["compare", "--format", fmt] for fmt in ("text", "markdown", "json")),
    ["compare", "--plain"],
    *(
        ["show", section, "--format", fmt]
        for section in ("what-is-mat", "naloxone-overdose")
        for fmt in ("text", "json")
    ),
]
PROFILES = [
    {},
    {"detox": "completed", "dosing": "daily"},
    {"for_whom": "someone_else", "setting": "doctor_office", "interests": ["overdose", "how_medications_work"]},
    {"setting": "residential", "dosing": "no_medication", "counseling": "no", "interests": ["pregnancy"]},
    {"for_whom": "self", "detox": "in_progress", "matters": {"visits": "a_lot", "privacy": "somewhat"}},
    {"dosing": "monthly", "support_groups": "yes", "matters": {key: "a_lot" for key in ("cost", "side_effects")}},
]


def _outputs(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str, str]]:
    monkeypatch.setattr(catalog_module, "load_catalog", lambda language="en": catalog)  # the CLI imports it per run
    outputs = [run_main(argv) for argv in ARGVS]
    for profile in PROFILES:
        for fmt in ("text", "markdown", "json"):
            outputs.append(run_main(["--answers", "-", "--format", fmt], stdin=json.dumps(profile).encode()))
    return outputs


def test_the_snapshot_and_the_check_give_byte_identical_outputs(both, monkeypatch):
    snapshot, checked = both
    from_snapshot, from_check = _outputs(snapshot, monkeypatch), _outputs(checked, monkeypatch)
    assert all(code == 0 for code, _, _ in from_snapshot)
    assert from_snapshot == from_check


# ---- only what is needed ---------------------------------------------------------------------------


def _parts_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    part, fresh_part = snapshot_module.Snapshot.part, snapshot_module.Snapshot.fresh_part

    def recording_part(self, name):
        read.append(name)
        return part(self, name)

    def recording_fresh_part(self, name):
        read.append(name)
        return fresh_part(self, name)

    monkeypatch.setattr(snapshot_module.Snapshot, "part", recording_part)
    monkeypatch.setattr(snapshot_module.Snapshot, "fresh_part", recording_fresh_part)
    return read


@pytest.mark.parametrize(
    "argv, stdin, parts",
    [
        (["--answers", "-", "--format", "json"], b'{"setting": "residential"}', ["catalog"]),
        (["--answers", "-"], b'{"matters": {"visits": "a_lot"}}', ["catalog", "matters"]),
        (["compare"], b"", ["catalog", "comparison", "figures"]),
        (["sections"], b"", ["catalog"]),
    ],
)
def test_a_run_reads_only_the_parts_it_needs(monkeypatch, argv, stdin, parts):
    read = _parts_read(monkeypatch)
    code, _, err = run_main(argv, stdin=stdin)
    assert code == 0, err
    assert read == parts


# ---- nothing written ---------------------------------------------------------------------------------


def test_a_run_with_an_edited_copy_writes_nothing_anywhere(content_copy, tmp_path):
    edit_file(content_copy / "data" / "sections.toml", 'title = "Naloxone', 'title = "Edited: Naloxone')
    home = tmp_path / "home"
    home.mkdir()
    before = _files(snapshot_folder())
    listing = sorted(p.name for p in content_copy.rglob("*"))
    env = {**program_env(HOME=str(home)), "TREATMENT_EXPLORER_CONTENT": str(content_copy)}
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "show", "naloxone-overdose"],
        capture_output=True,
        text=True,
        cwd=content_copy,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Edited: Naloxone" in done.stdout
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in content_copy.rglob("*")) == listing
    assert _files(snapshot_folder()) == before
    assert os.access(snapshot_folder(), os.R_OK)
