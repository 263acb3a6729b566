"""One order's view model: what it shows, what it allows, and its commands."""

from __future__ import annotations

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.policy import Action
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.viewmodels.order_detail import OrderDetailViewModel
from tests.gui import SessionFor, sell

pytestmark = pytest.mark.usefixtures("qapp")


class Recorder:
    def __init__(self, vm: OrderDetailViewModel) -> None:
        self.messages: list[str] = []
        self.saved: list[str] = []
        vm.message.connect(self.messages.append)
        vm.saved.connect(self.saved.append)


def open_vm(session_for: SessionFor, actor: Actor, ref: str) -> tuple[OrderDetailViewModel, Recorder]:
    vm = OrderDetailViewModel(session_for(actor))
    seen = Recorder(vm)
    vm.load(ref)
    return vm, seen


def test_a_manager_moves_a_delivery_through_its_statuses(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    vm, seen = open_vm(session_for, manager, order.number)
    assert vm.next_statuses == [OrderStatus.PROCESSING]
    for target in (OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        vm.set_status(target)
        assert vm.order is not None and vm.order.status is target
    assert vm.next_statuses == []
    assert seen.messages == []
    assert seen.saved[-1] == f"{order.number}: status set to delivered"
    assert [e.to_status for e in vm.order.events][-3:] == ["processing", "shipped", "delivered"]


def test_shipping_and_note_are_saved(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    vm, seen = open_vm(session_for, manager, order.id)
    vm.save_shipping("2 High St", "TRK123")
    vm.save_note("leave at the door")
    assert vm.order is not None
    assert (vm.order.ship_to, vm.order.tracking, vm.order.note) == (
        "2 High St",
        "TRK123",
        "leave at the door",
    )
    assert seen.messages == []


def test_a_stale_edit_is_refused_then_reloaded(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    vm, seen = open_vm(session_for, manager, order.number)
    services.orders.update_order(manager, order.number, note="changed elsewhere")
    vm.set_status(OrderStatus.PROCESSING)
    assert "changed by someone else" in seen.messages[0]
    assert vm.order is not None
    assert vm.order.status is OrderStatus.PLACED and vm.order.note == "changed elsewhere"
    vm.set_status(OrderStatus.PROCESSING)  # after the reload the same edit goes through
    assert vm.order.status is OrderStatus.PROCESSING


def test_refund_of_chosen_lines_then_the_rest(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk)
    vm, seen = open_vm(session_for, manager, order.number)
    vm.refund({"MUG": 1}, restock=False)
    assert vm.order is not None and vm.order.refunded == 400
    assert vm.order.status is OrderStatus.COMPLETED
    vm.refund()
    assert vm.order.status is OrderStatus.REFUNDED
    assert vm.reason(Action.REFUND) == "an order that is refunded has nothing to refund"
    assert seen.messages == []


def test_cancel_restocks(services: Services, clerk: Actor, manager: Actor, session_for: SessionFor) -> None:
    order = sell(services, clerk, "bob", Fulfilment.PICKUP)
    before = services.catalog.find("MUG").on_hand
    vm, _seen = open_vm(session_for, manager, order.number)
    vm.cancel(restock=True)
    assert vm.order is not None and vm.order.status is OrderStatus.CANCELLED
    assert services.catalog.find("MUG").on_hand == before + 2


def test_a_clerk_is_refused_a_refund_but_may_ask_a_manager(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk)
    vm, seen = open_vm(session_for, clerk, order.number)
    assert vm.reason(Action.REFUND) == "a clerk may not refund"
    assert vm.overridable(Action.REFUND)
    assert not vm.overridable(Action.CANCEL)  # a completed sale cannot be cancelled by anyone
    vm.refund()
    assert seen.messages == ["a clerk may not refund; a manager can approve it"]
    vm.refund(approval=Approval("manager", "manager123"))
    assert vm.order is not None and vm.order.status is OrderStatus.REFUNDED
    assert vm.order.events[-1].approver_name == "manager"


def test_a_customer_sees_own_order_and_not_another(
    services: Services, clerk: Actor, alice: Actor, session_for: SessionFor
) -> None:
    mine = sell(services, clerk, "alice", Fulfilment.DELIVERY)
    theirs = sell(services, clerk, "bob")
    vm, seen = open_vm(session_for, alice, mine.number)
    assert vm.order is not None and vm.order.id == mine.id
    assert vm.reason(Action.CANCEL) is None and vm.reason(Action.REFUND) is not None
    assert vm.next_statuses == []
    vm.load(theirs.number)
    assert seen.messages == [f"no order {theirs.number}"]
    assert vm.order.id == mine.id  # what was shown stays
