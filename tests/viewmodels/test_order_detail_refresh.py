"""An open order shows a change made elsewhere: reloaded when its id is among the changed."""

from __future__ import annotations

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.order_detail import OrderDetailViewModel
from tests.gui import SessionFor, sell

pytestmark = pytest.mark.usefixtures("qapp")


def test_the_open_order_reloads_only_when_it_changed(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "alice", Fulfilment.DELIVERY)
    other = sell(services, clerk)
    vm = OrderDetailViewModel(session_for(manager))
    vm.load(order.number)
    loads: list[int] = []
    vm.changed.connect(lambda: loads.append(1))
    services.orders.update_order(manager, order.number, status=OrderStatus.PROCESSING)
    vm.refresh_orders({other.id})
    assert loads == [] and vm.order is not None and vm.order.status is OrderStatus.PLACED
    vm.refresh_orders({other.id, order.id})
    assert loads == [1] and vm.order.status is OrderStatus.PROCESSING
    assert OrderStatus.SHIPPED in vm.next_statuses  # what may be done follows the new status


def test_a_change_arriving_while_a_command_runs_reloads_after_it(
    services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "alice", Fulfilment.DELIVERY)
    vm = OrderDetailViewModel(session_for(manager))
    vm.load(order.number)
    as_read_by_the_command = services.orders.get_order(manager, order.number)
    vm._set_busy(True)  # a command of ours on its way, which read the order just before...
    services.orders.update_order(manager, order.number, tracking="TRK-1")  # ...this landed
    vm.refresh_orders({order.id})
    assert vm.order is not None and vm.order.tracking == ""  # not while the command runs
    vm._run(lambda: as_read_by_the_command, "noted")  # the command ends with what it read
    assert vm.order.tracking == "TRK-1"
