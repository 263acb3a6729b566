"""What is edited at one till reaches the others: products, users, customers and the shop's
settings; an edit of one field at one till and of another field at another while apart both
stand (the latest stamp wins per field, not per row)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.errors import LoginFailed, PermissionDenied
from tests.helpers import sell
from tests.sync.apart import HOUR_MS, clock_of, order_at, shop_of
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def trio(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 3) as tills:
        yield tills


def test_a_price_edited_at_one_till_is_charged_at_the_others(trio: list[Till]) -> None:
    one, _two, three = trio
    one.services.catalog.edit_product(one.login("manager"), "MUG", price=525)
    sync_all(trio)
    order = sell(three.services, three.login("clerk"), lines=(CartLine("MUG", 2),))
    assert order.total == 1050
    sync_all(trio)
    assert {t.services.catalog.find("MUG").price for t in trio} == {525}
    assert_converged(trio)


def test_price_and_name_edited_at_two_tills_apart_both_stand(trio: list[Till]) -> None:
    one, two, _three = trio
    clock_of(two, HOUR_MS)  # the name edit is the later one: it must not bring the old price back
    one.services.catalog.edit_product(one.login("manager"), "MUG", price=525)
    two.services.catalog.edit_product(two.login("manager"), "MUG", name="Big Blue Mug")
    sync_all(trio)
    for till in trio:
        mug = till.services.catalog.find("MUG")
        assert (mug.price, mug.name) == (525, "Big Blue Mug")
    assert_converged(trio)


def test_a_user_deactivated_at_one_till_cannot_log_in_at_another(trio: list[Till]) -> None:
    one, two, _three = trio
    working = two.login("clerk")  # a session open at another till ends with the sync
    one.services.auth.set_active(one.login("manager"), "clerk", False)
    sync_all(trio)
    for till in trio:
        with pytest.raises(LoginFailed):
            till.login("clerk")
    with pytest.raises(PermissionDenied):
        sell(two.services, working)
    assert_converged(trio)


def test_a_deactivation_stands_against_a_later_pin_change_made_apart(trio: list[Till]) -> None:
    one, two, _three = trio
    clock_of(two, HOUR_MS)  # the PIN is set later: the row it carries says "active"
    one.services.auth.set_active(one.login("manager"), "clerk", False)
    two.services.auth.set_user_pin(two.login("manager"), "clerk", "4321")
    sync_all(trio)
    for till in trio:
        with pytest.raises(LoginFailed):
            till.login("clerk")
        with pytest.raises(LoginFailed):
            till.services.auth.login("clerk", "4321", pin=True)
    assert_converged(trio)


def test_a_customer_added_at_two_tills_under_one_name_is_kept_twice(trio: list[Till]) -> None:
    one, two, _three = trio
    dana_one = one.services.customers.add(one.login("manager"), "Dana Scully", phone="111")
    dana_two = two.services.customers.add(two.login("manager"), "Dana Scully", phone="222")
    sale = sell(two.services, two.login("clerk"), customer="Dana Scully", lines=(CartLine("TEA", 1),))
    sync_all(trio)
    first, later = sorted([dana_one, dana_two], key=lambda c: c.id)
    for till in trio:
        found = {c.id: c for c in till.services.customers.search(till.login("manager"), "Dana")}
        assert set(found) == {first.id, later.id}
        assert found[first.id].name == "Dana Scully"  # the first made keeps the name
        assert found[later.id].name == f"Dana Scully~{later.id[-6:]}"
        assert (found[dana_one.id].phone, found[dana_two.id].phone) == ("111", "222")
        assert order_at(till, sale.number).customer_id == dana_two.id
    assert_converged(trio)


def test_the_shop_name_changed_at_one_till_changes_everywhere(trio: list[Till]) -> None:
    one, _two, _three = trio
    one.services.settings.update(one.login("manager"), {"store_name": "High Street Goods"})
    sync_all(trio)
    for till in trio:
        till.services.settings.clock = lambda: 1e12  # not the cached copy: what is stored
        assert till.services.settings.current().store_name == "High Street Goods"
        assert till.services.settings.current().till == till.code  # a till keeps its own code
    assert_converged(trio)


def test_two_settings_changed_at_two_tills_apart_both_stand(trio: list[Till]) -> None:
    one, two, _three = trio
    clock_of(two, HOUR_MS)  # the footer is saved later, with every other setting as two saw it
    one.services.settings.update(one.login("manager"), {"store_name": "High Street Goods"})
    two.services.settings.update(two.login("manager"), {"receipt_footer": "See you soon"})
    sync_all(trio)
    for till in trio:
        till.services.settings.clock = lambda: 1e12
        now = till.services.settings.current()
        assert (now.store_name, now.receipt_footer) == ("High Street Goods", "See you soon")
    assert_converged(trio)
