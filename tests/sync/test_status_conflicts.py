"""One order changed at a till and in the back office while they are apart: after syncing, in
either order, every replica shows the same status; the change the status machine refuses is
kept in the history as not applied and the order is flagged; the money moved stands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.sync import engine
from tests.helpers import sell
from tests.sync.apart import HOUR_MS, attention, clock_of, conflicts, order_at, shop_of, stock_matches_ledger
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def pair(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 2) as tills:
        yield tills


def _delivery_in_processing(till: Till, others: list[Till]) -> str:
    order = sell(till.services, till.login("clerk"), customer="alice", fulfilment=Fulfilment.DELIVERY)
    till.services.orders.update_order(till.login("manager"), order.number, status=OrderStatus.PROCESSING)
    sync_all([till, *others])
    return order.number


def _sync_in_order(first: Till, second: Till) -> None:
    first.sync()
    second.sync()
    sync_all([first, second])


@pytest.mark.parametrize("syncs_first", ["till", "office"])
@pytest.mark.parametrize("stamped_first", ["ship", "cancel"])
def test_shipped_at_a_till_while_cancelled_in_the_back_office(
    pair: list[Till], stamped_first: str, syncs_first: str
) -> None:
    till, office = pair
    number = _delivery_in_processing(till, [office])
    paid = order_at(till, number).paid
    stock_before = stock_matches_ledger(office)
    # Apart: whichever is stamped second runs an hour ahead, so the fold order is known.
    clock_of(office if stamped_first == "ship" else till, HOUR_MS)
    till.services.orders.update_order(
        till.login("clerk"), number, status=OrderStatus.SHIPPED, tracking="TRK-1"
    )
    office.services.orders.cancel(office.login("manager"), number)
    _sync_in_order(*((till, office) if syncs_first == "till" else (office, till)))

    if stamped_first == "ship":
        status, refused = OrderStatus.SHIPPED, "not applied: cancelled by manager while shipped"
    else:
        status, refused = OrderStatus.CANCELLED, "not applied: shipped by clerk while cancelled"
    for replica in pair:
        order = order_at(replica, number)
        assert order.status is status
        assert conflicts(order) == [refused]
        assert refused in attention(replica, number)
        # Both changes are in the history as they were made; the money of the cancel stands.
        made = [(e.action, e.to_status) for e in order.events]
        assert ("status", "shipped") in made and ("cancelled", "cancelled") in made
        assert order.refunded == paid and [p.kind for p in order.payments] == ["payment", "refund"]
        assert order.tracking == "TRK-1"
        assert stock_matches_ledger(replica) == {**stock_before, "MUG": 10, "TEA": 20}
    assert_converged(pair)


@pytest.mark.parametrize("stamped_first", ["till", "office"])
def test_two_status_moves_apart_go_through_the_machine_in_stamp_order(
    pair: list[Till], stamped_first: str
) -> None:
    """A pickup order made ready at the till while the back office starts processing it: the
    machine allows placed -> processing -> ready, but not ready -> processing."""
    till, office = pair
    order = sell(till.services, till.login("clerk"), customer="alice", fulfilment=Fulfilment.PICKUP)
    sync_all(pair)
    clock_of(office if stamped_first == "till" else till, HOUR_MS)
    till.services.orders.update_order(till.login("clerk"), order.number, status=OrderStatus.READY)
    office.services.orders.update_order(office.login("manager"), order.number, status=OrderStatus.PROCESSING)
    sync_all(pair)
    for replica in pair:
        seen = order_at(replica, order.number)
        if stamped_first == "office":
            assert seen.status is OrderStatus.READY and conflicts(seen) == []
            assert attention(replica, order.number) == ""
        else:
            assert seen.status is OrderStatus.READY
            assert conflicts(seen) == ["not applied: processing by manager while ready"]
        assert seen.version == 3  # both changes counted
    assert_converged(pair)


def test_a_flagged_order_is_counted_in_the_sync_status_everywhere(pair: list[Till]) -> None:
    """What `sync status` tells a manager at either till: one order needs them."""
    till, office = pair
    number = _delivery_in_processing(till, [office])
    clock_of(office, HOUR_MS)
    till.services.orders.update_order(till.login("clerk"), number, status=OrderStatus.SHIPPED)
    office.services.orders.cancel(office.login("manager"), number)
    sync_all(pair)
    for replica in pair:
        state = engine.status(replica.services.db, linked=True)
        assert state.flagged == 1 and state.waiting == 0
