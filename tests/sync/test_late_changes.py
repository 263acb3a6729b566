"""A change that reaches a replica after later ones (its till was offline) is folded into its
place by stamp, not applied on top: the order is re-folded from all its changes, and what the
machine allowed or refused is decided again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from tests.helpers import sell
from tests.sync.apart import HOUR_MS, attention, clock_of, conflicts, order_at, shop_of
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def trio(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 3) as tills:
        yield tills


def _pickup(trio: list[Till]) -> str:
    one = trio[0]
    order = sell(one.services, one.login("clerk"), customer="alice", fulfilment=Fulfilment.PICKUP)
    sync_all(trio)
    return order.number


def test_an_earlier_move_pulled_late_lets_the_later_one_through(trio: list[Till]) -> None:
    """placed -> processing (early, offline) and placed -> ready (later, synced at once): the
    office first sees ready alone; when processing arrives it goes before it, and
    processing -> ready is allowed: no conflict, none left behind."""
    offline, shop_floor, office = trio
    number = _pickup(trio)
    clock_of(shop_floor, HOUR_MS)
    offline.services.orders.update_order(offline.login("manager"), number, status=OrderStatus.PROCESSING)
    shop_floor.services.orders.update_order(shop_floor.login("clerk"), number, note="on the shelf")
    shop_floor.services.orders.update_order(shop_floor.login("clerk"), number, status=OrderStatus.READY)
    sync_all([shop_floor, office])
    assert order_at(office, number).status is OrderStatus.READY
    offline.services.orders.update_order(offline.login("manager"), number, note="boxed")  # still early
    sync_all(trio)
    for till in trio:
        seen = order_at(till, number)
        assert (seen.status, seen.note, seen.version) == (OrderStatus.READY, "on the shelf", 5)
        assert conflicts(seen) == [] and attention(till, number) == ""
    assert_converged(trio)


def test_an_earlier_cancel_pulled_late_refuses_what_came_after_it(trio: list[Till]) -> None:
    """The office saw the order made ready (allowed then); the earlier cancel arrives late: the
    order is cancelled and the move to ready, after it now, is kept as not applied."""
    offline, shop_floor, office = trio
    number = _pickup(trio)
    clock_of(shop_floor, HOUR_MS)
    offline.services.orders.cancel(offline.login("manager"), number)
    shop_floor.services.orders.update_order(shop_floor.login("clerk"), number, status=OrderStatus.READY)
    sync_all([shop_floor, office])
    assert conflicts(order_at(office, number)) == [] and attention(office, number) == ""
    sync_all(trio)
    for till in trio:
        seen = order_at(till, number)
        assert seen.status is OrderStatus.CANCELLED and seen.refunded == seen.paid
        assert conflicts(seen) == ["not applied: ready by clerk while cancelled"]
        assert "not applied" in attention(till, number)
    assert_converged(trio)
