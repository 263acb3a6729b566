"""Tills that work apart and then sync, for the hard cases: a shop of N tills on one centre,
wall clocks the tests set, and what a manager sees of an order at each till."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from pos_app.domain.records import OrderDetail
from pos_app.store.changelog import wall_ms
from pos_app.sync import central
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, new_code, open_till

HOUR_MS = 3_600_000
_centres: dict[str, str] = {}
_shops = itertools.count(1)


def shared_centre(server: PgServer) -> str:
    """One central database for all these tests (a database is slow to make and to drop); each
    test's tills are a shop of their own in it, and a till reads only its shop's records."""
    if server.prefix not in _centres:
        owner = server.new_database()
        central.init(owner, "Apart 0")
        _centres[server.prefix] = owner
    return _centres[server.prefix]


@contextmanager
def shop_of(server: PgServer, folder: Path, count: int, *, prefix: str = "C") -> Iterator[list[Till]]:
    """`count` tills of a new shop, all synced once: the first made the users and the catalogue."""
    owner = shared_centre(server)
    shop = f"Apart {next(_shops)}"
    central.init(owner, shop)
    first = open_till(owner, folder, first=True, code=new_code(prefix), shop=shop)
    tills = [first]
    try:
        first.sync()
        for _ in range(count - 1):
            till = open_till(owner, folder, code=new_code(prefix), shop=shop)
            tills.append(till)
            till.sync()
        yield tills
    finally:
        for till in tills:
            till.services.close()


class Clock:
    """A till's wall clock, `offset_ms` away from the real one (hours of skew), or held at
    `fixed_ms` when set: the change log stamps from it."""

    def __init__(self, offset_ms: int = 0) -> None:
        self.offset_ms = offset_ms
        self.fixed_ms: int | None = None

    def __call__(self) -> int:
        return self.fixed_ms if self.fixed_ms is not None else wall_ms() + self.offset_ms


def clock_of(till: Till, offset_ms: int = 0) -> Clock:
    clock = Clock(offset_ms)
    till.services.db.clock = clock
    return clock


def order_at(till: Till, number: str) -> OrderDetail:
    return till.services.orders.get_order(till.login("manager"), number)


def attention(till: Till, number: str) -> str:
    """The order's "needs a manager" reasons at this till (the sync status counts them)."""
    with closing(sqlite3.connect(f"file:{till.path}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT attention FROM orders WHERE number = ?", (number,)).fetchone()
    assert row is not None, f"{number} is not at {till.code}"
    return str(row[0])


def conflicts(order: OrderDetail) -> list[str]:
    """The history's entries for changes the status machine refused there."""
    return [e.detail for e in order.events if e.action == "conflict"]


def stock_matches_ledger(till: Till) -> dict[str, int]:
    """Every product's on-hand, checked against the sum of its ledger at this till."""
    levels = till.services.stock.levels(till.login("manager"))
    for level in levels:
        assert level.on_hand == level.ledger_sum, f"{level.sku} at {till.code}: {level}"
    return {level.sku: level.on_hand for level in levels}
