"""A day of a shop's sales through the real services, for the report tests: card and cash (with
cash rounding and change), line and order discounts, prices with and without tax, a partial
and a full refund, a cancelled order and one still awaiting payment."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.store.ids import to_text


def _pay(services: Services, who: Actor, cart: Cart, method: PaymentMethod, key: str) -> OrderDetail:
    quote = services.checkout.quote(cart)
    if method is PaymentMethod.CASH:
        tender = Tender(method, -(-quote.cash_due // 500) * 500)  # a note or two, change given
    else:
        tender = Tender(method, quote.priced.total, f"AUTH-{key}")
    return services.checkout.checkout(who, CheckoutRequest(cart, (tender,), key=key))


def ring_up_a_day(services: Services, manager: Actor, clerk: Actor, alice: Actor) -> list[OrderDetail]:
    """The orders, as they ended up."""
    services.catalog.edit_product(manager, "MUG", category="Kitchen")
    services.catalog.edit_product(manager, "TEA", category="Kitchen")
    services.settings.update(manager, {"cash_increment": "5"})
    card = PaymentMethod.CARD
    cash = PaymentMethod.CASH
    ten_off = Discount(DiscountKind.PERCENT, 1000)
    made = [
        _pay(services, clerk, Cart((CartLine("MUG", 2), CartLine("TEA", 1))), card, "a"),
        _pay(services, clerk, Cart((CartLine("CARD", 3), CartLine("TEA", 2, ten_off))), cash, "b"),
        _pay(
            services,
            manager,
            Cart((CartLine("MUG", 1), CartLine("CARD", 1)), order_discount=ten_off),
            card,
            "c",
        ),
        _pay(services, clerk, Cart((CartLine("TEA", 3),)), cash, "d"),
        _pay(services, clerk, Cart((CartLine("MUG", 1),)), card, "e"),
    ]
    services.orders.refund(manager, made[0].number, lines={"MUG": 1})  # part of it back
    services.orders.refund(manager, made[4].number)  # all of it back: refunded
    services.settings.update(manager, {"prices_include_tax": "false"})
    made.append(_pay(services, clerk, Cart((CartLine("MUG", 2), CartLine("CARD", 2))), cash, "f"))
    pickup = Cart((CartLine("TEA", 1),), "alice", fulfilment=Fulfilment.PICKUP)
    made.append(_pay(services, clerk, pickup, card, "g"))
    services.orders.cancel(manager, made[-1].number)  # left out of every figure
    # A customer's own order is placed awaiting payment.
    made.append(services.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("MUG", 1),), "alice"))))
    services.settings.update(manager, {"prices_include_tax": "true"})
    return [services.orders.get_order(manager, o.number) for o in made]


def move_order(path: object, number: str, moment: datetime) -> None:
    """Say an order was rung up at `moment` (tests of days and hours)."""
    with sqlite3.connect(str(path)) as conn:
        conn.execute(
            "UPDATE orders SET created_at = ? WHERE number = ?", (to_text(moment.astimezone(UTC)), number)
        )
