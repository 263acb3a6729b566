"""Scale labels (GS1 02 and 20-29): the shop's layout reads the weight or price, biip the rest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.cart import CartLine, cart_from_dict, cart_to_dict
from pos_app.domain.errors import InvalidInput
from pos_app.domain.settings import StoreSettings
from pos_app.domain.variable_measure import (
    LabelLayout,
    Measure,
    kg_text,
    label_price,
    read_label,
    weighed_price,
)

LAYOUT = LabelLayout(weight_prefixes=("21", "23"), price_prefixes=("02", "28"), item_digits=5)
BANANAS_LABEL = "2301234004504"  # prefix 23, item 01234, 450 g
CHEESE_LABEL = "2805678003494"  # prefix 28, item 05678, 3.49


def test_a_weight_label_gives_grams_and_the_products_item_code() -> None:
    label = read_label(BANANAS_LABEL, LAYOUT)
    assert label is not None
    assert (label.measure, label.value, label.grams) == (Measure.WEIGHT, 450, 450)
    assert label.item_barcode == "2301234000001"  # the value zeroed, the check digit made again


def test_a_price_label_gives_minor_units() -> None:
    label = read_label(CHEESE_LABEL, LAYOUT)
    assert label is not None
    assert (label.measure, label.value, label.grams) == (Measure.PRICE, 349, None)
    assert label.item_barcode == "2805678000004"
    assert label_price(label, 99_999) == 349  # the printed price, whatever the product's price


def test_prefix_02_is_a_label_too() -> None:
    label = read_label("0211111012503", LAYOUT)
    assert label is not None and (label.measure, label.value) == (Measure.PRICE, 1250)


def test_the_item_code_length_comes_from_the_layout() -> None:
    # Read as item 012340 and 4 digits of grams: the same label, another shop's meaning.
    label = read_label(BANANAS_LABEL, LabelLayout(weight_prefixes=("23",), item_digits=6))
    assert label is not None and label.value == 450
    assert label.item_barcode == "2301234000001"
    label = read_label(BANANAS_LABEL, LabelLayout(weight_prefixes=("23",), item_digits=4))
    assert label is not None and (label.value, label.item_barcode) == (400_450, "2301230000005")


def test_a_wrong_check_digit_is_refused() -> None:
    with pytest.raises(InvalidInput, match="wrong check digit"):
        read_label("2301234004505", LAYOUT)
    with pytest.raises(InvalidInput, match="wrong check digit"):
        read_label("4006381333932", LAYOUT)  # an ordinary EAN-13 with a bad check digit too


def test_ordinary_codes_and_unused_prefixes_are_not_labels() -> None:
    assert read_label("4006381333931", LAYOUT) is None  # a manufacturer's EAN-13
    assert read_label("2109999005008", LabelLayout(price_prefixes=("28",))) is None  # 21 unused here
    assert read_label("MUG", LAYOUT) is None


def test_a_label_with_no_weight_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no weight"):
        read_label("2301234000001", LAYOUT)


def test_weighed_price_rounds_half_up() -> None:
    assert weighed_price(250, 450) == 113  # 112.5 -> 113 (banker's rounding would say 112)
    assert weighed_price(299, 452) == 135  # 135.148
    assert weighed_price(1000, 1) == 1


@given(st.integers(0, 10**6), st.integers(1, 99_999))
def test_weighed_price_is_within_half_a_minor_unit(price: int, grams: int) -> None:
    assert abs(weighed_price(price, grams) * 1000 - price * grams) <= 500


def test_kg_text() -> None:
    assert (kg_text(452), kg_text(1500), kg_text(7)) == ("0.452 kg", "1.500 kg", "0.007 kg")


def test_the_layout_is_a_setting_checked_when_changed() -> None:
    settings = StoreSettings().updated({"label_weight_prefixes": "23, 24", "label_price_prefixes": "02"})
    assert settings.label_layout == LabelLayout(("23", "24"), ("02",), 5)
    with pytest.raises(InvalidInput, match="both"):
        StoreSettings().updated({"label_weight_prefixes": "28"})  # 28 is a price prefix by default
    with pytest.raises(InvalidInput, match="not a scale-label prefix"):
        StoreSettings().updated({"label_weight_prefixes": "40"})
    with pytest.raises(InvalidInput, match="4, 5 or 6"):
        StoreSettings().updated({"label_item_digits": "7"})


def test_a_labelled_cart_line_keeps_its_label_and_its_grams() -> None:
    request = cart_from_dict(
        {
            "lines": [
                {"sku": "BAN", "grams": 450, "label": BANANAS_LABEL},
                {"sku": "CHZ", "label": CHEESE_LABEL},
                {"sku": "MUG", "qty": 2},
            ]
        }
    )
    assert request.cart.lines[0] == CartLine("BAN", 450, None, BANANAS_LABEL, weighed=True)
    assert request.cart.lines[1] == CartLine("CHZ", 1, None, CHEESE_LABEL)
    assert [line.items for line in request.cart.lines] == [1, 1, 2]  # a weighed item is one item
    doc = cart_to_dict(request.cart)
    assert doc["lines"][0] == {"sku": "BAN", "grams": 450, "discount": None, "label": BANANAS_LABEL}
    assert doc["lines"][2] == {"sku": "MUG", "qty": 2, "discount": None}  # as it always was
    assert cart_from_dict(doc).cart == request.cart
    with pytest.raises(InvalidInput, match="one label at a time"):
        CartLine("CHZ", 2, label=CHEESE_LABEL)


def test_a_cart_document_gives_items_or_grams_never_both() -> None:
    with pytest.raises(InvalidInput, match="not both"):
        cart_from_dict({"lines": [{"sku": "BAN", "grams": 450, "qty": 1}]})
    with pytest.raises(InvalidInput, match="line 1: 'grams' must be from 1 to 100000"):
        cart_from_dict({"lines": [{"sku": "BAN", "grams": 100_001}]})
    with pytest.raises(InvalidInput, match=r"more than 100\.000 kg"):
        CartLine("BAN", 100_001, weighed=True)
