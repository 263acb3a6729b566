"""Three tills selling, refunding, editing and moving stock apart, then syncing: every replica
holds the same orders, histories and stock (full normalized dumps, not counts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment, OrderStatus
from tests.helpers import sell
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, open_till, sync_all


@pytest.fixture
def centre(pg_server: PgServer) -> str:
    from pos_app.sync import central

    owner = pg_server.new_database()
    central.init(owner, "High Street")
    return owner


@pytest.fixture
def shop(centre: str, tmp_path: Path) -> Iterator[list[Till]]:
    first = open_till(centre, tmp_path, first=True)
    first.sync()
    others = [open_till(centre, tmp_path) for _ in range(2)]
    for till in others:
        till.sync()
    tills = [first, *others]
    yield tills
    for till in tills:
        till.services.close()


def test_a_new_till_made_from_the_centre_has_the_users_and_the_catalogue(shop: list[Till]) -> None:
    _first, second, _third = shop
    clerk = second.login("clerk")  # the log-in made at the first till works here
    assert clerk.name == "clerk"
    levels = {level.sku: level.on_hand for level in second.services.stock.levels(clerk)}
    assert levels == {"MUG": 10, "TEA": 20, "CARD": 5}
    assert_converged(shop)


def test_sales_refunds_and_edits_made_apart_converge(shop: list[Till]) -> None:
    one, two, three = shop
    order = sell(one.services, one.login("clerk"))
    sell(two.services, two.login("clerk"), lines=(CartLine("MUG", 1),))
    sync_all(shop)
    # Apart again: a refund at the third till, a delivery order edited at the first.
    three.services.orders.refund(three.login("manager"), order.number, lines={"MUG": 1})
    delivery = sell(one.services, one.login("clerk"), customer="alice", fulfilment=Fulfilment.DELIVERY)
    two.services.stock.receive(two.login("manager"), "TEA", 12, "delivery")
    sync_all(shop)
    one.services.orders.update_order(one.login("manager"), delivery.number, status=OrderStatus.PROCESSING)
    sync_all(shop)
    seen = three.services.orders.get_order(three.login("manager"), delivery.number)
    assert seen.status is OrderStatus.PROCESSING
    refunded = one.services.orders.get_order(one.login("manager"), order.number)
    assert refunded.refunded > 0 and any(e.action == "refund" for e in refunded.events)
    levels = {lv.sku: lv.on_hand for lv in two.services.stock.levels(two.login("manager"))}
    assert levels["MUG"] == 10 - 2 - 1 + 1 - 2 and levels["TEA"] == 20 - 1 + 12 - 1
    assert_converged(shop)
