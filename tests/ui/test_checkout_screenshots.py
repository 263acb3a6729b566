"""Screenshots of the till for the docs, at 1024x768 (the commonest till screen): a sale in
progress beside its quick keys, the payment window, the quick-keys editor, and the customer
display during the sale and at its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.quick_keys import QuickKey, QuickKeys, QuickPage
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.customer_display import CustomerDisplay
from pos_app.ui.quick_keys_editor import QuickKeysEditor
from tests.gui import SessionFor
from tests.ui.shots import SHOTS
from tests.ui.till_screens import add_long_names, styled

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")

SIZE = (1024, 768)
COUNTER_GOODS = (  # goods without a barcode: sold from quick keys
    ("LOAF", "White Sandwich Loaf 800g", 145, "Loaf", "amber"),
    ("ROLL", "Seeded Bread Roll", 45, "Roll", "amber"),
    ("CROISSANT", "All-Butter Croissant", 120, "Croissant", "amber"),
    ("COFFEE", "Coffee to Go, Regular", 250, "Coffee", "teal"),
    ("TEA-CUP", "Tea to Go", 180, "Tea to go", "teal"),
    ("BAG", "Carrier Bag", 10, "Bag", "green"),
    ("GIFTWRAP", "Gift Wrapping", 150, "Gift wrap", "pink"),
)


def shop(services: Services, manager: Actor) -> None:
    add_long_names(services, manager)
    for sku, name, price, _label, _colour in COUNTER_GOODS:
        services.catalog.add_product(manager, sku, name, price, 0, track_stock=False)
    counter = tuple(QuickKey(label, sku, colour) for sku, _name, _price, label, colour in COUNTER_GOODS)
    cards = (QuickKey("Birthday card", "CARD", "purple"), QuickKey("Blue mug", "MUG", "blue"))
    services.quick_keys.save(manager, QuickKeys((QuickPage("Counter", counter), QuickPage("Gifts", cards))))
    services.settings.update(manager, {"store_name": "Corner Gift Shop", "customer_display": "half"})


def save(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


def test_till_screenshots(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    shop(services, manager)
    till = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(till)
    styled(till)
    till.resize(*SIZE)
    till.show()
    qtbot.waitExposed(till)
    for code in ("MUG-RED", "MUG-BLUE", "4006381333931", "6*CARD"):
        qtbot.keyClicks(till.scan_edit, code)
        qtbot.keyClick(till.scan_edit, Qt.Key.Key_Return)
    till.keys_panel.keys[0].click()  # a loaf
    till.keys_panel.keys[3].click()  # a coffee
    till.vm.set_line_discount(2, "10%")
    till.vm.create_customer("Carol Jones", "carol@example.com")
    qtbot.wait(20)  # let the layout settle before the grab
    save(till, "checkout.png")

    display = till.display.display
    assert isinstance(display, CustomerDisplay)
    display.resize(*SIZE)
    qtbot.wait(20)
    save(display, "customer_display.png")

    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F12)
    payment = till.payment_dialog
    assert payment is not None
    payment.vm.pay_card("5.00", "AUTH-5521")
    qtbot.keyClicks(payment.cash_field, "60")
    assert payment.width() <= SIZE[0] and payment.height() <= SIZE[1]  # as it opens
    qtbot.waitExposed(payment)
    qtbot.wait(20)
    save(payment, "payment.png")
    qtbot.keyClick(payment.cash_field, Qt.Key.Key_Return)  # 60.00 in cash for the rest
    qtbot.wait(20)
    save(display, "customer_display_change.png")

    editor = QuickKeysEditor(session_for(manager), till)
    editor.resize(*SIZE)
    editor.show()
    qtbot.waitExposed(editor)
    editor.keys.setCurrentRow(3)
    qtbot.wait(20)
    save(editor, "quick_keys.png")
