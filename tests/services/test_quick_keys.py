"""Quick keys: a manager sets them up (checked in the service), every till reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pos_app.config import resources_dir
from pos_app.domain.errors import NotFound, PermissionDenied
from pos_app.domain.quick_keys import QuickKey, QuickKeys, QuickPage
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.demo import seed_demo
from pos_app.store.schema import changes
from tests.conftest import FAST_HASHER

COUNTER = QuickKeys(
    (QuickPage("Counter", (QuickKey("Card", "CARD", "pink"), QuickKey("Tea", "TEA", "green"))),)
)


def test_a_manager_saves_keys_and_the_till_reads_them(services: Services, manager: Actor) -> None:
    assert services.quick_keys.current() == QuickKeys()
    assert services.quick_keys.save(manager, COUNTER) == COUNTER
    assert services.quick_keys.current() == COUNTER
    products = services.quick_keys.products(COUNTER.skus)
    assert {sku: p.price for sku, p in products.items()} == {"CARD": 199, "TEA": 255}


def test_a_clerk_may_not_change_them(services: Services, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        services.quick_keys.save(clerk, COUNTER)
    assert services.quick_keys.current() == QuickKeys()


def test_a_key_for_a_product_not_sold_is_refused(services: Services, manager: Actor) -> None:
    services.catalog.edit_product(manager, "CARD", active=False)
    with pytest.raises(NotFound, match="key “Card” on page “Counter”: no product with SKU CARD"):
        services.quick_keys.save(manager, COUNTER)
    bad = QuickKeys((QuickPage("Counter", (QuickKey("Bread", "BREAD"),)),))
    with pytest.raises(NotFound, match="SKU BREAD"):
        services.quick_keys.save(manager, bad)
    assert services.quick_keys.products({"CARD", "MUG"}).keys() == {"MUG"}


def test_keys_travel_as_a_setting_and_the_display_choice_stays_at_this_till(
    services: Services, manager: Actor
) -> None:
    services.quick_keys.save(manager, COUNTER)
    services.settings.update(manager, {"customer_display": "2"})
    services.settings.update(manager, {"store_name": "Corner Shop"})
    with services.db.read() as uow:
        logged = [
            row.entity_id
            for row in uow.conn.execute(select(changes.c.entity_id).where(changes.c.entity == "setting"))
        ]
    # Each save sends only what it changed: a later save of another setting never carries (and
    # so never undoes) keys another till saved meanwhile.
    assert logged.count("quick_keys") == 1 and logged.count("store_name") == 1
    assert "customer_display" not in logged and "till" not in logged


def test_the_demo_shop_has_quick_keys_for_its_counter(tmp_path: Path) -> None:
    services = Services.open(tmp_path / "demo.sqlite3", create=True, hasher=FAST_HASHER)
    try:
        seed_demo(services, resources_dir() / "demo_catalog.csv", orders=0)
        keys = services.quick_keys.current()
        assert [page.name for page in keys.pages] == ["Counter", "Mugs"]
        assert services.quick_keys.products(keys.skus).keys() == keys.skus  # every key sells
    finally:
        services.close()
