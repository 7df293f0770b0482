"""Every test that uses a costly fixture runs in that fixture's group (tests/helpers/groups.py), so
that `make test`, spread over every core, computes the fixture once."""

from __future__ import annotations

from dataclasses import dataclass, field

from .helpers.groups import strays


@dataclass
class _FakeItem:
    nodeid: str
    fixturenames: list[str] = field(default_factory=list)


def test_every_test_using_a_costly_fixture_runs_in_that_fixture_s_group(request):
    # Run alone, the session holds this one test; `make test` collects them all.
    assert strays(request.session.items) == []


def test_a_new_module_using_a_costly_fixture_is_caught():
    items = [
        _FakeItem("tests/test_notes.py::test_a", ["every_result", "catalog"]),
        _FakeItem("tests/test_new.py::test_b", ["every_result"]),
        _FakeItem("tests/test_new.py::test_c", ["catalog"]),
        _FakeItem("tests/test_package.py::test_d", ["every_result"]),
    ]
    assert strays(items) == [
        "tests/test_new.py::test_b uses every_result",
        "tests/test_package.py::test_d uses every_result",
    ]
