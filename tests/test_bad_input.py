"""Bad answers input, from a file or from standard input: malformed, hostile, huge or endless,
generated with hypothesis and run through the real command line.

Every run ends in one of two ways: a complete result whose referral comes last (exit 0), or exit 2
with one line on standard error naming the input and the problem, then the referral. Never exit 1,
never a traceback. However large or deep the input, refusing it costs what a small file costs:
nothing past 1 MiB is read, nesting is bounded before parsing. The generated cases run in-process
(explorer.cli.main.main in a made-up Environment, tests/helpers/run.py); real processes at the end
prove the same without pytest around.

Statistics (how many cases each property ran, and how they ended):
    .venv/bin/python -m pytest tests/test_bad_input.py --hypothesis-show-statistics
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from explorer.ask import answers_file
from explorer.ask.answers_file import MAX_BYTES
from explorer.content import catalog as catalog_module
from explorer.content.answers import ANSWER_KEYS, PRIORITY_KEYS, Answers
from explorer.formats import SHOWN
from explorer.render.printable import printable

from .helpers.budgets import examples
from .helpers.checks import assert_referral_last, error_message
from .helpers.content import PROJECT_ROOT
from .helpers.run import FakeStdin, run_cli, run_main
from .helpers.shell import program_env, sh

# Even without an example database, hypothesis caches data in ./.hypothesis/ (from the moment
# this module is collected). Nothing is written to the tree: its home is a temporary directory.
_HYPOTHESIS_HOME = tempfile.TemporaryDirectory(prefix="hypothesis-home-")
set_hypothesis_home_dir(_HYPOTHESIS_HOME.name)

# Deterministic (the same cases on every run, so a failure in CI reproduces on a laptop) and
# nothing written to the tree: no example database, no .hypothesis/ directory.
PROPERTY = settings(
    max_examples=examples(400),  # under the "ci" profile (tests/helpers/budgets.py)
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
SOURCES = ("file", "stdin")
INTERESTS = Answers.allowed_values("interests")


@pytest.fixture(scope="module", autouse=True)
def catalog_loaded_once(catalog):
    """The CLI loads the catalog on every run; here it is the same catalog, loaded once, so that
    hundreds of generated cases stay fast. The real loading is covered by the subprocess runs."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalog_module, "load_catalog", lambda language="en": catalog)  # cli imports it per run
        yield


@pytest.fixture(scope="module")
def answers_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("answers") / "answers.json"


# ---- strategies --------------------------------------------------------------------------------

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def _wrong_values(key: str) -> list[str]:
    """Strings that look right but are not allowed for `key`: other keys' values, near misses."""
    allowed = set(Answers.allowed_values(key))
    every = {v for k in ANSWER_KEYS for v in Answers.allowed_values(k)}
    near = {
        f(v)
        for v in every
        for f in (
            str.upper,
            str.title,
            lambda s: s.replace("_", "-"),
            lambda s: s.replace("_", " "),
            lambda s: f" {s}",
            lambda s: s + "\n",
        )
    }
    return sorted((every | near | {"", "none", "null", "I'm not sure"}) - allowed)


def _valid_value(key: str) -> st.SearchStrategy:
    if key == "interests":  # duplicates and "unsure" included: both are allowed
        return st.lists(st.sampled_from(INTERESTS), max_size=9)
    return st.sampled_from(Answers.allowed_values(key))


def _odd_value(key: str) -> st.SearchStrategy:
    wrong = st.sampled_from(_wrong_values(key))
    if key == "interests":
        items = st.sampled_from(INTERESTS) | wrong | JSON_VALUES
        return _valid_value(key) | st.lists(items, max_size=8) | wrong | JSON_VALUES
    return _valid_value(key) | wrong | JSON_VALUES


UNKNOWN_KEYS = st.sampled_from(["Setting", "interest", "for-whom", "", "notes", "name", "age"]) | st.text(max_size=12)

VALID_ANSWERS = st.fixed_dictionaries({}, optional={k: _valid_value(k) for k in ANSWER_KEYS})
ODD_ANSWERS = st.builds(
    lambda known, unknown: {**known, **unknown},
    st.fixed_dictionaries({}, optional={k: _odd_value(k) for k in ANSWER_KEYS}),
    st.dictionaries(UNKNOWN_KEYS, JSON_VALUES, max_size=2),
)
HUGE_STRING = st.builds(  # from a few bytes to past the 1 MiB limit
    lambda key, piece, times: {key: piece * times},
    st.sampled_from([*ANSWER_KEYS, "notes"]),
    st.text(min_size=1, max_size=4),
    st.integers(1, 400_000),
)
ANSWER_OBJECTS = st.one_of(VALID_ANSWERS, ODD_ANSWERS, HUGE_STRING, JSON_VALUES)


DEEPEST = 4  # docs/safety-and-privacy.md: "an answers file nests at most 4 deep", checked before anything else


def nesting(data: object) -> int:
    """How deep objects and lists nest in `data`: 1 for {} or [], 0 for a string or a number."""
    if isinstance(data, dict):
        return 1 + max(map(nesting, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(nesting, data), default=0)
    return 0


def acceptable(data: object) -> bool:
    """The answers contract of docs/scripting.md, written out independently of the code under test."""
    if not isinstance(data, dict):
        return False
    for key, value in data.items():
        if key not in ANSWER_KEYS:
            return False
        allowed = Answers.allowed_values(key)
        if key == "interests":
            if not (isinstance(value, list) and all(isinstance(v, str) and v in allowed for v in value)):
                return False
        elif not (isinstance(value, str) and value in allowed):
            return False
    return True


def normalized(data: dict) -> dict:
    """What `answers` in the JSON output must be: missing means unsure, interests in the
    questionnaire's order without repeats, "unsure" among interests means nothing in particular."""
    answers = {k: data.get(k, "unsure") for k in ANSWER_KEYS if k != "interests"}
    answers["interests"] = [i for i in INTERESTS if i in data.get("interests", []) and i != "unsure"]
    answers["matters"] = dict.fromkeys(PRIORITY_KEYS, "unsure")  # the optional step, not generated here
    return answers


def _object(pairs: list[tuple[str, str]]) -> str:
    """A JSON object written by hand, so that it can repeat a key; values are JSON text."""
    return "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in pairs) + "}"


def _repeating(key: str, first: object, second: object, nested: bool) -> bytes:
    twice = _object([(key, json.dumps(first)), (key, json.dumps(second))])
    return (_object([("interests", "[]"), ("x", twice)]) if nested else twice).encode()


DUPLICATE_KEYS = st.builds(
    _repeating, st.sampled_from(ANSWER_KEYS) | st.text(max_size=6), JSON_VALUES, JSON_VALUES, st.booleans()
)
DEEP = st.builds(
    lambda shape, depth, closed: (shape[0] * depth + (shape[1] * depth if closed else "")).encode(),
    st.sampled_from([("[", "]"), ('{"a": ', "}"), ('{"interests": [', "]}"), ('{"setting": [', "]}")]),
    st.integers(1, 120_000),
    st.booleans(),
)
HUGE_NUMBER = st.builds(
    lambda key, digits, fraction: f'{{"{key}": {"9" * digits}{".5e99999" if fraction else ""}}}'.encode(),
    st.sampled_from([*ANSWER_KEYS, "x"]),
    st.integers(1, 12_000),
    st.booleans(),
)
SPECIAL = st.sampled_from(
    [
        b"",
        b" ",
        b"\n\t \r\n",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
        b"[]",
        b"[{}]",
        b"null",
        b"0",
        b"NaN",
        b'"setting"',
        b"{",
        b"}",
        b"{}}",
        b"{,}",
        b"{'setting': 'residential'}",
        b'{"setting": "residential",}',
        b'{"setting": "\\ud800"}',
        b'{"\\udfff": 1}',
        b'{"interests": ["\\ud83d"]}',
        b"\x00",
        b'{"a": "\x00"}',
        b'{"setting": "residential"}\n{"dosing": "daily"}',
        b"\xff\xfe{\x00}\x00",
        b'{"setting": residential}',
    ]
)
OTHER_ENCODINGS = st.builds(
    lambda data, encoding: json.dumps(data, ensure_ascii=False).encode(encoding, errors="replace"),
    ODD_ANSWERS,
    st.sampled_from(["utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252"]),
)
SPLICED = st.builds(  # a valid document with stray bytes put in, or cut short
    lambda doc, at, junk, cut: (doc[:at] + junk + doc[at:]) if not cut else doc[:at],
    VALID_ANSWERS.map(lambda d: json.dumps(d).encode()),
    st.integers(0, 200),
    st.binary(min_size=1, max_size=4),
    st.booleans(),
)
RAW_DOCUMENTS = st.one_of(  # (the kind, for the statistics; the bytes)
    *(
        strategy.map(lambda raw, kind=kind: (kind, raw))
        for kind, strategy in {
            "any bytes": st.binary(max_size=300),
            "any text": st.text(max_size=200).map(lambda s: s.encode("utf-8", errors="surrogatepass")),
            "any JSON value": JSON_VALUES.map(lambda v: json.dumps(v).encode()),
            "repeated key": DUPLICATE_KEYS,
            "deeply nested": DEEP,
            "huge number": HUGE_NUMBER,
            "special": SPECIAL,
            "other encoding": OTHER_ENCODINGS,
            "spliced or cut": SPLICED,
        }.items()
    )
)


# ---- the properties ------------------------------------------------------------------------------


def _run(source: str, raw: bytes, fmt: str, path: Path) -> tuple[int, str, str, str]:
    """Feeds `raw` as a file or as standard input; returns (code, out, err, the input's name)."""
    if source == "file":
        path.write_bytes(raw)
        code, out, err = run_main(["--answers", str(path), "--format", fmt])
        return code, out, err, str(path)
    code, out, err = run_main(["--answers", "-", "--format", fmt], stdin=raw)
    return code, out, err, "standard input"


def _check_ending(code: int, out: str, err: str, fmt: str, name: str) -> str | None:
    """The two allowed endings. Returns the one-line message of a refusal, None for a result."""
    event(f"exit {code}")
    assert "Traceback" not in out + err
    assert code in (0, 2), err[-600:]
    if code == 0:
        assert err == ""
        assert_referral_last(out, fmt)
        return None
    assert out == ""
    message = error_message(err)
    assert message.startswith(name), message[:200]
    return message


@pytest.mark.parametrize("source", SOURCES)
@PROPERTY
@given(
    data=ANSWER_OBJECTS,
    fmt=st.sampled_from(SHOWN),
    ascii_only=st.booleans(),
    indent=st.sampled_from([None, 2]),
    bom=st.booleans(),
)
def test_any_answers_object_gives_a_result_or_a_one_line_refusal(
    source, answers_path, data, fmt, ascii_only, indent, bom
):
    raw = (b"\xef\xbb\xbf" if bom else b"") + json.dumps(data, ensure_ascii=ascii_only, indent=indent).encode()
    code, out, err, name = _run(source, raw, fmt, answers_path)
    message = _check_ending(code, out, err, fmt, name)
    if len(raw) > MAX_BYTES:
        event("refused: larger than 1 MiB")
        assert message is not None
        assert "larger than 1 MiB" in message
    elif nesting(data) > DEEPEST:
        event("refused: nested too deeply")
        assert code == 2
        assert "nested too deeply" in message
    elif acceptable(data):
        event("valid answers")
        assert code == 0, message
        if fmt == "json":
            assert json.loads(out)["answers"] == normalized(data)
    else:
        event("refused: contract")
        assert code == 2
        if not isinstance(data, dict):
            assert "must hold a JSON object" in message
        else:  # the message names the offending key, as json.dumps shows it (maybe shortened; its
            # control characters shown as their escapes)
            assert any(printable(json.dumps(k, ensure_ascii=False)[:20]) in message for k in data), message[:300]


@pytest.mark.parametrize("source", SOURCES)
@PROPERTY
@given(document=RAW_DOCUMENTS, fmt=st.sampled_from(SHOWN))
def test_any_bytes_give_a_result_or_a_one_line_refusal(source, answers_path, document, fmt):
    kind, raw = document
    event(f"input: {kind}")
    code, out, err, name = _run(source, raw, fmt, answers_path)
    _check_ending(code, out, err, fmt, name)
    if code == 0 and fmt == "json":
        assert set(json.loads(out)["answers"]) == {*ANSWER_KEYS, "matters"}


@PROPERTY
@given(
    pairs=st.lists(
        st.tuples(st.sampled_from(ANSWER_KEYS), st.sampled_from(["unsure", "yes"])), min_size=2, max_size=6
    ).filter(lambda p: len({k for k, _ in p}) < len(p))
)
def test_a_repeated_key_is_refused_and_named(pairs):
    document = _object([(key, json.dumps(value)) for key, value in pairs]).encode()
    code, out, err = run_main(["--answers", "-"], stdin=document)
    assert code == 2
    assert out == ""
    message = error_message(err)
    repeated = next(k for i, (k, _) in enumerate(pairs) if k in [q for q, _ in pairs[:i]])
    assert message == f'standard input: the key "{repeated}" appears more than once'


# ---- the 1 MiB limit, and reading no more than that -------------------------------------------


class _CountingStream(io.RawIOBase):
    """A long stream of JSON-ish bytes that counts how much of it was read."""

    def __init__(self, size: int):
        self.size, self.served = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.size - self.served)
        buffer[:count] = b" " * count
        self.served += count
        return count


def test_standard_input_over_1_mib_is_refused_without_reading_it_all():
    stream = _CountingStream(64 * MAX_BYTES)
    code, out, err = run_main(["--answers", "-"], stdin=FakeStdin(stream))
    assert code == 2
    assert out == ""
    assert error_message(err).startswith("standard input is larger than 1 MiB; an answers file is a few lines of JSON")
    assert stream.served <= MAX_BYTES + 1  # one byte past the limit tells that there is more


def test_a_file_over_1_mib_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # 64 MiB, sparse: cheap to make, costly to read in full
        handle.truncate(64 * MAX_BYTES)
    read_sizes: list[int] = []
    real_open = open

    def counting_open(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        real_read = handle.read
        handle.read = lambda size=-1: read_sizes.append(len(data := real_read(size))) or data
        return handle

    monkeypatch.setattr(answers_file, "open", counting_open, raising=False)
    code, out, err = run_main(["--answers", str(big)])
    assert code == 2
    assert out == ""
    assert error_message(err).startswith(f"{big} is larger than 1 MiB")
    assert read_sizes
    assert sum(read_sizes) <= MAX_BYTES + 1


def test_exactly_1_mib_is_still_read(tmp_path):
    document = b'{"setting": "residential"}'
    path = tmp_path / "padded.json"
    path.write_bytes(document + b" " * (MAX_BYTES - len(document)))
    code, out, _ = run_main(["--answers", str(path), "--format", "json"])
    assert code == 0
    assert json.loads(out)["answers"]["setting"] == "residential"
    path.write_bytes(document + b" " * (MAX_BYTES + 1 - len(document)))
    code, _, err = run_main(["--answers", str(path), "--format", "json"])
    assert code == 2
    assert "larger than 1 MiB" in error_message(err)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("source", SOURCES)
def test_an_endless_input_is_refused_in_a_real_process(source):
    # Reading all of /dev/zero would never end; the subprocess timeout only guards the suite.
    with open("/dev/zero", "rb") as zeros:
        args = ["--answers", "/dev/zero"] if source == "file" else ["--answers", "-"]
        done = subprocess.run(
            [sys.executable, "-m", "explorer", *args],
            stdin=zeros,
            capture_output=True,
            cwd=PROJECT_ROOT,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    err = done.stderr.decode()
    assert done.returncode == 2
    assert done.stdout == b""
    assert error_message(err).endswith(
        "larger than 1 MiB; an answers file is a few lines of JSON, like " + answers_file.EXAMPLE
    )


# ---- a few real processes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, fragment",
    [
        (b"[" * 100_000, "nested too deeply"),
        # Python 3.13's json parses 5,000 levels where 3.10-3.12 run out of recursion: either way, one
        # line that names the problem.
        (b'{"interests": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", ("nested too deeply", '"interests" must be a list')),
        (b'{"setting": ' + b"9" * 10_000 + b"}", "a number with 10000 digits"),
        (b'{"setting": "\xff\xfe"}', "not UTF-8"),
        (b'{"\\ud800": "x"}', "unknown key"),
        (b'{"setting": "residential", "setting": "residential"}', "appears more than once"),
        (b"", "is empty"),
        (b'["setting", "residential"]', "must hold a JSON object"),
        (b'{"notes": "' + b"x" * (MAX_BYTES + 10) + b'"}', "larger than 1 MiB"),
    ],
)
def test_hostile_input_in_a_real_process_never_shows_a_traceback(raw, fragment):
    done = run_cli("--answers", "-", stdin=raw)
    assert done.returncode == 2
    assert done.stdout == ""
    message = error_message(done.stderr)
    assert any(f in message for f in ((fragment,) if isinstance(fragment, str) else fragment)), message


@pytest.mark.parametrize("fmt", SHOWN)
def test_valid_answers_from_a_file_in_a_real_process(tmp_path, fmt):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"for_whom": "someone_else", "interests": ["overdose", "overdose", "unsure"]}))
    done = run_cli("--answers", str(path), "--format", fmt)
    assert done.returncode == 0
    assert done.stderr == ""
    assert_referral_last(done.stdout, fmt)


@pytest.mark.parametrize(
    "payload, words",
    [
        (
            '{"setting": "clinic"}',
            ['"setting"', "clinic_daily, doctor_office, residential, outpatient_program, unsure", '"clinic"'],
        ),
        ('{"colour": "blue"}', ["unknown key", '"colour"', "for_whom, setting, dosing"]),
        ('{"interests": "overdose"}', ['"interests"', "how_medications_work"]),
        ('{"interests": ["overdoze"]}', ['"interests"', "overdose"]),
        ('{"dosing": null}', ['"dosing"', "daily, monthly, no_medication, unsure"]),
        ('{"setting": "residential", "setting": "unsure"}', ["appears more than once", '"setting"']),
        ('{"setting": ', ["not valid JSON", "line 1"]),
        ("[1, 2]", ["JSON object"]),
        ("", ["empty"]),
    ],
)
def test_bad_answers_get_one_line_naming_the_problem_and_exit_2(payload, words):
    done = run_cli("--answers", "-", stdin=payload)
    assert done.returncode == 2
    assert done.stdout == ""
    first, *rest = done.stderr.strip().splitlines()
    assert first.startswith("treatment-explorer: ")
    for word in words:
        assert word in first, (word, first)
    assert "Traceback" not in done.stderr
    assert_referral_last(done.stderr)


def test_unreadable_and_missing_files(tmp_path):
    missing = run_cli("--answers", str(tmp_path / "nope.json"))
    assert missing.returncode == 2
    assert "no such file" in missing.stderr
    bad_bytes = tmp_path / "latin1.json"
    bad_bytes.write_bytes(b'{"setting": "caf\xe9"}')
    not_utf8 = run_cli("--answers", str(bad_bytes))
    assert not_utf8.returncode == 2
    assert "not UTF-8" in not_utf8.stderr
    directory = run_cli("--answers", str(tmp_path))
    assert directory.returncode == 2
    assert "directory" in directory.stderr
    for done in (missing, not_utf8, directory):
        assert "Traceback" not in done.stderr
        assert_referral_last(done.stderr)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (700_000 * 1024, 700_000 * 1024))  # ulimit -v 700000


@pytest.mark.parametrize("item", ["1", '"overdose"', "[]"])
def test_the_largest_answers_file_costs_what_a_normal_one_costs(here, item):
    count = (1024 * 1024 - 20) // (len(item) + 1)
    (here / "big.json").write_text('{"interests":[' + ",".join([item] * count) + "]}")
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--answers", "big.json"],
        capture_output=True,
        cwd=here,
        env=program_env(),
        timeout=60,
        preexec_fn=_limit_memory,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr[-800:]
    message = error_message(stderr)
    assert len(message) < 400, message
    assert "interests" in message, message


@pytest.mark.parametrize("depth", [40, 987])
def test_an_answers_value_nested_deep_is_a_one_line_refusal(here, depth):
    # 987 levels overflowed the stack where the message re-encoded the value, at a depth that depends
    # on the stack: nesting is bounded before anything looks at the value, far below any such depth.
    nested = "[" * depth + "]" * depth
    for shape in (f'{{"setting": {nested}}}', f'{{"interests": [{nested}]}}'):
        done = sh("$P --answers -", here, stdin=shape.encode())
        assert done.returncode == 2, done.stderr[-800:]
        assert "nested too deeply" in error_message(done.stderr)


def _limit_cpu_and_memory() -> None:
    _limit_memory()
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))  # ulimit -t 20: killed (SIGXCPU) past it


@pytest.mark.parametrize(
    "raw",
    [
        b'{"setting": "' + b'\\"' * ((MAX_BYTES - 20) // 2),
        b'{"setting": "' + b'\\"\\\\' * ((MAX_BYTES - 20) // 4),
        b'"' + b'\\"' * ((MAX_BYTES - 1) // 2),
    ],
    ids=["escaped quotes", "escaped quotes and backslashes", "a bare string"],
)
def test_an_unterminated_string_costs_what_a_normal_file_costs(here, raw):
    # Refusing a file with one string never closed must cost one pass over it: a check that went
    # back to every quote would take hours on a file under 1 MiB (killed at the CPU limit here).
    (here / "open.json").write_bytes(raw)
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "--answers", "open.json"],
        capture_output=True,
        cwd=here,
        env=program_env(),
        timeout=120,
        preexec_fn=_limit_cpu_and_memory,
    )
    stderr = done.stderr.decode()
    assert done.returncode == 2, (done.returncode, stderr[-800:])
    assert "is not valid JSON" in error_message(stderr)


@pytest.mark.parametrize(
    "raw",
    [
        "\u3000\u00a0\u2003".encode(),
        b'{"setting": "[[[[[[[[',
        b'{"setting": "{{{{{{\\"[[[[[',
        b'["',
    ],
    ids=["Unicode spaces", "an open string of brackets", "an open string with an escaped quote", "an open list"],
)
def test_text_that_is_not_json_is_called_not_valid_json(raw):
    # Only the four spaces of JSON are "empty"; brackets inside a string are text, not nesting.
    code, out, err = run_main(["--answers", "-"], stdin=raw)
    assert code == 2, err
    assert error_message(err).startswith("standard input is not valid JSON"), err
