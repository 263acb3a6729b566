"""Orders flagged by a real sync conflict are what the "needs attention" filter lists, at every
till; an ordinary refund made at another till is no conflict."""

from __future__ import annotations

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.services.orders import OrderQuery
from tests.helpers import sell
from tests.sync.shop import Till, sync_all


def flagged(till: Till) -> list[tuple[str, str]]:
    page = till.services.orders.list_orders(till.login("manager"), OrderQuery(attention=True))
    return [(row.number, row.attention) for row in page.rows]


def test_a_status_move_refused_by_the_fold_is_listed_as_needing_attention_everywhere(
    two_tills: tuple[Till, Till],
) -> None:
    one, two = two_tills
    order = sell(one.services, one.login("clerk"), "alice", Fulfilment.DELIVERY)
    sell(one.services, one.login("clerk"), "alice", Fulfilment.DELIVERY)  # not in conflict
    sync_all([one, two])
    one.services.orders.cancel(one.login("manager"), order.number)  # apart: first the cancel,
    two.services.orders.update_order(two.login("manager"), order.number, status=OrderStatus.PROCESSING)
    sync_all([one, two])
    for till in (one, two):
        ((number, reason),) = flagged(till)
        assert number == order.number and reason.startswith("not applied: processing by manager")
        shown = till.services.orders.get_order(till.login("manager"), order.number)
        assert shown.status is OrderStatus.CANCELLED and shown.attention == reason


def test_a_cash_sale_with_change_refunded_at_another_till_needs_no_attention(
    two_tills: tuple[Till, Till],
) -> None:
    one, two = two_tills
    order = sell(one.services, one.login("clerk"), lines=(CartLine("TEA", 1),), cash=500)
    assert order.change_given > 0
    sync_all([one, two])
    two.services.orders.refund(two.login("manager"), order.number)
    sync_all([one, two])
    assert flagged(one) == [] and flagged(two) == []
    assert one.services.orders.get_order(one.login("manager"), order.number).status is OrderStatus.REFUNDED
