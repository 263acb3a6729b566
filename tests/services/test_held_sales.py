"""Held sales: park a cart with a label, pick it up at another log-in or after a restart, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput, NotFound
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.conftest import FAST_HASHER
from tests.helpers import raw

CART = Cart(
    lines=(CartLine("MUG", 2, Discount(DiscountKind.PERCENT, 500)), CartLine("TEA", 1)),
    customer="alice",
    order_discount=Discount(DiscountKind.AMOUNT, 50),
    fulfilment=Fulfilment.DELIVERY,
    ship_to="1 Main St",
    note="gift wrap",
)


def test_park_list_and_resume_at_another_log_in(services: Services, clerk: Actor, manager: Actor) -> None:
    sale = services.held.park(clerk, "  lady in the   blue coat ", CART)
    assert (sale.label, sale.till, sale.created_by) == ("lady in the blue coat", "T1", "clerk")
    listed = services.held.list(manager)
    assert [(s.id, s.label) for s in listed] == [(sale.id, "lady in the blue coat")]
    cart = services.held.resume(manager, sale.id)
    assert cart == CART
    assert services.held.list(clerk) == []
    # The resumed cart checks out like any other, priced now.
    total = services.checkout.quote(cart).priced.total
    order = services.checkout.checkout(manager, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, total),)))
    assert (order.customer_name, order.note, order.ship_to) == ("alice", "gift wrap", "1 Main St")


def test_a_parked_sale_survives_a_restart(services: Services, clerk: Actor, db_path: Path) -> None:
    first = services.held.park(clerk, "table 4", CART)
    second = services.held.park(clerk, "", Cart((CartLine("CARD", 1),)))
    services.close()
    reopened = Services.open(db_path, hasher=FAST_HASHER)
    try:
        clerk_again = reopened.auth.login("clerk", "1111", pin=True)
        assert [(s.id, s.label) for s in reopened.held.list(clerk_again)] == [
            (first.id, "table 4"),
            (second.id, "1 line(s)"),
        ]
        assert reopened.held.resume(clerk_again, first.id) == CART
    finally:
        reopened.close()


def test_a_sale_can_be_resumed_only_once(services: Services, clerk: Actor, manager: Actor) -> None:
    sale = services.held.park(clerk, "table 4", CART)
    services.held.resume(clerk, sale.id)
    with pytest.raises(NotFound, match="already resumed or discarded"):
        services.held.resume(manager, sale.id)
    with pytest.raises(NotFound):
        services.held.discard(manager, sale.id)


def test_discard_takes_it_off_the_list(services: Services, clerk: Actor) -> None:
    sale = services.held.park(clerk, "changed her mind", CART)
    services.held.discard(clerk, sale.id)
    assert services.held.list(clerk) == []
    with pytest.raises(NotFound):
        services.held.resume(clerk, sale.id)


def test_an_empty_cart_cannot_be_parked(services: Services, clerk: Actor) -> None:
    with pytest.raises(InvalidInput, match="nothing in the cart to park"):
        services.held.park(clerk, "empty", Cart())
    assert services.held.list(clerk) == []


def test_a_parked_cart_that_cannot_be_read_stays_parked(
    services: Services, clerk: Actor, db_path: Path
) -> None:
    sale = services.held.park(clerk, "table 9", CART)
    with raw(db_path) as conn:
        conn.execute("UPDATE held_sales SET cart_json = '{\"lines\": []}' WHERE id = ?", (sale.id,))
    with pytest.raises(InvalidInput, match="needs 'lines'"):
        services.held.resume(clerk, sale.id)
    assert [s.id for s in services.held.list(clerk)] == [sale.id]
