"""The last unit sold at two tills that could not see each other: both sales stand (the
customers walked out with the goods), stock is a sum of movements and goes to -1 on every
replica. The shortfall is the stock's, not either order's: the stock report shows it short at
every till, and the next count puts it right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import OrderStatus
from tests.helpers import sell
from tests.sync.apart import attention, order_at, shop_of, stock_matches_ledger
from tests.sync.conftest import PgServer
from tests.sync.helpers import run
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def trio(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 3) as tills:
        yield tills


def test_the_last_unit_sold_at_two_tills(
    trio: list[Till], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two, office = trio
    office.services.stock.adjust(office.login("manager"), "MUG", -9, "counted: one left")
    sync_all(trio)
    assert {stock_matches_ledger(t)["MUG"] for t in trio} == {1}
    first = sell(one.services, one.login("clerk"), lines=(CartLine("MUG", 1),))
    second = sell(two.services, two.login("clerk"), lines=(CartLine("MUG", 1),))
    sync_all(trio)
    for till in trio:
        mug = till.services.stock.levels(till.login("manager"), "MUG")[0]
        assert (mug.on_hand, mug.ledger_sum, mug.short) == (-1, -1, True)
        for number in (first.number, second.number):
            sold = order_at(till, number)
            assert sold.status is OrderStatus.COMPLETED and attention(till, number) == ""
    # What the manager reads in the stock report at any till.
    monkeypatch.setenv("POS_APP_PASSWORD", "manager123")
    shown = run(capsys, "--db", str(office.path), "--user", "manager", "stock", "show", "MUG")
    assert shown.code == 0 and "-1" in shown.out and "short" in shown.out
    assert_converged(trio)
    # The count that follows puts it right everywhere.
    two.services.stock.adjust(two.login("manager"), "MUG", 1, "counted: none left")
    sync_all(trio)
    for till in trio:
        mug = till.services.stock.levels(till.login("manager"), "MUG")[0]
        assert (mug.on_hand, mug.short) == (0, False)
    assert_converged(trio)


def test_stock_moved_at_every_till_adds_up(trio: list[Till]) -> None:
    one, two, office = trio
    office.services.stock.receive(office.login("manager"), "TEA", 24, "delivery 1")
    one.services.stock.adjust(one.login("manager"), "TEA", -2, "broken")
    sell(two.services, two.login("clerk"), lines=(CartLine("TEA", 5),))
    order = sell(one.services, one.login("clerk"), lines=(CartLine("TEA", 3),))
    sync_all(trio)
    office.services.orders.refund(office.login("manager"), order.number, lines={"TEA": 1})
    sync_all(trio)
    for till in trio:
        assert stock_matches_ledger(till)["TEA"] == 20 + 24 - 2 - 5 - 3 + 1
    assert_converged(trio)
