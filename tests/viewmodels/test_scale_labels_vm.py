"""Weighed goods at the till: a weight label is a line of its grams shown in kg at the price per
kg; a weight typed for a product sold by weight makes a line too, and F2 changes it; a price
label is one item at its price. Wrong input says so and leaves the cart as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.receipt import build_receipt
from pos_app.domain.receipt_text import receipt_text
from pos_app.domain.users import Actor
from pos_app.domain.variable_measure import SoldBy
from pos_app.services import Services
from pos_app.viewmodels.cart_model import QTY_COLUMN
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
    weight = SoldBy.WEIGHT
    services.catalog.add_product(
        manager, "BAN", "Bananas", 250, 0, barcode="2301234000001", track_stock=False, sold_by=weight
    )
    services.catalog.add_product(
        manager, "CHZ", "Cheddar", 1200, 0, barcode="2805678000004", track_stock=False
    )
    services.catalog.add_product(manager, "APPLES", "Apples", 400, 0, track_stock=False, sold_by=weight)
    return CheckoutViewModel(session_for(clerk), tmp_path / "open_cart.json")


def rows(vm: CheckoutViewModel) -> list[tuple[str, str, str, str]]:
    """Item, Qty, Price and Total as the cart table shows them."""
    model = vm.lines
    return [
        tuple(model.index(r, c).data() for c in (0, QTY_COLUMN, 3, 5))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def test_each_label_is_a_line_of_its_grams_at_the_price_per_kg(vm: CheckoutViewModel) -> None:
    assert vm.scan(BANANAS_450G)
    assert vm.message_text == "Bananas 0.450 kg: £1.13"
    assert vm.scan(BANANAS_1_2KG)  # the same product again: a line of its own
    assert vm.scan(CHEESE_3_49)
    assert vm.scan("4006381333931")  # an ordinary product's barcode still scans
    assert rows(vm) == [
        ("Bananas", "0.450 kg", "2.50/kg", "1.13"),
        ("Bananas", "1.200 kg", "2.50/kg", "3.00"),
        ("Cheddar", "1", "3.49", "3.49"),
        ("Blue Mug", "1", "4.00", "4.00"),
    ]
    assert [line.qty for line in vm.cart.lines] == [450, 1200, 1, 1]
    assert vm.totals.total == 1162 and vm.totals.items == 4  # a weighed item counts as one


def test_a_typed_weight_makes_a_line_and_f2_changes_it(vm: CheckoutViewModel) -> None:
    assert vm.scan("0.350*APPLES")
    assert vm.message_text == "Apples 0.350 kg: £1.40"
    assert vm.set_qty_text(0, "1.25")
    assert rows(vm) == [("Apples", "1.250 kg", "4.00/kg", "5.00")]
    assert vm.set_qty_text(0, "125g")
    assert vm.cart.lines[0].qty == 125 and vm.totals.total == 50
    # The table's own editor takes kg too.
    index = vm.lines.index(0, QTY_COLUMN)
    assert vm.lines.data(index, 2) == "0.125"  # Qt.EditRole
    assert vm.lines.setData(index, "0.9", 2) and vm.cart.lines[0].qty == 900


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("0", "a weight must be more than 0 kg"),
        ("-1", "is not a weight"),
        ("0.3505", "finer than a gram"),
        ("101", "100.000 kg"),
        ("1,5", "is not a weight"),
        ("lots", "is not a weight"),
    ],
)
def test_a_bad_weight_is_said_and_changes_nothing(vm: CheckoutViewModel, typed: str, said: str) -> None:
    vm.scan("0.350*APPLES")
    assert not vm.set_qty_text(0, typed)
    assert vm.message_is_error and said in vm.message_text
    assert vm.cart.lines[0].qty == 350


def test_a_weighed_product_without_a_weight_asks_for_one(vm: CheckoutViewModel) -> None:
    assert not vm.scan("APPLES")
    assert vm.message_text == (
        "Apples is sold by weight: scan its scale label, or type the weight first, e.g. 0.350*APPLES"
    )
    assert not vm.scan("0.5*MUG")  # a count is whole
    assert vm.cart.lines == ()
    vm.scan("0.350*APPLES")
    assert not vm.change_qty(0, 1)
    assert "press Qty (F2)" in vm.message_text and vm.cart.lines[0].qty == 350


def test_a_wrong_check_digit_is_said_at_the_scan_field_and_changes_nothing(vm: CheckoutViewModel) -> None:
    vm.scan(CHEESE_3_49)
    assert not vm.scan("2301234004505")
    assert vm.message_is_error and "wrong check digit" in vm.message_text
    assert [line.sku for line in vm.cart.lines] == ["CHZ"]


def test_an_unknown_item_code_is_said_and_changes_nothing(vm: CheckoutViewModel) -> None:
    assert not vm.scan("2109999005008")
    assert vm.message_is_error and "item code" in vm.message_text
    assert vm.cart.lines == ()


def test_a_labels_weight_cannot_be_changed_at_the_till(vm: CheckoutViewModel) -> None:
    vm.scan(BANANAS_450G)
    assert not vm.set_qty_text(0, "2")
    assert "on its label" in vm.message_text
    assert not vm.scan(f"3*{BANANAS_450G}")
    assert [line.qty for line in vm.cart.lines] == [450]


def test_the_open_sale_keeps_its_labels_and_weights_on_disk(
    vm: CheckoutViewModel, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    vm.scan(BANANAS_450G)
    vm.scan("0.350*APPLES")
    wait_for_writes()
    again = CheckoutViewModel(session_for(clerk), tmp_path / "open_cart.json")
    assert again.restore()
    assert again.cart.lines[0].label == BANANAS_450G and again.cart.lines[1].qty == 350
    assert again.totals.total == 113 + 140


def test_the_receipt_shows_the_weight_at_the_price_per_kg(vm: CheckoutViewModel, services: Services) -> None:
    vm.scan(BANANAS_450G)
    placed: list[Any] = []
    vm.finished.connect(placed.append)
    vm.checkout([Tender(PaymentMethod.CASH, 200)])
    assert len(placed) == 1
    html = receipt_text(build_receipt(placed[0], services.settings.current()), 48)
    assert "0.450 kg @ 2.50/kg" in html and "1.13" in html


def test_the_stock_warning_on_a_weighed_line_is_in_kg(
    vm: CheckoutViewModel, services: Services, manager: Actor
) -> None:
    services.catalog.add_product(manager, "FIGS", "Figs", 900, 0, sold_by=SoldBy.WEIGHT)
    services.stock.receive(manager, "FIGS", 300)
    assert vm.scan("0.25*FIGS") and vm.lines.row_at(0).stock_note == ""
    assert vm.set_qty_text(0, "0.5")
    assert vm.lines.row_at(0).stock_note == "only 0.300 kg in stock"
