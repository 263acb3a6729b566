"""verify holds through the money flows that change an order after its sale: payment taken
later (with cash rounding and the move to completed), a cancel that gives nothing back, refunds
to store credit; and a hand edit of what those flows wrote is caught."""

from __future__ import annotations

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.helpers import raw, sell

TEA = Cart((CartLine("TEA", 1),))  # 2.55


def test_payment_taken_later_with_cash_rounding_passes_verify_and_its_edit_is_caught(
    services: Services, alice: Actor, clerk: Actor, manager: Actor
) -> None:
    services.settings.update(manager, {"cash_increment": "5"})
    placed = services.checkout.checkout(alice, CheckoutRequest(TEA))
    paid = services.orders.take_payment(clerk, placed.number, [Tender(PaymentMethod.CASH, 300)])
    assert (paid.status, paid.cash_rounding, paid.change_given) == (OrderStatus.COMPLETED, 0, 45)
    assert services.admin.verify(manager).ok
    with raw(services.db.path) as conn:
        conn.execute("UPDATE orders SET change_given = 5 WHERE id = ?", (paid.id,))
    assert not services.admin.verify(manager).ok


def test_cash_rounding_added_by_a_later_payment_is_in_the_chain(
    services: Services, alice: Actor, clerk: Actor, manager: Actor
) -> None:
    services.settings.update(manager, {"cash_increment": "10"})
    placed = services.checkout.checkout(alice, CheckoutRequest(TEA))
    paid = services.orders.take_payment(clerk, placed.number, [Tender(PaymentMethod.CASH, 300)])
    assert paid.cash_rounding == 5  # 2.55 rounds half up to 2.60 in cash
    assert services.admin.verify(manager).ok


def test_cancelling_an_unpaid_order_and_refunding_to_credit_pass_verify(
    services: Services, alice: Actor, clerk: Actor, manager: Actor
) -> None:
    unpaid = services.checkout.checkout(alice, CheckoutRequest(TEA))
    services.orders.cancel(alice, unpaid.number)
    sold = sell(services, clerk, customer="alice")
    services.orders.refund(manager, sold.number, lines={"MUG": 1}, to_credit=True)
    report = services.admin.verify(manager)
    assert report.ok, report.problems
