"""Money moved at two tills that could not see each other: every payment and refund stands on
every replica, and an order that gave back more than it took (or took more than was due) is
flagged for a manager, the same everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.records import OrderDetail
from tests.helpers import sell
from tests.sync.apart import attention, order_at, shop_of, stock_matches_ledger
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all

REFUNDED_MORE = "refunded more than was paid"


@pytest.fixture
def pair(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 2) as tills:
        yield tills


def _refunds(order: OrderDetail) -> list[int]:
    return sorted(p.amount for p in order.payments if p.kind == "refund")


def test_one_line_refunded_at_two_tills_both_stand_and_the_order_is_flagged(pair: list[Till]) -> None:
    one, two = pair
    order = sell(one.services, one.login("clerk"), lines=(CartLine("MUG", 1), CartLine("TEA", 1)))
    sync_all(pair)
    first = one.services.orders.refund(one.login("manager"), order.number, lines={"MUG": 1})
    second = two.services.orders.refund(two.login("manager"), order.number, lines={"MUG": 1})
    mug = first.refunded
    assert mug == second.refunded > 0
    sync_all(pair)
    for till in pair:
        seen = order_at(till, order.number)
        assert _refunds(seen) == [mug, mug]  # both money rows, at every till
        assert seen.refunded == 2 * mug > seen.paid
        assert seen.status is OrderStatus.COMPLETED  # the tea was never given back
        mug_line = next(line for line in seen.lines if line.sku == "MUG")
        assert (mug_line.refunded_qty, mug_line.refunded_amount) == (2, 2 * mug)
        flags = attention(till, order.number)
        assert REFUNDED_MORE in flags and "refunded more MUG than was sold" in flags
        assert stock_matches_ledger(till)["MUG"] == 10 - 1 + 2  # each refund restocked
    assert_converged(pair)


def test_a_whole_order_refunded_at_two_tills(pair: list[Till]) -> None:
    one, two = pair
    order = sell(one.services, one.login("clerk"), lines=(CartLine("MUG", 2),))
    sync_all(pair)
    one.services.orders.refund(one.login("manager"), order.number)
    two.services.orders.refund(two.login("manager"), order.number)
    sync_all(pair)
    for till in pair:
        seen = order_at(till, order.number)
        assert seen.status is OrderStatus.REFUNDED
        assert _refunds(seen) == [seen.paid, seen.paid] and seen.refunded == 2 * seen.paid
        assert REFUNDED_MORE in attention(till, order.number)
    assert_converged(pair)


def test_a_cash_sale_with_change_refunded_at_one_till_is_not_flagged(pair: list[Till]) -> None:
    """The change handed back is not money kept: a refund of all that was paid is no more."""
    one, two = pair
    order = sell(one.services, one.login("clerk"), cash=2000)
    assert order.change_given > 0
    sync_all(pair)
    two.services.orders.refund(two.login("manager"), order.number)
    sync_all(pair)
    for till in pair:
        seen = order_at(till, order.number)
        assert seen.status is OrderStatus.REFUNDED and seen.refunded == seen.paid
        assert attention(till, order.number) == ""
    assert_converged(pair)


def test_partial_refunds_of_different_lines_at_two_tills_add_up_without_a_flag(pair: list[Till]) -> None:
    one, two = pair
    order = sell(one.services, one.login("clerk"), lines=(CartLine("MUG", 2), CartLine("TEA", 3)))
    sync_all(pair)
    one.services.orders.refund(one.login("manager"), order.number, lines={"MUG": 1})
    two.services.orders.refund(two.login("manager"), order.number, lines={"TEA": 2})
    sync_all(pair)
    for till in pair:
        seen = order_at(till, order.number)
        assert len(_refunds(seen)) == 2 and seen.refunded == sum(_refunds(seen)) < seen.paid
        assert attention(till, order.number) == "" and seen.status is OrderStatus.COMPLETED
    assert_converged(pair)


def test_every_line_given_back_across_two_tills_makes_the_order_refunded(pair: list[Till]) -> None:
    """Each till refunded one line in full: neither saw the order wholly refunded, but every
    replica folds it so, as one till would have made it."""
    one, two = pair
    order = sell(one.services, one.login("clerk"), lines=(CartLine("MUG", 1), CartLine("TEA", 1)))
    sync_all(pair)
    one.services.orders.refund(one.login("manager"), order.number, lines={"MUG": 1})
    two.services.orders.refund(two.login("manager"), order.number, lines={"TEA": 1})
    sync_all(pair)
    for till in pair:
        seen = order_at(till, order.number)
        assert seen.refunded == seen.paid and attention(till, order.number) == ""
        assert seen.status is OrderStatus.REFUNDED
    assert_converged(pair)


def test_a_balance_taken_at_two_tills_is_kept_twice_and_flagged(pair: list[Till]) -> None:
    one, two = pair
    cart = Cart((CartLine("MUG", 1),), "alice", fulfilment=Fulfilment.PICKUP)
    order = one.services.checkout.checkout(one.login("alice"), CheckoutRequest(cart, ()))  # pays at pickup
    assert order.balance_due > 0
    sync_all(pair)
    due = order.balance_due
    one.services.orders.take_payment(
        one.login("clerk"), order.number, [Tender(PaymentMethod.CARD, due, "A1")]
    )
    two.services.orders.take_payment(two.login("clerk"), order.number, [Tender(PaymentMethod.CASH, due, "")])
    sync_all(pair)
    for till in pair:
        seen = order_at(till, order.number)
        assert sorted(p.method for p in seen.payments) == ["card", "cash"] and seen.paid == 2 * due
        assert "paid more than was due" in attention(till, order.number)
    assert_converged(pair)


def test_the_rest_refunded_after_a_line_was_refunded_twice(pair: list[Till]) -> None:
    """After the double refund is synced, one till gives back the tea: every line is back (one
    of them twice), so the order is refunded at that till too, not only where it is re-folded."""
    one, two = pair
    order = sell(one.services, one.login("clerk"), lines=(CartLine("MUG", 1), CartLine("TEA", 1)))
    sync_all(pair)
    one.services.orders.refund(one.login("manager"), order.number, lines={"MUG": 1})
    two.services.orders.refund(two.login("manager"), order.number, lines={"MUG": 1})
    sync_all(pair)
    done = one.services.orders.refund(one.login("manager"), order.number, lines={"TEA": 1})
    assert done.status is OrderStatus.REFUNDED
    sync_all(pair)
    for till in pair:
        assert order_at(till, order.number).status is OrderStatus.REFUNDED
        assert REFUNDED_MORE in attention(till, order.number)
    assert_converged(pair)
