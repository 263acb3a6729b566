"""The status machine and the permission policy, as tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.errors import InvalidTransition, PermissionDenied
from pos_app.domain.orders import (
    INITIAL_STATUS,
    TRANSITIONS,
    UNSHIPPED,
    Fulfilment,
    OrderStatus,
    find_transition,
    next_statuses,
)
from pos_app.domain.policy import POLICY, Action, OrderFacts, denial, require
from pos_app.domain.users import Actor, Role

TERMINAL = {OrderStatus.DELIVERED, OrderStatus.COLLECTED, OrderStatus.COMPLETED, OrderStatus.CANCELLED}


@given(st.sampled_from(list(Fulfilment)), st.lists(st.integers(0, 10), max_size=8))
def test_random_walks_only_follow_the_table(fulfilment: Fulfilment, choices: list[int]) -> None:
    status = INITIAL_STATUS[fulfilment]
    for choice in choices:
        options = [t.target for t in TRANSITIONS if t.source is status and fulfilment in t.fulfilments]
        if not options:
            assert status in TERMINAL
            break
        target = options[choice % len(options)]
        assert find_transition(status, target, fulfilment).target is target
        status = target


@pytest.mark.parametrize("source", list(OrderStatus))
@pytest.mark.parametrize("target", list(OrderStatus))
def test_moves_not_in_the_table_are_refused(source: OrderStatus, target: OrderStatus) -> None:
    listed = any(t.source is source and t.target is target for t in TRANSITIONS)
    if not listed:
        with pytest.raises(InvalidTransition):
            find_transition(source, target, Fulfilment.DELIVERY)


def test_shipping_only_for_delivery_and_ready_only_for_pickup() -> None:
    with pytest.raises(InvalidTransition):
        find_transition(OrderStatus.PROCESSING, OrderStatus.SHIPPED, Fulfilment.PICKUP)
    with pytest.raises(InvalidTransition):
        find_transition(OrderStatus.PLACED, OrderStatus.READY, Fulfilment.DELIVERY)
    assert next_statuses(OrderStatus.PLACED, Fulfilment.DELIVERY, Role.CLERK) == [OrderStatus.PROCESSING]
    assert next_statuses(OrderStatus.PLACED, Fulfilment.DELIVERY, Role.CUSTOMER) == []


def test_in_store_sales_complete_at_once() -> None:
    assert INITIAL_STATUS[Fulfilment.IN_STORE] is OrderStatus.COMPLETED


ALICE = Actor("u1", "alice", Role.CUSTOMER, "c-alice")
CLERK = Actor("u2", "clerk", Role.CLERK)
MANAGER = Actor("u3", "manager", Role.MANAGER)


@pytest.mark.parametrize("action", list(Action))
def test_managers_may_do_everything(action: Action) -> None:
    assert denial(MANAGER, action, OrderFacts("c-bob", OrderStatus.SHIPPED)) is None


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(OrderStatus))
def test_customers_never_act_on_someone_elses_order(action: Action, status: OrderStatus) -> None:
    with pytest.raises(PermissionDenied):
        require(ALICE, action, OrderFacts("c-bob", status))


@pytest.mark.parametrize("status", list(OrderStatus))
def test_customers_edit_shipping_of_own_order_only_before_it_ships(status: OrderStatus) -> None:
    allowed = denial(ALICE, Action.EDIT_SHIPPING, OrderFacts("c-alice", status)) is None
    assert allowed == (status in UNSHIPPED)


def test_clerks_may_not_refund_or_manage_users() -> None:
    for action in (Action.REFUND, Action.MANAGE_USERS, Action.ADJUST_STOCK, Action.CANCEL):
        assert denial(CLERK, action) is not None
    assert set(POLICY) == set(Action)
