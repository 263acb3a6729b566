"""Whole sales driven through the till's widgets, the way a clerk does them: by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.orders import Fulfilment
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.customer_dialog import CustomerDialog
from pos_app.ui.override_dialog import OverrideDialog
from pos_app.ui.payment_dialog import AskOverride, PaymentDialog
from pos_app.ui.receipt import ReceiptDialog
from pos_app.ui.small_dialogs import EntryDialog
from pos_app.viewmodels.session import Session
from tests.gui import SessionFor

# The offscreen platform cannot resize, raise or grab for popups, and says so: harmless.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

MUG = "4006381333931"
TEA = "5012345000008"


@pytest.fixture
def till(qtbot: QtBot, session_for: SessionFor, clerk: Actor, tmp_path: Path) -> CheckoutDialog:
    dialog = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def open_payment(qtbot: QtBot, till: CheckoutDialog) -> PaymentDialog:
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F12)
    assert till.payment_dialog is not None and till.payment_dialog.isVisible()
    return till.payment_dialog


def receipt(till: CheckoutDialog) -> ReceiptDialog:
    assert till.receipt_dialog is not None and till.receipt_dialog.isVisible()
    return till.receipt_dialog


def only_order(services: Services, manager: Actor) -> str:
    [row] = services.orders.list_orders(manager, limit=10).rows
    return row.id


def test_keyboard_only_cash_sale_with_change(
    qtbot: QtBot, till: CheckoutDialog, services: Services, manager: Actor
) -> None:
    type_into(qtbot, till.scan_edit, MUG)
    type_into(qtbot, till.scan_edit, TEA)
    type_into(qtbot, till.scan_edit, MUG)
    assert till.scan_edit.text() == "" and till.scan_edit.hasFocus()
    assert till.vm.lines.rowCount() == 2
    assert till.side.totals.total.text() == "£10.55"
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_Minus)  # the selected (last touched) line: MUG
    assert till.side.totals.total.text() == "£6.55"

    payment = open_payment(qtbot, till)
    assert payment.due.text() == "£6.55"
    assert [b.toolTip() for b in payment.quick_buttons] == ["£6.55", "£7.00", "£10.00", "£20.00", "£50.00"]
    type_into(qtbot, payment.cash_field, "10")

    slip = receipt(till)
    assert not payment.isVisible()
    assert slip.change.text() == "Change £3.45"
    assert "Blue Mug" in slip.document.toPlainText()
    qtbot.keyClick(slip, Qt.Key.Key_Return)
    assert not slip.isVisible() and till.receipt_dialog is None
    assert till.vm.cart.lines == () and till.side.totals.total.text() == "£0.00"

    order = services.orders.get_order(manager, only_order(services, manager))
    assert [(p.method, p.tendered, p.change) for p in order.payments] == [("cash", 1000, 345)]


def test_split_tender_card_then_cash(
    qtbot: QtBot, till: CheckoutDialog, services: Services, manager: Actor
) -> None:
    type_into(qtbot, till.scan_edit, "2*MUG")
    payment = open_payment(qtbot, till)
    qtbot.keyClick(payment.cash_field, Qt.Key.Key_F5)
    qtbot.waitUntil(payment.card_amount.hasFocus, timeout=1000)
    type_into(qtbot, payment.card_amount, "5.00")
    type_into(qtbot, payment.card_reference, "AUTH77")
    assert payment.due.text() == "£3.00"
    assert payment.tenders.count() == 1
    type_into(qtbot, payment.cash_field, "")  # Enter alone: exact cash
    assert receipt(till).change.text() == "Paid in full"
    order = services.orders.get_order(manager, only_order(services, manager))
    assert [(p.method, p.amount, p.reference) for p in order.payments] == [
        ("card", 500, "AUTH77"),
        ("cash", 300, ""),
    ]


def test_quick_tender_button_pays_and_shows_change(qtbot: QtBot, till: CheckoutDialog) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    payment = open_payment(qtbot, till)
    [five] = [b for b in payment.quick_buttons if b.toolTip() == "£5.00"]
    qtbot.mouseClick(five, Qt.MouseButton.LeftButton)
    assert receipt(till).change.text() == "Change £1.00"


def test_bad_input_gets_a_message_where_it_was_typed(
    qtbot: QtBot, till: CheckoutDialog, services: Services, manager: Actor
) -> None:
    type_into(qtbot, till.scan_edit, "9999999999994")
    assert till.message_label.text() == "no product with barcode or SKU '9999999999994'"
    assert till.message_label.property("message") == "error"
    assert till.scan_edit.selectedText() == "9999999999994"  # the next scan replaces it
    assert till.vm.cart.lines == ()

    till.scan_edit.clear()
    type_into(qtbot, till.scan_edit, "TEA")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_Minus)
    assert till.message_label.text() == "quantity must be at least 1: press Del to remove the line"
    type_into(qtbot, till.scan_edit, "0*TEA")
    assert till.message_label.text() == "quantity must be at least 1"
    assert till.vm.cart.lines[0].qty == 1

    till.scan_edit.clear()
    payment = open_payment(qtbot, till)
    type_into(qtbot, payment.cash_field, "1.00")
    assert payment.error.text().startswith("cash tendered 1.00 is less than 2.55 due")
    assert payment.tenders.count() == 0 and payment.isVisible()
    payment.cash_field.clear()
    type_into(qtbot, payment.cash_field, "abc")
    assert payment.error.text() == "'abc' is not an amount"
    type_into(qtbot, payment.card_reference, "")
    assert payment.error.text() == "type the card terminal's reference for this payment"
    assert services.orders.list_orders(manager, limit=10).rows == ()


def drive_override(qtbot: QtBot, asked: list[str]) -> AskOverride:
    """Stands in for ask_manager_override: the real dialog, typed into, without exec()."""

    def ask(session: Session, reason: str, parent: QWidget | None) -> Approval | None:
        asked.append(reason)
        dialog = OverrideDialog(session, reason, parent)
        qtbot.addWidget(dialog)
        dialog.open()
        type_into(qtbot, dialog.name, "clerk")
        type_into(qtbot, dialog.secret, "clerk123")
        assert dialog.error.text() == "a clerk may not approve an override"
        assert dialog.isVisible()
        dialog.name.clear()
        type_into(qtbot, dialog.name, "manager")
        type_into(qtbot, dialog.secret, "guess")
        assert dialog.error.text() == "wrong user name or password" and dialog.isVisible()
        dialog.use_pin.setChecked(True)
        type_into(qtbot, dialog.secret, "1234")
        assert not dialog.isVisible()
        return dialog.approval

    return ask


def test_clerk_discount_over_the_limit_goes_through_a_manager_override(
    qtbot: QtBot, till: CheckoutDialog, services: Services, manager: Actor
) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F7)
    entry = till.side_dialog
    assert isinstance(entry, EntryDialog)
    type_into(qtbot, entry.field, "half")
    assert entry.error.text() == "'half' is not an amount" and entry.isVisible()
    entry.field.clear()
    type_into(qtbot, entry.field, "50%")
    assert not entry.isVisible()
    assert till.side.approval_label.isVisible()
    assert till.side.totals.total.text() == "£2.00"

    asked: list[str] = []
    till.ask_override = drive_override(qtbot, asked)
    payment = open_payment(qtbot, till)
    assert asked == ["a discount of 50% is over the 10% clerk limit"]
    type_into(qtbot, payment.cash_field, "2")

    order = services.orders.get_order(manager, only_order(services, manager))
    [override] = [e for e in order.events if e.action == "override"]
    assert (override.user_name, override.approver_name) == ("clerk", "manager")
    assert receipt(till).order.discount == 200


def test_override_cancelled_keeps_the_sale_open(
    qtbot: QtBot, till: CheckoutDialog, services: Services, manager: Actor
) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    till.vm.set_order_discount("50%")
    till.ask_override = lambda session, reason, parent: None
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F12)
    assert till.payment_dialog is None
    assert till.message_label.text() == "the discount needs a manager's approval"
    assert services.orders.list_orders(manager, limit=10).rows == ()


def test_search_by_name_with_the_completer(qtbot: QtBot, till: CheckoutDialog) -> None:
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F3)
    assert till.search_edit.hasFocus()
    qtbot.keyClicks(till.search_edit, "green")
    assert till.search.model.stringList() == ["Green Tea 50 bags  ·  TEA  ·  £2.55"]
    qtbot.keyClick(till.search_edit, Qt.Key.Key_Return)
    assert [line.sku for line in till.vm.cart.lines] == ["TEA"]
    qtbot.waitUntil(lambda: till.search_edit.text() == "" and till.scan_edit.hasFocus(), timeout=1000)
    qtbot.keyClicks(till.search_edit, "blue mu")
    qtbot.keyClick(till.search_edit, Qt.Key.Key_Down)  # highlight the suggestion, then take it
    qtbot.keyClick(till.search_edit, Qt.Key.Key_Return)
    assert [line.sku for line in till.vm.cart.lines] == ["TEA", "MUG"]


def test_park_and_resume_through_the_dialogs(qtbot: QtBot, till: CheckoutDialog) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F8)
    entry = till.side_dialog
    assert isinstance(entry, EntryDialog)
    type_into(qtbot, entry.field, "Blue coat")
    assert till.vm.cart.lines == ()
    assert till.message_label.text() == "parked as “Blue coat”"
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F9)
    held = till.side_dialog
    assert held is not None and held.isVisible()
    qtbot.keyClick(held, Qt.Key.Key_Return)
    assert not held.isVisible()
    assert [line.sku for line in till.vm.cart.lines] == ["MUG"]


def test_open_sale_comes_back_when_the_till_reopens(
    qtbot: QtBot, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    first = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(first)
    type_into(qtbot, first.scan_edit, "3*CARD")
    first.close()
    second = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(second)
    assert second.side.totals.total.text() == "£5.97"
    assert second.message_label.text() == "the open sale was restored"


def test_receipt_saves_as_pdf(qtbot: QtBot, till: CheckoutDialog, tmp_path: Path) -> None:
    type_into(qtbot, till.scan_edit, "TEA")
    payment = open_payment(qtbot, till)
    type_into(qtbot, payment.cash_field, "")
    slip = receipt(till)
    target = tmp_path / "receipt.pdf"
    slip.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert slip.status.text() == "saved receipt.pdf"
    slip.print_button.click()  # the system print dialog, opened without blocking
    [printing] = slip.findChildren(QPrintDialog)
    assert printing.isVisible()
    printing.reject()


def test_controls_have_accessible_names(till: CheckoutDialog) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    unnamed = [
        w.objectName() or type(w).__name__
        for w in till.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit) and w.isVisible() and not w.accessibleName()
    ]
    assert unnamed == []


def test_locking_the_till_closes_the_sale_and_keeps_it(
    qtbot: QtBot, till: CheckoutDialog, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert till.session.locked and not till.isVisible()
    reopened = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(reopened)
    assert [line.sku for line in reopened.vm.cart.lines] == ["MUG"]


def test_customer_found_or_added_by_keyboard(qtbot: QtBot, till: CheckoutDialog) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F4)
    picker = till.side_dialog
    assert isinstance(picker, CustomerDialog)
    type_into(qtbot, picker.search, "Dora")
    assert picker.error.text() == "no customer found: add them below"
    assert picker.name.text() == "Dora"  # carried over to the new-customer form
    type_into(qtbot, picker.address, "")  # Enter in the form's last field adds and attaches
    assert not picker.isVisible()
    assert till.side.customer_label.text() == "Dora"

    till.vm.set_customer(None)
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F4)
    picker = till.side_dialog
    assert isinstance(picker, CustomerDialog)
    type_into(qtbot, picker.search, "Do")
    assert not picker.isVisible()
    assert till.vm.cart.customer == "Dora"


def test_delivery_needs_an_address(qtbot: QtBot, till: CheckoutDialog) -> None:
    type_into(qtbot, till.scan_edit, "MUG")
    till.side.fulfilment_buttons[Fulfilment.DELIVERY].click()
    assert till.side.ship_to.isVisible()
    payment = open_payment(qtbot, till)
    type_into(qtbot, payment.cash_field, "")
    assert payment.error.text() == "a delivery order needs a shipping address"
    payment.reject()
    type_into(qtbot, till.side.ship_to, "4 Mill Lane")
    assert till.vm.cart.ship_to == "4 Mill Lane"
    payment = open_payment(qtbot, till)
    type_into(qtbot, payment.cash_field, "")
    assert receipt(till).order.ship_to == "4 Mill Lane"


def test_self_service_customer_sees_no_staff_buttons(
    qtbot: QtBot, session_for: SessionFor, alice: Actor, tmp_path: Path
) -> None:
    kiosk = CheckoutDialog(session_for(alice), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(kiosk)
    kiosk.show()
    type_into(qtbot, kiosk.scan_edit, "TEA")
    for button in (kiosk.side.customer_button, kiosk.side.park_button, kiosk.side.order_discount_button):
        assert not button.isVisible()
    # A customer's own sale is placed, not paid: staff take the money at the counter.
    qtbot.keyClick(kiosk, Qt.Key.Key_F12)
    order = receipt(kiosk).order
    assert (order.customer_name, order.status.value, order.balance_due) == ("alice", "placed", 255)
    assert "To pay at the counter: £2.55" in receipt(kiosk).change.text()
