"""A manager marks what sync flagged as looked at: the flag goes on every till, and the
history says who looked at what (tests/domain/test_order_fold_attention.py: a new reason
flags it again)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput, PermissionDenied
from pos_app.domain.orders import Fulfilment, OrderStatus
from tests.helpers import sell
from tests.sync.apart import HOUR_MS, attention, clock_of, order_at, shop_of
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def pair(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 2) as tills:
        yield tills


def _flagged(till: Till, office: Till) -> str:
    """Shipped at the till while the back office cancelled: a refused move, flagged."""
    order = sell(till.services, till.login("clerk"), customer="alice", fulfilment=Fulfilment.DELIVERY)
    till.services.orders.update_order(till.login("manager"), order.number, status=OrderStatus.PROCESSING)
    sync_all([till, office])
    clock_of(office, HOUR_MS)
    till.services.orders.update_order(till.login("clerk"), order.number, status=OrderStatus.SHIPPED)
    office.services.orders.cancel(office.login("manager"), order.number)
    sync_all([till, office])
    assert attention(till, order.number) and attention(office, order.number)
    return order.number


def test_looked_at_in_the_back_office_clears_the_flag_on_every_till(pair: list[Till]) -> None:
    till, office = pair
    number = _flagged(till, office)
    with pytest.raises(PermissionDenied):
        till.services.orders.resolve_attention(till.login("clerk"), number)

    seen = office.services.orders.resolve_attention(office.login("manager"), number)
    assert seen.attention == ""
    sync_all([till, office])

    for replica in pair:
        assert attention(replica, number) == ""
        order = order_at(replica, number)
        looked = [e for e in order.events if e.action == "looked at"]
        assert [(e.user_name, e.detail.startswith("not applied")) for e in looked] == [("manager", True)]
    assert_converged(pair)
    with pytest.raises(InvalidInput, match="needs no attention"):
        office.services.orders.resolve_attention(office.login("manager"), number)
