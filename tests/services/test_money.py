"""No money that did not exist: customers place orders and staff take the money, refunds stop at
what was paid, store credit comes from a real balance, and a key is bound to its request."""

from __future__ import annotations

import json

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.errors import InvalidInput, InvalidTransition, KeyReused, PermissionDenied, StaleVersion
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.policy import Action
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.helpers import count, dump, raw, sell

MUG = Cart((CartLine("MUG", 1),))  # 4.00
TEA = Cart((CartLine("TEA", 1),))  # 2.55


def place(services: Services, who: Actor, cart: Cart = MUG, *tenders: Tender, key: str | None = None):  # type: ignore[no-untyped-def]
    return services.checkout.checkout(who, CheckoutRequest(cart, tuple(tenders), key))


# -- 1. customers never record payments ----------------------------------------------------


@pytest.mark.parametrize(
    "tender",
    [
        Tender(PaymentMethod.CARD, 400, "I-SAY-SO"),
        Tender(PaymentMethod.CASH, 500),
    ],
    ids=["card", "cash"],
)
def test_a_customer_cannot_pay_with_cash_or_a_card_reference(
    services: Services, alice: Actor, tender: Tender
) -> None:
    before = dump(services.db.path)
    with pytest.raises(
        InvalidInput, match="payments are taken by staff: place the order and pay at the counter"
    ):
        place(services, alice, MUG, tender)
    assert dump(services.db.path) == before


def test_a_customer_cannot_pay_with_store_credit_they_do_not_have(services: Services, alice: Actor) -> None:
    before = dump(services.db.path)
    with pytest.raises(InvalidInput, match=r"alice has 0\.00 of store credit; 4\.00 asked"):
        place(services, alice, MUG, Tender(PaymentMethod.STORE_CREDIT, 400, "VOUCHER-1"))
    assert dump(services.db.path) == before


def test_a_customers_own_checkout_places_an_order_awaiting_payment(
    services: Services, alice: Actor, manager: Actor
) -> None:
    order = place(services, alice)
    assert (order.status, order.paid, order.payments) == (OrderStatus.PLACED, 0, ())
    assert (order.balance_due, order.awaiting_payment) == (400, True)
    assert "awaiting payment of 4.00" in order.events[0].detail
    cancelled = services.orders.cancel(alice, order.number)
    # Nothing was paid, so nothing is given back.
    assert (cancelled.status, cancelled.refunded, cancelled.balance_due) == (OrderStatus.CANCELLED, 0, 0)
    assert [p for p in cancelled.payments if p.kind == "refund"] == []
    assert services.admin.verify(manager).ok


def test_a_staff_sale_is_paid_and_owes_nothing(services: Services, clerk: Actor) -> None:
    order = sell(services, clerk, cash=2000)
    assert (order.status, order.balance_due, order.awaiting_payment) == (OrderStatus.COMPLETED, 0, False)


# -- 2. staff take the payment -------------------------------------------------------------


def test_a_clerk_takes_cash_for_an_order_awaiting_it(
    services: Services, alice: Actor, clerk: Actor, manager: Actor
) -> None:
    services.settings.update(manager, {"cash_increment": "5"})
    order = place(services, alice, TEA)  # 2.55
    paid = services.orders.take_payment(clerk, order.number, [Tender(PaymentMethod.CASH, 500)])
    assert (paid.status, paid.balance_due) == (OrderStatus.COMPLETED, 0)
    assert (paid.paid, paid.cash_rounding, paid.change_given) == (255, 0, 245)
    [payment] = paid.payments
    assert (payment.method, payment.amount, payment.tendered, payment.change) == ("cash", 255, 500, 245)
    assert paid.events[-1].action == "payment" and paid.events[-1].to_status == "completed"
    with raw(services.db.path, read_only=True) as conn:
        kind, payload = conn.execute("SELECT kind, payload FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    entry = json.loads(payload)
    assert kind == "payment"
    assert (entry["v"], entry["number"], entry["user"]) == (2, order.number, "clerk")
    assert entry["payments"] == [["cash", 255, 500, 245, ""]]
    assert services.admin.verify(manager).ok


def test_cash_rounding_applies_to_the_balance(
    services: Services, alice: Actor, clerk: Actor, manager: Actor
) -> None:
    services.settings.update(manager, {"cash_increment": "5"})
    order = place(services, alice, TEA)  # 2.55 -> 2.55 in cash steps of 5
    tea2 = place(services, alice, Cart((CartLine("TEA", 1), CartLine("CARD", 1))))  # 4.54
    paid = services.orders.take_payment(clerk, tea2.number, [Tender(PaymentMethod.CASH, 1000)])
    assert (paid.paid, paid.cash_rounding, paid.change_given, paid.balance_due) == (455, 1, 545, 0)
    assert services.orders.get_order(clerk, order.number).balance_due == 255


def test_a_card_payment_needs_the_terminals_reference_and_keeps_it(
    services: Services, alice: Actor, clerk: Actor
) -> None:
    order = place(services, alice, Cart(MUG.lines, fulfilment=Fulfilment.PICKUP))
    with pytest.raises(InvalidInput, match="reference"):
        services.orders.take_payment(clerk, order.number, [Tender(PaymentMethod.CARD, 400)])
    paid = services.orders.take_payment(clerk, order.number, [Tender(PaymentMethod.CARD, 400, "T-77")])
    # A pickup order stays placed until it is collected; it just owes nothing now.
    assert (paid.status, paid.balance_due, paid.payments[0].reference) == (OrderStatus.PLACED, 0, "T-77")


def test_taking_payment_is_refused_when_nothing_is_owed_or_for_a_customer(
    services: Services, alice: Actor, clerk: Actor
) -> None:
    paid = sell(services, clerk, cash=2000)
    before = dump(services.db.path)
    with pytest.raises(InvalidInput, match="nothing left to pay"):
        services.orders.take_payment(clerk, paid.number, [Tender(PaymentMethod.CASH, 100)])
    unpaid = place(services, alice)
    before = dump(services.db.path)
    with pytest.raises(PermissionDenied):
        services.orders.take_payment(alice, unpaid.number, [Tender(PaymentMethod.CASH, 400)])
    with pytest.raises(InvalidInput, match="less than"):
        services.orders.take_payment(clerk, unpaid.number, [Tender(PaymentMethod.CASH, 300)])
    with pytest.raises(StaleVersion):
        services.orders.take_payment(
            clerk, unpaid.number, [Tender(PaymentMethod.CASH, 400)], expected_version=unpaid.version + 1
        )
    assert dump(services.db.path) == before


# -- 3. refunds never give back more than was paid -----------------------------------------


def test_refunds_of_a_partly_paid_order_stop_at_what_was_paid(
    services: Services, alice: Actor, manager: Actor
) -> None:
    services.credit.give(manager, "alice", 300, "goodwill")
    order = place(
        services,
        alice,
        Cart((CartLine("MUG", 1), CartLine("TEA", 1))),
        Tender(PaymentMethod.STORE_CREDIT, 300),
    )
    assert (order.paid, order.balance_due, order.status) == (300, 355, OrderStatus.PLACED)
    # Taking back the tea (2.55) leaves 4.00 owed against 3.00 paid: nothing goes back yet.
    after_tea = services.orders.refund(manager, order.number, lines={"TEA": 1})
    assert (after_tea.refunded, after_tea.balance_due) == (0, 100)
    # The mug too: the 3.00 paid goes back, to the credit it came from, and no more.
    after_all = services.orders.refund(manager, order.number)
    assert after_all.refunded == 300
    assert [(p.kind, p.method, p.amount) for p in after_all.payments if p.kind == "refund"] == [
        ("refund", "store_credit", 300)
    ]
    assert services.credit.account(manager, "alice").balance == 300
    assert services.admin.verify(manager).ok


def test_cash_rounding_is_not_given_back_as_money_never_paid(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    services.settings.update(manager, {"cash_increment": "5"})
    order = place(
        services, clerk, Cart((CartLine("TEA", 1), CartLine("CARD", 1))), Tender(PaymentMethod.CASH, 500)
    )
    assert (order.total, order.paid) == (454, 455)
    tea = services.orders.refund(manager, order.number, lines={"TEA": 1})
    assert tea.refunded == 255
    rest = services.orders.refund(manager, order.number)
    assert rest.refunded <= order.paid
    assert services.admin.verify(manager).ok


# -- 4. store credit from a real balance ---------------------------------------------------


def test_store_credit_is_spent_from_the_account_and_never_below_zero(
    services: Services, alice: Actor, manager: Actor, clerk: Actor
) -> None:
    services.credit.give(manager, "alice", 500, "goodwill")
    order = place(services, alice, MUG, Tender(PaymentMethod.STORE_CREDIT, 400, "ANY-TEXT"))
    assert (order.status, order.paid, order.balance_due) == (OrderStatus.COMPLETED, 400, 0)
    assert order.payments[0].reference == ""  # the typed reference is not trusted
    account = services.credit.account(clerk, "alice")
    assert account.balance == 100
    assert [(m.amount, m.reason) for m in account.movements] == [(-400, "sale"), (500, "manager")]
    with pytest.raises(InvalidInput, match=r"alice has 1\.00 of store credit; 2\.55 asked"):
        place(services, clerk, Cart(TEA.lines, customer="alice"), Tender(PaymentMethod.STORE_CREDIT, 255))
    with pytest.raises(InvalidInput, match="add the customer"):
        place(services, clerk, TEA, Tender(PaymentMethod.STORE_CREDIT, 100), Tender(PaymentMethod.CASH, 500))


def test_two_tills_cannot_spend_the_same_credit(
    services: Services, manager: Actor, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both tills saw enough credit before writing: the debit in the write decides."""
    services.credit.give(manager, "alice", 400, "goodwill")
    first = Cart(MUG.lines, customer="alice")
    place(services, clerk, first, Tender(PaymentMethod.STORE_CREDIT, 400))
    # The second till checked the balance before the first wrote (its read saw 4.00).
    monkeypatch.setattr("pos_app.services.checkout.check_credit", lambda *args: None)
    before = count(services.db.path, "orders")
    with pytest.raises(InvalidInput, match=r"alice has 0\.00 of store credit; 4\.00 asked"):
        place(services, clerk, first, Tender(PaymentMethod.STORE_CREDIT, 400))
    assert count(services.db.path, "orders") == before
    assert services.credit.account(manager, "alice").balance == 0


def test_refund_to_credit_is_for_managers_and_orders_with_a_customer(
    services: Services, manager: Actor, clerk: Actor, alice: Actor
) -> None:
    order = sell(services, clerk, customer="alice", cash=2000)
    with pytest.raises(PermissionDenied):
        services.orders.refund(clerk, order.number, to_credit=True)
    anonymous = sell(services, clerk, cash=2000)
    with pytest.raises(InvalidInput, match="no customer"):
        services.orders.refund(manager, anonymous.number, to_credit=True)
    refunded = services.orders.refund(manager, order.number, lines={"MUG": 1}, to_credit=True)
    assert [(p.method, p.amount) for p in refunded.payments if p.kind == "refund"] == [("store_credit", 400)]
    assert services.credit.account(manager, "alice").balance == 400
    with pytest.raises(PermissionDenied):
        services.credit.give(clerk, "alice", 100, "nice")
    assert services.admin.verify(manager).ok


# -- 5. only staff decide what goes back on the shelf --------------------------------------


def test_a_customer_cannot_cancel_without_restocking(
    services: Services, alice: Actor, manager: Actor
) -> None:
    order = place(services, alice)
    before = dump(services.db.path)
    with pytest.raises(PermissionDenied, match="only staff decide what goes back on the shelf"):
        services.orders.cancel(alice, order.number, restock=False)
    assert dump(services.db.path) == before
    assert services.orders.cancel(manager, order.number, restock=False).status is OrderStatus.CANCELLED


# -- 6. a checkout key is bound to its request ---------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        CheckoutRequest(Cart((CartLine("MUG", 2),)), (Tender(PaymentMethod.CASH, 1000),), "k"),
        CheckoutRequest(Cart((CartLine("TEA", 1),)), (Tender(PaymentMethod.CASH, 1000),), "k"),
        CheckoutRequest(Cart(MUG.lines, customer="bob"), (Tender(PaymentMethod.CASH, 1000),), "k"),
        CheckoutRequest(MUG, (Tender(PaymentMethod.CARD, 400, "R9"),), "k"),
        CheckoutRequest(Cart(MUG.lines, note="gift"), (Tender(PaymentMethod.CASH, 1000),), "k"),
    ],
    ids=["quantity", "lines", "customer", "payments", "note"],
)
def test_a_key_with_another_request_is_refused(
    services: Services, clerk: Actor, other: CheckoutRequest
) -> None:
    first = place(services, clerk, MUG, Tender(PaymentMethod.CASH, 1000), key="k")
    again = place(services, clerk, MUG, Tender(PaymentMethod.CASH, 1000), key="k")
    assert again.id == first.id
    before = dump(services.db.path)
    with pytest.raises(KeyReused, match="key already used for a different sale") as refused:
        services.checkout.checkout(clerk, other)
    assert refused.value.exit_code == 5 and refused.value.order_number == first.number
    assert dump(services.db.path) == before


def test_an_order_from_before_fingerprints_answers_its_key(services: Services, clerk: Actor) -> None:
    first = place(services, clerk, MUG, Tender(PaymentMethod.CASH, 1000), key="old")
    with raw(services.db.path) as conn:
        conn.execute("UPDATE orders SET checkout_fingerprint = NULL")
    assert place(services, clerk, TEA, Tender(PaymentMethod.CASH, 1000), key="old").id == first.id


def test_the_order_list_marks_a_sale_awaiting_payment_until_it_is_paid(
    services: Services, alice: Actor, clerk: Actor
) -> None:
    order = place(services, alice)
    [row] = services.orders.list_orders(clerk).rows
    assert row.payment_summary == "due"
    services.orders.take_payment(clerk, order.number, [Tender(PaymentMethod.CASH, 500)])
    [row] = services.orders.list_orders(clerk).rows
    assert row.payment_summary == "cash"


def test_an_unpaid_order_is_cancelled_not_refunded(services: Services, alice: Actor, manager: Actor) -> None:
    order = place(services, alice)
    assert services.orders.allowed_actions(manager, order)[Action.REFUND] == (
        f"nothing was paid for {order.number}: cancel it instead"
    )
    before = dump(services.db.path)
    with pytest.raises(InvalidTransition, match=r"nothing was paid for .*: cancel it instead"):
        services.orders.refund(manager, order.number)
    assert dump(services.db.path) == before
    assert services.orders.cancel(manager, order.number).status is OrderStatus.CANCELLED
