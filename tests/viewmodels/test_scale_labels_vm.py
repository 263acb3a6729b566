"""Scale labels at the till's scan field: a line per label with its weight in kg and its price;
a wrong check digit or an unknown item code says so and leaves the cart as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.receipt import build_receipt
from pos_app.domain.receipt_text import receipt_text
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.open_cart import wait_for_writes
from tests.gui import SessionFor

BANANAS_450G = "2301234004504"  # weight label: item 01234, 450 g
BANANAS_1_2KG = "2301234012004"  # the same item, 1.200 kg
CHEESE_3_49 = "2805678003494"  # price label: item 05678, 3.49


@pytest.fixture
def vm(
    services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> CheckoutViewModel:
    services.catalog.add_product(
        manager, "BAN", "Bananas", 250, 0, barcode="2301234000001", track_stock=False
    )
    services.catalog.add_product(
        manager, "CHZ", "Cheddar", 1200, 0, barcode="2805678000004", track_stock=False
    )
    return CheckoutViewModel(session_for(clerk), tmp_path / "open_cart.json")


def test_each_label_is_a_line_with_its_weight_and_price(vm: CheckoutViewModel) -> None:
    assert vm.scan(BANANAS_450G)
    assert vm.message_text == "Bananas 0.450 kg: £1.13"
    assert vm.scan(BANANAS_1_2KG)  # the same product again: a line of its own, not a quantity of 2
    assert vm.scan(CHEESE_3_49)
    assert vm.scan("4006381333931")  # an ordinary product's barcode still scans
    rows = [vm.lines.row_at(n) for n in range(vm.lines.rowCount())]
    assert [(r.name, r.qty, r.total) for r in rows] == [
        ("Bananas 0.450 kg", 1, 113),
        ("Bananas 1.200 kg", 1, 300),
        ("Cheddar", 1, 349),
        ("Blue Mug", 1, 400),
    ]
    assert vm.totals.total == 1162


def test_a_wrong_check_digit_is_said_at_the_scan_field_and_changes_nothing(vm: CheckoutViewModel) -> None:
    vm.scan(CHEESE_3_49)
    assert not vm.scan("2301234004505")
    assert vm.message_is_error and "wrong check digit" in vm.message_text
    assert [line.sku for line in vm.cart.lines] == ["CHZ"]


def test_an_unknown_item_code_is_said_and_changes_nothing(vm: CheckoutViewModel) -> None:
    assert not vm.scan("2109999005008")
    assert vm.message_is_error and "item code" in vm.message_text
    assert vm.cart.lines == ()


def test_a_labelled_line_keeps_its_quantity_of_one(vm: CheckoutViewModel) -> None:
    vm.scan(BANANAS_450G)
    assert not vm.set_qty(0, 2)
    assert "one label at a time" in vm.message_text
    assert not vm.scan(f"3*{BANANAS_450G}")
    assert [line.qty for line in vm.cart.lines] == [1]


def test_the_open_sale_keeps_its_labels_on_disk(
    vm: CheckoutViewModel, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    vm.scan(BANANAS_450G)
    wait_for_writes()
    again = CheckoutViewModel(session_for(clerk), tmp_path / "open_cart.json")
    assert again.restore()
    assert again.cart.lines[0].label == BANANAS_450G and again.totals.total == 113


def test_the_receipt_shows_the_weight(vm: CheckoutViewModel, services: Services) -> None:
    vm.scan(BANANAS_450G)
    placed: list[Any] = []
    vm.finished.connect(placed.append)
    vm.checkout([Tender(PaymentMethod.CASH, 200)])
    assert len(placed) == 1
    html = receipt_text(build_receipt(placed[0], services.settings.current()), 48)
    assert "Bananas 0.450 kg" in html and "1.13" in html
