"""Checkout: one transaction, idempotent, stock and history updated, bad carts change nothing."""

from __future__ import annotations

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InsufficientStock, InvalidInput, NotFound, PermissionDenied
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services


def cash(amount: int) -> tuple[Tender, ...]:
    return (Tender(PaymentMethod.CASH, amount),)


def on_hand(services: Services, manager: Actor, sku: str) -> int:
    return services.stock.levels(manager, sku)[0].on_hand


def order_count(services: Services, manager: Actor) -> int:
    return len(services.orders.list_orders(manager, limit=500).rows)


def test_cash_sale_gives_change_records_history_and_takes_stock(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    request = CheckoutRequest(Cart((CartLine("MUG", 2), CartLine("TEA", 1))), cash(2000))
    order = services.checkout.checkout(clerk, request)
    assert order.status is OrderStatus.COMPLETED
    assert order.number == "T1-000001"
    assert order.total == 2 * 400 + 255
    assert order.change_given == 2000 - order.total
    assert [(p.method, p.tendered, p.change) for p in order.payments] == [("cash", 2000, 945)]
    assert [e.action for e in order.events] == ["placed"]
    assert on_hand(services, manager, "MUG") == 8
    assert services.admin.verify(manager).ok


def test_the_same_key_twice_makes_one_order(services: Services, clerk: Actor, manager: Actor) -> None:
    request = CheckoutRequest(Cart((CartLine("MUG", 1),)), cash(500), key="till-1-sale-42")
    first = services.checkout.checkout(clerk, request)
    second = services.checkout.checkout(clerk, request)
    assert first.id == second.id
    assert order_count(services, manager) == 1
    assert on_hand(services, manager, "MUG") == 9


def test_split_tender_card_and_cash(services: Services, clerk: Actor) -> None:
    tenders = (Tender(PaymentMethod.CARD, 500, "AUTH77"), Tender(PaymentMethod.CASH, 500))
    order = services.checkout.checkout(clerk, CheckoutRequest(Cart((CartLine("MUG", 2),)), tenders))
    assert [(p.method, p.amount, p.reference) for p in order.payments] == [
        ("card", 500, "AUTH77"),
        ("cash", 300, ""),
    ]
    assert order.change_given == 200


@pytest.mark.parametrize(
    ("cart", "tenders", "error"),
    [
        (Cart((CartLine("NOPE", 1),)), cash(500), NotFound),
        (Cart((CartLine("MUG", 1),)), cash(100), InvalidInput),
        (Cart((CartLine("MUG", 1),), customer="nobody"), cash(500), NotFound),
        (Cart((CartLine("MUG", 1),), fulfilment=Fulfilment.DELIVERY), cash(500), InvalidInput),
        (Cart((CartLine("MUG", 1),)), (Tender(PaymentMethod.CARD, 400, ""),), InvalidInput),
    ],
)
def test_bad_checkouts_change_nothing(
    services: Services,
    clerk: Actor,
    manager: Actor,
    cart: Cart,
    tenders: tuple[Tender, ...],
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        services.checkout.checkout(clerk, CheckoutRequest(cart, tenders))
    assert order_count(services, manager) == 0
    assert on_hand(services, manager, "MUG") == 10


def test_zero_quantity_is_refused_where_typed() -> None:
    with pytest.raises(InvalidInput, match="at least 1"):
        CartLine("MUG", 0)


def test_insufficient_stock_when_the_store_forbids_negative_stock(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    services.settings.update(manager, {"allow_negative_stock": "false"})
    with pytest.raises(InsufficientStock, match="only 5 of Birthday Card"):
        services.checkout.checkout(clerk, CheckoutRequest(Cart((CartLine("CARD", 6),)), cash(5000)))
    assert on_hand(services, manager, "CARD") == 5


def test_big_discount_needs_a_manager(services: Services, clerk: Actor, manager: Actor) -> None:
    cart = Cart((CartLine("MUG", 1),), order_discount=Discount(DiscountKind.PERCENT, 5000))
    with pytest.raises(PermissionDenied, match="a manager can approve it"):
        services.checkout.checkout(clerk, CheckoutRequest(cart, cash(200)))
    order = services.checkout.checkout(
        clerk, CheckoutRequest(cart, cash(200)), approval=Approval("manager", "manager123")
    )
    assert order.total == 200
    override = [e for e in order.events if e.action == "override"]
    assert override and override[0].approver_name == "manager" and override[0].user_name == "clerk"


def test_a_customer_at_a_self_service_till_buys_for_themselves(
    services: Services, alice: Actor, bob: Actor
) -> None:
    order = services.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("TEA", 1),), customer="bob")))
    assert order.customer_name == "alice"
    assert services.orders.list_orders(bob).rows == ()


def test_an_exact_ten_percent_stays_within_a_clerks_limit(services: Services, clerk: Actor) -> None:
    # 10 % of 6.55 rounds to 0.66 off: still the clerk's 10 %, no manager needed.
    cart = Cart((CartLine("MUG", 1), CartLine("TEA", 1)), order_discount=Discount(DiscountKind.PERCENT, 1000))
    order = services.checkout.checkout(clerk, CheckoutRequest(cart, cash(1000)))
    assert order.discount == 66
    assert not [e for e in order.events if e.action == "override"]
