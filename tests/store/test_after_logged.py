"""Listeners told after a write that logged change records (the sync worker wakes there)."""

from __future__ import annotations

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.helpers import sell


def test_a_sale_and_an_order_edit_tell_the_listeners_a_read_does_not(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    told: list[int] = []
    services.db.after_logged.append(lambda: told.append(1))
    order = sell(services, clerk, "alice", Fulfilment.DELIVERY)
    assert told == [1]
    services.orders.update_order(manager, order.number, status=OrderStatus.PROCESSING)
    assert told == [1, 1]
    services.orders.get_order(manager, order.number)
    services.orders.list_orders(manager)
    assert told == [1, 1]


def test_a_write_that_fails_tells_nobody(services: Services, manager: Actor) -> None:
    told: list[int] = []
    services.db.after_logged.append(lambda: told.append(1))
    with pytest.raises(RuntimeError), services.db.write() as uow:
        uow.log.touched("product", [uow.conn.exec_driver_sql("SELECT min(id) FROM products").scalar_one()])
        raise RuntimeError("rolled back")
    assert told == []
