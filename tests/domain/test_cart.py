"""Reading a cart document (checkout JSON, parked sales): good ones round-trip, bad ones say where."""

from __future__ import annotations

from typing import Any

import pytest

from pos_app.domain.cart import Cart, CartLine, cart_from_dict, cart_to_dict
from pos_app.domain.errors import InvalidInput
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind


def test_a_full_document_is_read() -> None:
    request = cart_from_dict(
        {
            "key": "till1-42",
            "customer": "alice",
            "lines": [{"sku": "MUG", "qty": 2, "discount": {"percent": 10}}, {"sku": "TEA"}],
            "discount": {"amount": 50},
            "shipping": {"address": "1 Main St"},
            "note": "gift",
            "payments": [
                {"method": "card", "amount": 500, "reference": "AUTH1"},
                {"method": "cash", "tendered": 1000},
            ],
        }
    )
    assert request.key == "till1-42"
    assert request.cart == Cart(
        (CartLine("MUG", 2, Discount(DiscountKind.PERCENT, 1000)), CartLine("TEA", 1)),
        customer="alice",
        order_discount=Discount(DiscountKind.AMOUNT, 50),
        fulfilment=Fulfilment.DELIVERY,  # an address with no fulfilment means delivery
        ship_to="1 Main St",
        note="gift",
    )
    assert request.tenders == (Tender(PaymentMethod.CARD, 500, "AUTH1"), Tender(PaymentMethod.CASH, 1000))


def test_a_parked_cart_round_trips() -> None:
    cart = Cart(
        (CartLine("MUG", 3, Discount(DiscountKind.AMOUNT, 20)),),
        customer=None,
        fulfilment=Fulfilment.PICKUP,
        note="back at 5",
    )
    assert cart_from_dict(cart_to_dict(cart)).cart == cart


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([{"sku": "MUG"}], "the cart must be a JSON object"),
        ({}, "needs 'lines'"),
        ({"lines": []}, "needs 'lines'"),
        ({"lines": [{"sku": "MUG"}, {"qty": 2}]}, "line 2: needs a 'sku'"),
        ({"lines": [{"sku": "MUG"}, "TEA"]}, "line 2: needs a 'sku'"),
        ({"lines": [{"sku": "MUG", "qty": "2"}]}, "line 1: 'qty' must be a whole number"),
        ({"lines": [{"sku": "MUG", "qty": 1.5}]}, "line 1: 'qty' must be a whole number"),
        ({"lines": [{"sku": "MUG", "qty": True}]}, "line 1: 'qty' must be a whole number"),
        ({"lines": [{"sku": "MUG"}, {"sku": "TEA", "qty": 0}]}, "line 2: 'qty' must be from 1 to 9999"),
        ({"lines": [{"sku": "MUG", "qty": -3}]}, "line 1: 'qty' must be from 1 to 9999"),
        ({"lines": [{"sku": "MUG", "qty": 100000}]}, "line 1: 'qty' must be from 1 to 9999"),
        ({"lines": [{"sku": ""}]}, "line 1: a line needs a SKU"),
        ({"lines": [{"sku": "MUG", "discount": 10}]}, "line 1: discount must be an object"),
        (
            {"lines": [{"sku": "MUG", "discount": {"percent": 200}}]},
            "line 1: a discount cannot be more than 100%",
        ),
        (
            {"lines": [{"sku": "MUG", "discount": {"amount": -5}}]},
            "line 1: 'amount' must be from 0 to 100000000000",
        ),
        (
            {"lines": [{"sku": "MUG"}], "discount": {"percent": "ten"}},
            "order: 'percent' must be a number such as 10 or 12.5",
        ),
        ({"lines": [{"sku": "MUG"}], "shipping": "1 Main St"}, "'shipping' must be an object"),
        ({"lines": [{"sku": "MUG"}], "fulfilment": "drone"}, "'fulfilment' must be one of in_store, pickup"),
        ({"lines": [{"sku": "MUG"}], "customer": 7}, "'customer' must be a name"),
        ({"lines": [{"sku": "MUG"}], "payments": [{"method": "cheque", "amount": 1}]}, "payment 1: 'method'"),
        (
            {"lines": [{"sku": "MUG"}], "payments": [{"method": "card"}]},
            "payment 1: 'amount' must be a whole",
        ),
        ({"lines": [{"sku": "MUG"}], "payments": ["cash"]}, "payment 1: must be an object"),
        ({"lines": [{"sku": "MUG"}], "key": ""}, "'key' must be a non-empty string"),
        ({"lines": [{"sku": "MUG"}], "key": 42}, "'key' must be a non-empty string"),
    ],
)
def test_a_bad_document_names_the_field(doc: Any, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        cart_from_dict(doc)
    assert message in caught.value.message


def test_percent_discounts_read_as_people_write_them() -> None:
    request = cart_from_dict(
        {"lines": [{"sku": "MUG", "discount": {"percent": 12.5}}], "discount": {"percent": 10}}
    )
    assert request.cart.lines[0].discount == Discount(DiscountKind.PERCENT, 1250)
    assert request.cart.order_discount == Discount(DiscountKind.PERCENT, 1000)
    assert cart_to_dict(request.cart)["lines"][0]["discount"] == {"percent": 12.5}
    assert cart_to_dict(request.cart)["discount"] == {"percent": 10}
