"""What the sale screen takes off a sale before payment is recorded before it goes: a line
removed, a quantity lowered, the whole sale voided; a void that cannot be recorded leaves the
sale as it was and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.errors import DatabaseBusy
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.checkout import CheckoutViewModel
from tests.gui import SessionFor
from tests.helpers import raw

MUG_BARCODE = "4006381333931"
TEA_BARCODE = "5012345000008"


@pytest.fixture
def vm(session_for: SessionFor, clerk: Actor, tmp_path: Path) -> CheckoutViewModel:
    (tmp_path / "till").mkdir()
    return CheckoutViewModel(session_for(clerk), tmp_path / "till" / "open_cart.json")


def voids(path: Path) -> list[tuple[object, ...]]:
    with raw(path, read_only=True) as conn:
        return conn.execute(
            "SELECT kind, sku, qty, amount, user_name FROM voided_lines ORDER BY created_at, rowid"
        ).fetchall()


def test_each_way_of_taking_goods_off_is_recorded_with_what_it_came_to(
    vm: CheckoutViewModel, services: Services, clerk: Actor, db_path: Path
) -> None:
    services.cash.open(clerk, count_of_sum(1000))
    for code in ("5*" + MUG_BARCODE, TEA_BARCODE):
        assert vm.scan(code)
    assert vm.set_qty(0, 3)  # 5 mugs -> 3
    assert vm.change_qty(0, 1)  # raising a quantity takes nothing off
    assert vm.remove(1)  # the tea
    key = vm.key
    assert vm.clear()  # the 4 mugs left
    assert voids(db_path) == [
        ("qty", "MUG", 2, 800, "clerk"),
        ("line", "TEA", 1, 255, "clerk"),
        ("sale", "MUG", 4, 1600, "clerk"),
    ]
    with raw(db_path, read_only=True) as conn:
        assert {k for (k,) in conn.execute("SELECT sale_key FROM voided_lines")} == {key}
    facts = services.cash.x_report(clerk).facts
    assert (facts.voided_count, facts.voided_amount) == (3, 2655)


def test_a_sale_emptied_or_paid_records_nothing_more(vm: CheckoutViewModel, db_path: Path) -> None:
    assert vm.clear()  # nothing on the sale: nothing voided
    assert voids(db_path) == []


def test_a_void_that_cannot_be_recorded_keeps_the_sale(
    vm: CheckoutViewModel, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    assert vm.scan("2*" + MUG_BARCODE)

    def busy(*_args: object) -> int:
        raise DatabaseBusy("the database is busy: the record of the voided lines was not saved")

    monkeypatch.setattr(vm.services.voids, "record", busy)
    assert not vm.remove(0)
    assert vm.message_is_error and vm.message_text.startswith(
        "the line was not taken off: the database is busy"
    )
    assert not vm.set_qty(0, 1)
    assert not vm.clear()
    assert vm.message_text.startswith("the sale was not voided: the database is busy")
    assert [(line.sku, line.qty) for line in vm.cart.lines] == [("MUG", 2)]
    assert voids(db_path) == []
