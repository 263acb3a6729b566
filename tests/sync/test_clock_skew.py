"""Tills whose clocks are hours apart: what one till did keeps its order (its changes to an order
apply in the order it made them), a change made after seeing another till's sorts after it
whatever the clocks say, and nothing is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from tests.helpers import sell
from tests.sync.apart import HOUR_MS, attention, clock_of, conflicts, order_at, shop_of, stock_matches_ledger
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def trio(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 3) as tills:
        yield tills


@pytest.mark.parametrize("skew_hours", [-5, 7])
def test_a_tills_own_changes_to_an_order_apply_in_its_order(trio: list[Till], skew_hours: int) -> None:
    slow, office, _other = trio
    clock = clock_of(slow, skew_hours * HOUR_MS)
    clock_of(office, -skew_hours * HOUR_MS)
    order = sell(slow.services, slow.login("clerk"), customer="alice", fulfilment=Fulfilment.DELIVERY)
    manager = slow.login("manager")
    number = order.number
    # A whole life apart, the till's clock jumping back an hour between two of its changes.
    slow.services.orders.update_order(manager, number, status=OrderStatus.PROCESSING, note="packing")
    clock.offset_ms -= HOUR_MS
    slow.services.orders.update_order(manager, number, status=OrderStatus.SHIPPED, tracking="TRK-9")
    slow.services.orders.update_order(manager, number, note="left the shop")
    clock.offset_ms -= 3 * HOUR_MS
    slow.services.orders.update_order(manager, number, status=OrderStatus.DELIVERED, note="signed for")
    sync_all(trio)
    for till in trio:
        seen = order_at(till, number)
        assert (seen.status, seen.tracking, seen.note) == (OrderStatus.DELIVERED, "TRK-9", "signed for")
        assert conflicts(seen) == [] and attention(till, number) == "" and seen.version == 5
        moves = [(e.from_status, e.to_status) for e in seen.events if e.action == "status"]
        assert moves == [("placed", "processing"), ("processing", "shipped"), ("shipped", "delivered")]
    assert_converged(trio)


def test_a_change_made_after_seeing_another_sorts_after_it_whatever_the_clocks(trio: list[Till]) -> None:
    """The office runs hours ahead, the till hours behind: the till's edit made after it
    pulled the office's is still the later one everywhere (hybrid clock, not wall time)."""
    behind, ahead, _other = trio
    clock_of(behind, -6 * HOUR_MS)
    clock_of(ahead, 6 * HOUR_MS)
    order = sell(behind.services, behind.login("clerk"), customer="alice", fulfilment=Fulfilment.PICKUP)
    sync_all(trio)
    ahead.services.orders.update_order(ahead.login("manager"), order.number, note="from the office")
    ahead.services.catalog.edit_product(ahead.login("manager"), "MUG", price=450)
    sync_all(trio)
    behind.services.orders.update_order(behind.login("manager"), order.number, note="from the till")
    behind.services.orders.update_order(behind.login("clerk"), order.number, status=OrderStatus.READY)
    behind.services.catalog.edit_product(behind.login("manager"), "MUG", price=475)
    sync_all(trio)
    for till in trio:
        seen = order_at(till, order.number)
        assert (seen.note, seen.status) == ("from the till", OrderStatus.READY)
        assert till.services.catalog.find("MUG").price == 475
    assert_converged(trio)


def test_nothing_is_lost_between_tills_hours_apart(trio: list[Till]) -> None:
    behind, ahead, other = trio
    clock_of(behind, -9 * HOUR_MS)
    clock_of(ahead, 9 * HOUR_MS)
    numbers = []
    for till in (behind, ahead, other, behind, ahead):
        numbers.append(sell(till.services, till.login("clerk")).number)
        till.services.stock.receive(till.login("manager"), "TEA", 3)
    ahead.services.orders.refund(ahead.login("manager"), numbers[1], lines={"MUG": 1})
    behind.services.orders.refund(behind.login("manager"), numbers[0], lines={"TEA": 1})
    sync_all(trio)
    for till in trio:
        levels = stock_matches_ledger(till)
        assert levels["MUG"] == 10 - 5 * 2 + 1 and levels["TEA"] == 20 - 5 + 5 * 3 + 1
        for number in numbers:
            order_at(till, number)
    assert_converged(trio)
