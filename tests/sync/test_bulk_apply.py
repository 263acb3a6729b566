"""Pulled records applied many at a time give the same replica as the same records applied one
at a time: the bulk path for orders, lines, facts and stock changes nothing but the speed.

No central store is needed: the records are read from the tills' own change logs and applied
with store.replica.apply_records, as a pull does."""

from __future__ import annotations

import random
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.store.replica import CHANGE_COLUMNS, Applied, apply_records
from pos_app.sync.link import TillIdentity
from pos_app.sync.setup import attach
from tests.conftest import CATALOG, FAST_HASHER
from tests.helpers import sell
from tests.sync.shop import new_code, normalized_dump

Record = dict[str, Any]


def new_till(folder: Path, code: str, *, first: bool) -> Services:
    services = Services.open(folder / f"{code}.sqlite3", create=True, hasher=FAST_HASHER)
    if first:
        services.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
        manager = services.auth.login("manager", "manager123")
        services.auth.add_user(manager, "clerk", Role.CLERK, "clerk123", "1111")
        services.auth.add_user(manager, "alice", Role.CUSTOMER, "alice123")
        catalog = folder / f"{code}-catalog.csv"
        catalog.write_text(CATALOG)
        services.catalog.import_csv(manager, catalog)
    attach(services.db, TillIdentity(code, "Bulk shop", f"role_{code.lower()}", "centre"))
    return services


def records_of(services: Services) -> list[Record]:
    """The till's own records, in its order, as a pull hands them over."""
    with closing(sqlite3.connect(services.db.path)) as conn:
        conn.row_factory = sqlite3.Row
        device = conn.execute("SELECT value FROM settings WHERE key = 'till'").fetchone()[0]
        rows = conn.execute(
            f"SELECT {', '.join(CHANGE_COLUMNS)} FROM changes WHERE device = ? ORDER BY device_seq", (device,)
        ).fetchall()
    return [{**dict(row), "created_at": "2026-11-25T12:00:00.000000Z"} for row in rows]


def apply(services: Services, records: list[Record], size: int) -> Applied:
    """The records applied in write transactions of `size` records each."""
    applied = Applied()
    for start in range(0, len(records), size):
        with services.db.write("the changes from the other tills") as uow:
            applied.merge(apply_records(uow.conn, records[start : start + size], services.db.clock))
    return applied


def replica(folder: Path, records: list[Record], size: int) -> tuple[dict[str, Any], Applied]:
    services = Services.open(folder / f"replica-{uuid.uuid4().hex[:8]}.sqlite3", create=True)
    try:
        applied = apply(services, records, size)
        return normalized_dump(services.db.path), applied
    finally:
        services.close()


def busy_shop(folder: Path) -> list[Record]:
    """Two tills: sales, a refund, a delivery moved on, a cancel, stock received, store credit,
    a product edited; the second till's records arrive after the first's, as from the centre."""
    one = new_till(folder, new_code("B"), first=True)
    manager = one.auth.login("manager", "manager123")
    clerk = one.auth.login("clerk", "clerk123")
    kept = sell(one, clerk)
    sell(one, clerk, lines=(CartLine("TEA", 2),), cash=1000)
    delivery = sell(one, clerk, customer="alice", fulfilment=Fulfilment.DELIVERY)
    one.orders.refund(manager, kept.number, lines={"MUG": 1})
    one.orders.update_order(manager, delivery.number, status=OrderStatus.PROCESSING, tracking="T-1")
    one.stock.receive(manager, "CARD", 7, "delivery")
    one.catalog.edit_product(manager, "TEA", price=300)
    first = records_of(one)
    two = new_till(folder, new_code("B"), first=False)
    apply(two, first, 1000)
    manager2 = two.auth.login("manager", "manager123")
    clerk2 = two.auth.login("clerk", "clerk123")
    sell(two, clerk2, lines=(CartLine("MUG", 1), CartLine("CARD", 2)))
    cancelled = sell(two, clerk2, customer="alice", fulfilment=Fulfilment.PICKUP)
    two.orders.cancel(manager2, cancelled.number, to_credit=True)
    two.orders.refund(manager2, kept.number, lines={"TEA": 1})  # the first till's order
    two.credit.give(manager2, "alice", 250, "goodwill")
    records = first + records_of(two)
    one.close()
    two.close()
    return records


def test_a_busy_shop_applied_at_once_equals_one_record_at_a_time(tmp_path: Path) -> None:
    records = busy_shop(tmp_path)
    one_by_one, applied_one = replica(tmp_path, records, 1)
    at_once, applied_all = replica(tmp_path, records, len(records))
    in_threes, _ = replica(tmp_path, records, 3)
    assert at_once == one_by_one
    assert in_threes == one_by_one
    assert applied_all.new == applied_one.new == len(records)
    assert applied_all.orders == applied_one.orders and applied_all.flagged == applied_one.flagged
    assert applied_all.products == applied_one.products
    assert applied_all.customers == applied_one.customers
    assert len(at_once["orders"]) == 5 and len(at_once["credit_movements"]) == 2


def test_records_in_any_order_within_a_batch_give_the_same_replica(tmp_path: Path) -> None:
    records = busy_shop(tmp_path)
    expected, _ = replica(tmp_path, records, 1)
    shuffled = list(records)
    random.Random(5).shuffle(shuffled)
    got, _ = replica(tmp_path, shuffled, len(shuffled))
    assert got == expected


def test_orders_numbered_alike_apart_are_set_apart_the_same_way_in_bulk(tmp_path: Path) -> None:
    # Two tills set up apart both sold under one code before they were linked: same order
    # numbers (and same SKUs and log-in names) from different rows.
    code = new_code("B")
    one = new_till(tmp_path, code, first=True)
    other = Services.open(tmp_path / "other.sqlite3", create=True, hasher=FAST_HASHER)
    with other.db.write() as uow:
        uow.settings.put({"till": code})
    other.auth.add_user(None, "manager", Role.MANAGER, "manager123", "1234")
    catalog = tmp_path / "other.csv"
    catalog.write_text(CATALOG)
    other.catalog.import_csv(other.auth.login("manager", "manager123"), catalog)
    for till in (one, other):
        for _ in range(3):
            sell(till, till.auth.login("manager", "manager123"), lines=(CartLine("MUG", 1),))
    attach(other.db, TillIdentity(new_code("B"), "Bulk shop", "role", "centre"))  # its records renamed
    records = records_of(one) + records_of(other)
    one.close()
    other.close()
    one_by_one, applied_one = replica(tmp_path, records, 1)
    at_once, applied_all = replica(tmp_path, records, len(records))
    backwards, _ = replica(tmp_path, records[::-1], len(records))
    assert at_once == one_by_one == backwards
    numbers = sorted(row[1] for row in at_once["orders"])
    assert len(numbers) == 6 and len(set(numbers)) == 6
    assert sum("~" in n for n in numbers) == 3  # the later of each pair gave way
    assert applied_all.orders == applied_one.orders


def test_a_record_already_held_or_repeating_a_device_and_sequence_is_skipped(tmp_path: Path) -> None:
    records = busy_shop(tmp_path)
    placed = next(r for r in records if r["kind"] == "placed")
    impostor = {**placed, "id": str(uuid.uuid4())}  # another id, the same device and sequence
    expected, _ = replica(tmp_path, records, len(records))
    got, applied = replica(tmp_path, [*records, impostor, *records[:5]], len(records) + 6)
    assert got == expected
    assert applied.new == len(records)


@pytest.mark.parametrize("size", [1, 1000])
def test_applying_again_changes_nothing(tmp_path: Path, size: int) -> None:
    records = busy_shop(tmp_path)
    services = Services.open(tmp_path / "again.sqlite3", create=True)
    try:
        apply(services, records, size)
        once = normalized_dump(services.db.path)
        again = apply(services, records, size)
        assert again.new == 0 and not again.orders
        assert normalized_dump(services.db.path) == once
    finally:
        services.close()
