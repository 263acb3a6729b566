"""A product's category travels like its other columns: set at one till it reaches the others,
and a category set at one till and a price at another while apart both stand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.apart import HOUR_MS, clock_of, shop_of
from tests.sync.conftest import PgServer
from tests.sync.shop import Till, assert_converged, sync_all


@pytest.fixture
def trio(pg_server: PgServer, tmp_path: Path) -> Iterator[list[Till]]:
    with shop_of(pg_server, tmp_path, 3, prefix="K") as tills:
        yield tills


def test_a_category_set_at_one_till_reaches_the_others(trio: list[Till]) -> None:
    one, _two, _three = trio
    one.services.catalog.edit_product(one.login("manager"), "MUG", category="Kitchen")
    sync_all(trio)
    assert {t.services.catalog.find("MUG").category for t in trio} == {"Kitchen"}
    assert_converged(trio)


def test_a_category_and_a_price_edited_apart_both_stand(trio: list[Till]) -> None:
    one, two, _three = trio
    clock_of(two, HOUR_MS)  # the later edit must not bring the old category back
    one.services.catalog.edit_product(one.login("manager"), "MUG", category="Kitchen")
    two.services.catalog.edit_product(two.login("manager"), "MUG", price=525)
    sync_all(trio)
    for till in trio:
        mug = till.services.catalog.find("MUG")
        assert (mug.category, mug.price) == ("Kitchen", 525)
    assert_converged(trio)
