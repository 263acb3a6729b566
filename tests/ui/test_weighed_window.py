"""Weighed goods in the window: a scale label scanned at the till shows 0.350 kg at the price per
kg and its amount, F2 changes a typed weight in kg, the customer display shows the weight, and
the order detail and refund dialog give the line back in kg."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.cart import CartLine
from pos_app.domain.users import Actor
from pos_app.domain.variable_measure import SoldBy
from pos_app.services import Services
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.refund_dialog import RefundDialog
from pos_app.viewmodels.customer_display import CustomerDisplayViewModel
from tests.gui import SessionFor, sell
from tests.ui.windows import OFFSCREEN_NOISE, detail

pytestmark = OFFSCREEN_NOISE

APPLES_350G = "2100001003500"  # prefix 21 (weight), item 00001, 350 g


@pytest.fixture
def apples(services: Services, manager: Actor) -> Services:
    services.catalog.add_product(
        manager, "APPLES", "Apples", 400, 0, barcode="2100001000004", sold_by=SoldBy.WEIGHT
    )
    services.stock.receive(manager, "APPLES", 5_000)
    return services


@pytest.fixture
def till(
    qtbot: QtBot, apples: Services, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> CheckoutDialog:
    dialog = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def shown(till: CheckoutDialog, row: int) -> list[str]:
    model = till.cart_view.model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_a_scanned_weight_label_shows_its_kg_and_amount(qtbot: QtBot, till: CheckoutDialog) -> None:
    display = CustomerDisplayViewModel(till.vm.session)
    display.follow(till.vm)
    type_into(qtbot, till.scan_edit, APPLES_350G)
    assert till.message_label.text() == "Apples 0.350 kg: £1.40"
    assert shown(till, 0) == ["Apples", "APPLES", "0.350 kg", "4.00/kg", "", "1.40"]
    assert till.side.totals.total.text() == "£1.40"
    assert [(line.name, line.qty, line.total) for line in display.lines] == [
        ("Apples", "0.350 kg @ £4.00/kg", "£1.40")
    ]
    # A weight typed before the SKU, then changed with F2: in kg.
    type_into(qtbot, till.scan_edit, "0.5*APPLES")
    assert shown(till, 1)[2:] == ["0.500 kg", "4.00/kg", "", "2.00"]
    qtbot.keyClicks(till.scan_edit, "1.25")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F2)
    assert shown(till, 1)[2] == "1.250 kg" and till.side.totals.total.text() == "£6.40"
    qtbot.keyClicks(till.scan_edit, "250")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F2)  # 250 kg: refused where it was typed
    assert "more than 100.000 kg" in till.message_label.text()
    assert shown(till, 1)[2] == "1.250 kg"


def test_the_order_detail_and_refund_dialog_speak_kg(
    qtbot: QtBot, apples: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(apples, clerk, lines=(CartLine("APPLES", 350, weighed=True), CartLine("MUG", 1)))
    dialog = detail(qtbot, session_for, manager, order.number)
    assert dialog.lines.item(0, 2).text() == "0.350 kg"
    assert dialog.lines.item(0, 3).text() == "£4.00/kg"
    refund = RefundDialog(order)
    qtbot.addWidget(refund)
    spin = refund.spins[0]
    assert isinstance(spin, QDoubleSpinBox) and spin.suffix() == " kg" and spin.maximum() == 0.35
    spin.setValue(0.1)
    assert refund.lines() == {"APPLES": 100}
    refund.select_all()
    assert refund.lines() == {"APPLES": 350, "MUG": 1}
    back = apples.orders.refund(manager, order.number, lines={"APPLES": 100})
    again = detail(qtbot, session_for, manager, back.number)
    assert again.lines.item(0, 7).text() == "0.100 kg · £0.40"


def test_stock_of_a_weighed_product_is_shown_and_received_in_kg(
    qtbot: QtBot, apples: Services, manager: Actor, session_for: SessionFor
) -> None:
    from pos_app.ui.admin_stock import StockDialog

    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    dialog.show()
    skus = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    row = skus.index("APPLES")
    assert dialog.table.item(row, 2).text() == "5.000 kg"
    dialog.table.selectRow(row)
    assert dialog.kg.isVisible() and not dialog.qty.isVisible()
    dialog.kg.setValue(2.5)
    qtbot.mouseClick(dialog.receive, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "APPLES: 7.500 kg on hand"
    assert apples.stock.levels(manager, "APPLES")[0].on_hand == 7_500
    dialog.table.selectRow(skus.index("MUG"))
    assert dialog.qty.isVisible() and not dialog.kg.isVisible()


def test_the_product_form_sells_by_weight_and_says_why_it_cannot_switch(
    qtbot: QtBot, apples: Services, manager: Actor, session_for: SessionFor
) -> None:
    from pos_app.ui.admin_stock import StockDialog

    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.new_product, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    qtbot.keyClicks(form.sku, "NUTS")
    qtbot.keyClicks(form.name, "Mixed nuts")
    qtbot.keyClicks(form.price, "15.00")
    qtbot.keyClicks(form.tax_rate, "0")
    form.sold_by.setCurrentIndex(form.sold_by.findData("weight"))
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert apples.catalog.find("NUTS").sold_by is SoldBy.WEIGHT
    dialog.vm.edit("APPLES")
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.sku.text() == "APPLES", timeout=2000)
    form = dialog.form
    assert form is not None and form.sold_by.currentData() == "weight"
    form.sold_by.setCurrentIndex(form.sold_by.findData("each"))
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert form.errors["sold_by"].text().startswith("APPLES has 5.000 kg in stock: count it to 0")
    assert apples.catalog.find("APPLES").sold_by is SoldBy.WEIGHT


def test_a_weighed_product_scanned_by_its_sku_asks_for_its_weight(qtbot: QtBot, till: CheckoutDialog) -> None:
    from pos_app.ui.small_dialogs import EntryDialog

    type_into(qtbot, till.scan_edit, "APPLES")
    asked = till.side_dialog
    assert isinstance(asked, EntryDialog) and asked.isVisible()
    assert asked.prompt.text() == "Weight of Apples in kg, e.g. 0.350 (or grams: 350g)?"
    type_into(qtbot, asked.field, "0")
    assert asked.isVisible() and asked.error.text() == "a weight must be more than 0 kg"
    asked.field.clear()
    type_into(qtbot, asked.field, "0.4")
    assert not asked.isVisible()
    assert shown(till, 0)[2:] == ["0.400 kg", "4.00/kg", "", "1.60"]
