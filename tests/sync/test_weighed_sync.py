"""Goods sold by weight between tills: whether a product is sold by weight travels like its
other columns, a weighed line arrives as grams with its measure, its stock adds up in grams
everywhere, and grams refunded at two tills apart beyond what was sold flag the order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.variable_measure import SoldBy
from tests.helpers import sell
from tests.sync.apart import attention, order_at, shop_of, stock_matches_ledger
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def pair(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 2, prefix="W") as tills:
        one, _two = tills
        manager = one.login("manager")
        one.services.catalog.add_product(manager, "APPLES", "Apples", 400, 0, sold_by=SoldBy.WEIGHT)
        one.services.stock.receive(manager, "APPLES", 10_000)  # 10 kg
        sync_all(tills)
        yield tills


def test_a_weighed_sale_and_its_refunds_converge_in_grams(pair: list[Till]) -> None:
    one, two = pair
    assert two.services.catalog.find("APPLES").sold_by is SoldBy.WEIGHT
    order = sell(one.services, one.login("clerk"), lines=(CartLine("APPLES", 350, weighed=True),))
    sync_all(pair)
    # Both tills give back 300 g of the 350 g while they cannot see each other.
    one.services.orders.refund(one.login("manager"), order.number, lines={"APPLES": 300})
    two.services.orders.refund(two.login("manager"), order.number, lines={"APPLES": 300})
    sync_all(pair)
    for till in pair:
        line = order_at(till, order.number).lines[0]
        assert (line.qty, line.unit_price, line.total, line.measure) == (350, 400, 140, SoldBy.WEIGHT)
        assert line.refunded_qty == 600
        assert "refunded more APPLES than was sold" in attention(till, order.number)
        assert stock_matches_ledger(till)["APPLES"] == 10_000 - 350 + 300 + 300  # grams
    assert_converged(pair)


def test_switching_a_product_to_weight_travels(pair: list[Till]) -> None:
    one, two = pair
    manager = two.login("manager")
    two.services.catalog.add_product(manager, "NUTS", "Nuts", 900, 0)
    sync_all(pair)
    two.services.catalog.edit_product(manager, "NUTS", sold_by=SoldBy.WEIGHT, price=1500)
    sync_all(pair)
    nuts = one.services.catalog.find("NUTS")
    assert (nuts.sold_by, nuts.price) == (SoldBy.WEIGHT, 1500)
    assert_converged(pair)
