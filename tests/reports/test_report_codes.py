"""Tracking codes: short, with a check symbol, forgiving of how people read them over the phone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toandan.core.codes import hash_key, key_matches, new_code, new_key, normalize_code


def test_code_shape_and_check_symbol() -> None:
    code = new_code()
    assert len(code) == 11 and code[4] == "-" and code[9] == "-"
    assert normalize_code(code) == code


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=200))
def test_typing_variants_are_forgiven(_seed: int) -> None:
    code = new_code()
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalize_code(typed) == code


def test_single_wrong_symbol_is_caught() -> None:
    code = new_code()
    body = code.replace("-", "")
    wrong = ("1" if body[0] != "1" else "2") + body[1:]
    assert normalize_code(wrong) is None
    assert (
        normalize_code("") is None
        and normalize_code("ABCD-EFGH") is None
        and normalize_code("UUUU-UUUU-U") is None
    )


def test_keys_are_stored_hashed_and_compared_forgivingly() -> None:
    key = new_key()
    stored = hash_key(key)
    assert key not in stored
    assert key_matches(key.lower().replace("-", ""), stored)
    assert not key_matches(new_key(), stored)
