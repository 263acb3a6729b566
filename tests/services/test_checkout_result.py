"""Checkout answers with the order it wrote, exactly as reading it back would show it."""

from __future__ import annotations

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services


def test_the_returned_order_is_the_stored_order(services: Services, clerk: Actor) -> None:
    cart = Cart((CartLine("MUG", 2), CartLine("TEA", 1), CartLine("CARD", 1)), customer="alice")
    due = services.checkout.quote(cart).cash_due
    tenders = (Tender(PaymentMethod.CARD, due // 2, "AUTH1"), Tender(PaymentMethod.CASH, due))
    placed = services.checkout.checkout(clerk, CheckoutRequest(cart, tenders, key="r1"))
    assert placed == services.orders.get_order(clerk, placed.number)


def test_the_same_with_an_override_and_a_delivery(services: Services, clerk: Actor, manager: Actor) -> None:
    cart = Cart(
        (CartLine("MUG", 1),),
        order_discount=Discount(DiscountKind.PERCENT, 5000),
        fulfilment=Fulfilment.DELIVERY,
        ship_to="1 High Street",
        note="ring twice",
    )
    due = services.checkout.quote(cart).cash_due
    placed = services.checkout.checkout(
        clerk,
        CheckoutRequest(cart, (Tender(PaymentMethod.CASH, due + 100),), key="r2"),
        approval=Approval("manager", "manager123"),
    )
    assert [e.action for e in placed.events] == ["placed", "override"]
    assert placed == services.orders.get_order(manager, placed.number)
