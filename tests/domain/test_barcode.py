from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.barcode import gtin_check_digit, is_valid_gtin, validate_barcode
from pos_app.domain.errors import InvalidInput


@pytest.mark.parametrize("code", ["4006381333931", "96385074", "036000291452"])
def test_real_barcodes_are_valid(code: str) -> None:
    assert validate_barcode(code) == code


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("4006381333932", "wrong check digit for EAN-13"),
        ("12345", "8, 12 or 13 digits"),
        ("40063813339a1", "digits"),
    ],
)
def test_bad_barcodes_say_what_is_wrong(code: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        validate_barcode(code)


@given(st.sampled_from([7, 11, 12]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)))
def test_any_body_with_its_check_digit_is_valid_and_any_other_digit_is_not(body: str) -> None:
    digit = gtin_check_digit(body)
    assert is_valid_gtin(body + str(digit))
    assert not is_valid_gtin(body + str((digit + 1) % 10))
