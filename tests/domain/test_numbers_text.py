"""One strict reader for typed numbers, and the rules for free text: what a clerk types in any
script or by accident is either the number they meant or a clear refusal."""

from __future__ import annotations

import pytest

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import parse_amount
from pos_app.domain.numbers import ADJUST_QTY, ON_HAND, QUANTITY, check_int, parse_int
from pos_app.domain.orders import normalize_order_number
from pos_app.domain.text import NOTE_MAX, check_text, escape_controls, escape_json_controls


@pytest.mark.parametrize(
    "text", ["1_000", "١٢٣٤", "²", "1e3", "1.0", "0x10", "", " ", "+", "NaN", "inf", "9" * 5000]
)
def test_only_ascii_digits_are_a_whole_number(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_int(text, ON_HAND)


def test_ranges_are_checked_and_named() -> None:
    assert parse_int(" 42 ", QUANTITY) == 42
    assert parse_int("-3", ADJUST_QTY) == -3
    for text in ("0", "10000", str(2**63), "-1"):
        with pytest.raises(InvalidInput, match="quantity must be from 1 to 9999"):
            parse_int(text, QUANTITY)


@pytest.mark.parametrize("value", [True, 1.0, "1", None, 2**63, -1])
def test_a_parsed_value_must_be_a_true_int_in_range(value: object) -> None:
    with pytest.raises(InvalidInput):
        check_int(value, QUANTITY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("١٢.٥٠", "is not an amount"),
        ("1_000", "is not an amount"),
        ("1e3", "is not an amount"),
        ("Infinity", "is not an amount"),
        ("9" * 5000, "is not an amount"),
        ("1000000001", "is too large"),
        ("-1", "is negative"),
    ],
)
def test_amounts_are_ascii_decimal_text(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_amount(text)


def test_amounts_people_type_still_read() -> None:
    assert parse_amount("1,234.50") == 123450
    assert parse_amount(" .5 ") == 50
    assert parse_amount("1000", "JPY") == 1000


def test_order_numbers_use_ascii_digits() -> None:
    assert normalize_order_number("t1-42") == "T1-000042"
    assert normalize_order_number("T1-²") is None
    assert normalize_order_number("T1-١٢") is None
    assert normalize_order_number("T1-" + "9" * 5000) is None


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\x07", "\u202e", "\u200b", "\x85", "\ufeff"])
def test_control_characters_are_refused_by_name(bad: str) -> None:
    with pytest.raises(InvalidInput, match="the note holds a control character"):
        check_text(f"a{bad}b", "note", NOTE_MAX, multiline=True)


def test_a_lone_surrogate_is_refused_as_invalid() -> None:
    with pytest.raises(InvalidInput, match=r"the SKU holds an invalid character \(U\+D800"):
        check_text("a\ud800", "SKU", 64)


def test_free_text_keeps_newlines_where_allowed_and_joiners_everywhere() -> None:
    assert check_text(" line 1\nline\t2 ", "note", NOTE_MAX, multiline=True) == "line 1\nline\t2"
    assert check_text("می\u200cخواهم 👩\u200d💻", "note", 50) == "می\u200cخواهم 👩\u200d💻"
    with pytest.raises(InvalidInput, match="control character"):
        check_text("a\nb", "checkout key", 120)
    with pytest.raises(InvalidInput, match="longer than 2000 characters"):
        check_text("x" * 2001, "note", NOTE_MAX)
    with pytest.raises(InvalidInput, match="must be text"):
        check_text(["x"], "note", NOTE_MAX)


def test_escaping_for_terminals_and_json() -> None:
    assert escape_controls("ok\x1b[2J\u202e\ud800") == "ok\\x1b[2J\\u202e\\ud800"
    assert escape_controls("Café ☕") == "Café ☕"
    assert escape_json_controls('{"a": "x\u202e\U000e0041"}') == '{"a": "x\\u202e\\udb40\\udc41"}'
