"""The one bounded JSON loader refuses hostile documents with a JsonError, never a crash."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from common.jsonio import JsonError, depth, load_file, loads


def test_parses_ordinary_documents():
    assert loads(b'{"a": [1, 2, {"b": "c"}]}') == {"a": [1, 2, {"b": "c"}]}
    assert loads('"x"') == "x"


@pytest.mark.parametrize("n", [33, 1000, 60_000])
def test_deep_nesting_is_refused_not_a_recursion_error(n):
    for doc in ("[" * n + "]" * n, '{"a":' * n + "1" + "}" * n, "[" * n):
        with pytest.raises(JsonError, match="nested too deeply|not valid JSON"):
            loads(doc)


def test_depth_limit_is_exact():
    assert loads("[" * 32 + "]" * 32) is not None
    with pytest.raises(JsonError, match="nested too deeply"):
        loads("[" * 33 + "]" * 33)


def test_size_limit():
    with pytest.raises(JsonError, match="too large"):
        loads(b"[" + b"1," * 600_000 + b"1]")
    assert loads(b'"abc"', max_bytes=5) == "abc"
    with pytest.raises(JsonError, match="too large"):
        loads(b'"abcd"', max_bytes=5)


@pytest.mark.parametrize("doc", [b"NaN", b"[Infinity]", b'{"a": -Infinity}', b'{"a": 1, "a": 2}',
                                 b"\xff\xfe", b"", b"{", b"[1,]"])
def test_refuses_non_json_constants_duplicates_and_garbage(doc):
    with pytest.raises(JsonError):
        loads(doc)


def test_message_never_carries_the_content():
    secret = "passphrase-do-not-log"
    with pytest.raises(JsonError) as e:
        loads('{"k": "' + secret + '", "k": 1}')
    assert secret not in str(e.value)


def test_load_file_reads_no_more_than_the_limit(tmp_path):
    p = tmp_path / "big.json"
    p.write_bytes(b'"' + b"x" * 5000 + b'"')
    with pytest.raises(JsonError, match="too large"):
        load_file(p, max_bytes=1000)
    assert load_file(p) == "x" * 5000


# generating nested values is slow on a loaded machine: no deadline, no too-slow health check
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(), c, max_size=3), max_leaves=20))
def test_round_trips_what_the_app_writes(value):
    doc = json.dumps(value)
    if depth(value) <= 32:
        assert loads(doc) == value
