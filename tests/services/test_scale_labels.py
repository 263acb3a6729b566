"""Weighed and priced goods sold from scale labels: the scan finds the product by its item code,
the sale prices the weight (per kg, rounded half up) or takes the printed price."""

from __future__ import annotations

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput, NotFound
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.domain.variable_measure import SoldBy
from pos_app.services import Services

# The default layout: 21-25 carry grams, 02, 20 and 26-29 a price; 5-digit item codes.
BANANAS_ITEM = "2301234000001"  # prefix 23, item 01234, value zeroed: the product's barcode
BANANAS_450G = "2301234004504"
CHEESE_ITEM = "2805678000004"
CHEESE_3_49 = "2805678003494"
UNKNOWN_ITEM_LABEL = "2109999005008"  # a weight label whose item code no product has


@pytest.fixture
def weighed(services: Services, manager: Actor) -> Services:
    services.catalog.add_product(
        manager, "BAN", "Bananas", 250, 0, barcode=BANANAS_ITEM, sold_by=SoldBy.WEIGHT
    )  # 2.50 per kg
    services.catalog.add_product(manager, "CHZ", "Cheddar", 1200, 0, barcode=CHEESE_ITEM)
    return services


def test_a_weight_label_is_the_product_with_its_grams(weighed: Services) -> None:
    found = weighed.catalog.scan(BANANAS_450G)
    assert found.product.sku == "BAN"
    assert found.label is not None and found.label.grams == 450


def test_an_ordinary_barcode_and_a_sku_still_scan(weighed: Services) -> None:
    assert weighed.catalog.scan("4006381333931").product.sku == "MUG"
    assert weighed.catalog.scan("4006381333931").label is None
    assert weighed.catalog.scan("TEA").product.sku == "TEA"


def test_a_wrong_check_digit_is_refused(weighed: Services) -> None:
    with pytest.raises(InvalidInput, match="wrong check digit"):
        weighed.catalog.scan("2301234004505")


def test_an_unknown_item_code_is_not_found(weighed: Services) -> None:
    with pytest.raises(NotFound, match="item code"):
        weighed.catalog.scan(UNKNOWN_ITEM_LABEL)


def test_a_weighed_and_a_priced_item_are_priced_from_their_labels(weighed: Services) -> None:
    cart = Cart(
        (
            CartLine("BAN", 450, label=BANANAS_450G, weighed=True),
            CartLine("CHZ", 1, label=CHEESE_3_49),
            CartLine("MUG", 1),
        )
    )
    quote = weighed.checkout.quote(cart)
    assert [line.total for line in quote.priced.lines] == [113, 349, 400]  # 2.50 × 0.450 = 1.125 -> 1.13
    assert [line.sold_by for line in quote.priced.lines] == [SoldBy.WEIGHT, SoldBy.EACH, SoldBy.EACH]
    assert [quote.line_name(n) for n in range(3)] == ["Bananas", "Cheddar", "Blue Mug"]


def test_the_order_line_holds_the_grams_at_the_price_per_kg(weighed: Services, clerk: Actor) -> None:
    cart = Cart(
        (CartLine("BAN", 450, label=BANANAS_450G, weighed=True), CartLine("CHZ", 1, label=CHEESE_3_49))
    )
    order = weighed.checkout.checkout(clerk, CheckoutRequest(cart, (Tender(PaymentMethod.CARD, 462, "R1"),)))
    assert [(line.name, line.qty, line.unit_price, line.total, line.measure) for line in order.lines] == [
        ("Bananas", 450, 250, 113, SoldBy.WEIGHT),
        ("Cheddar", 1, 349, 349, SoldBy.EACH),
    ]
    assert order.total == 462


def test_a_cart_cannot_give_a_label_another_weight(weighed: Services) -> None:
    with pytest.raises(InvalidInput, match=r"weighs 0\.450 kg"):
        weighed.checkout.quote(Cart((CartLine("BAN", 900, label=BANANAS_450G, weighed=True),)))


def test_a_weight_label_needs_a_product_sold_by_weight(weighed: Services, manager: Actor) -> None:
    # A product sold each: a weight label for its item code is refused rather than guessed at.
    weighed.catalog.add_product(manager, "HAM", "Ham", 900, 0, barcode="2305678000009")
    label = "2305678003505"  # prefix 23 (weight), item 05678, 350 g
    with pytest.raises(InvalidInput, match="Ham is sold each"):
        weighed.checkout.quote(Cart((CartLine("HAM", 350, label=label, weighed=True),)))


def test_a_label_for_another_product_is_refused(weighed: Services) -> None:
    # A cart document (say from the command line) cannot sell cheese at the bananas' label.
    with pytest.raises(InvalidInput, match="not a label for Blue Mug"):
        weighed.checkout.quote(Cart((CartLine("MUG", 1, label=BANANAS_450G),)))


def test_the_shops_layout_decides_what_a_prefix_means(weighed: Services, manager: Actor) -> None:
    weighed.settings.update(manager, {"label_weight_prefixes": "21,22", "label_price_prefixes": "02,20,23"})
    label = weighed.catalog.scan(BANANAS_450G).label
    assert label is not None and (label.grams, label.value) == (None, 450)  # now a price: 4.50
    weighed.settings.update(manager, {"label_price_prefixes": "02,20"})
    with pytest.raises(NotFound, match="barcode or SKU"):  # 23 means nothing in this shop now
        weighed.catalog.scan(BANANAS_450G)
