"""Receipts in the window: printed after a sale (the drawer's kick with cash), a printer that
fails leaving the sale placed and saying so, a scanned receipt opening its order for a return,
the printer set up and tested in Settings, and "No sale" from the cash drawer screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.domain.receipt import ReceiptKind
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.ui import screens
from pos_app.ui.admin_settings import SettingsDialog
from pos_app.ui.cash_drawer import DrawerDialog
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.receipt import ReceiptDialog
from pos_app.viewmodels.receipt import ReceiptPrinting
from tests.gui import SessionFor, sell
from tests.ui.test_checkout_flow import open_payment, receipt, type_into

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

KICK = b"\x1bp\x00"


@pytest.fixture
def roll(services: Services, manager: Actor, tmp_path: Path) -> Path:
    """The till's printer: a device file (what /dev/usb/lp0 is to Linux)."""
    path = tmp_path / "lp0"
    path.write_bytes(b"")
    services.settings.update(manager, {"receipt_printer": f"file:{path}", "receipt_paper": "58"})
    return path


def _till(qtbot: QtBot, session_for: SessionFor, actor: Actor, tmp_path: Path) -> CheckoutDialog:
    dialog = CheckoutDialog(session_for(actor), cart_file=tmp_path / f"open_cart_{actor.name}.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_cash_sale_prints_its_receipt_and_opens_the_drawer(
    qtbot: QtBot, session_for: SessionFor, clerk: Actor, tmp_path: Path, roll: Path
) -> None:
    till = _till(qtbot, session_for, clerk, tmp_path)
    type_into(qtbot, till.scan_edit, "MUG")
    type_into(qtbot, open_payment(qtbot, till).cash_field, "10")
    slip = receipt(till)
    job = roll.read_bytes()
    assert KICK in job and b"T1-000001" in job and b"Blue Mug" in job
    assert slip.status.text() == f"receipt printed on the printer {roll}"
    qtbot.keyClick(slip, Qt.Key.Key_F5)  # again: a copy, and the drawer stays shut
    again = roll.read_bytes()
    assert b"*** COPY ***" in again and KICK not in again


def test_a_failed_printer_keeps_the_sale_and_offers_print_and_pdf(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    services.settings.update(manager, {"receipt_printer": f"file:{tmp_path / 'unplugged' / 'lp0'}"})
    till = _till(qtbot, session_for, clerk, tmp_path)
    type_into(qtbot, till.scan_edit, "MUG")
    type_into(qtbot, open_payment(qtbot, till).cash_field, "10")
    slip = receipt(till)
    assert "did not print: there is no" in slip.status.text()
    assert "The sale is saved: print it on another printer or save it as PDF." in slip.status.text()
    assert not any(mark in slip.status.text() for mark in ("?.", "..", ". ."))  # one stop per sentence
    assert slip.focusWidget() is slip.print_button and slip.pdf_button.isEnabled()
    [row] = services.orders.list_orders(manager, limit=5).rows
    assert row.number == "T1-000001" and row.total == 400
    slip.save_pdf(tmp_path / "receipt.pdf")
    assert (tmp_path / "receipt.pdf").read_bytes().startswith(b"%PDF")


def test_a_scanned_receipt_opens_its_order_for_a_return(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    sold = sell(services, clerk, cash=2000)
    till = _till(qtbot, session_for, clerk, tmp_path)
    type_into(qtbot, till.scan_edit, "MUG")  # a sale under way stays as it is
    type_into(qtbot, till.scan_edit, sold.number)
    detail = till.side_dialog
    assert isinstance(detail, OrderDetailDialog) and detail.isVisible()
    assert detail.vm.order is not None and detail.vm.order.number == sold.number
    assert detail.refund_button.isEnabled() and detail.refund_button.text() == "&Refund… (manager)"
    assert detail.focusWidget() is detail.refund_button
    assert till.scan_edit.text() == "" and till.vm.lines.rowCount() == 1
    detail.reject()


def test_a_customer_scanning_a_receipt_gets_no_order(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, alice: Actor, tmp_path: Path
) -> None:
    sold = sell(services, clerk, customer="alice")
    kiosk = _till(qtbot, session_for, alice, tmp_path)
    type_into(qtbot, kiosk.scan_edit, sold.number)
    assert kiosk.side_dialog is None
    assert "no product with barcode or SKU" in kiosk.message_label.text()


def test_a_reprint_says_copy_and_switches_to_a_gift_receipt(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor
) -> None:
    order = sell(services, clerk, cash=2000)
    session = session_for(clerk)
    slip = ReceiptDialog(order, session.settings, kind=ReceiptKind.COPY, printing=ReceiptPrinting(session))
    qtbot.addWidget(slip)
    text = slip.document.toPlainText()
    assert text.count("*** COPY ***") == 2 and "£20.00" in text
    assert not slip.till_button.isVisible()  # no receipt printer at this till
    qtbot.keyClick(slip, Qt.Key.Key_F6)
    gift = slip.document.toPlainText()
    assert "GIFT RECEIPT" in gift and "£" not in gift and "COPY" not in gift
    assert slip.windowTitle() == f"Gift receipt {order.number}"


def test_ctrl_p_in_the_order_opens_a_copy(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    order = sell(services, clerk)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ReceiptDialog, "exec", lambda self: shown.append((self.kind.value, self.windowTitle()))
    )
    detail = OrderDetailDialog(session_for(clerk), order.number)
    qtbot.addWidget(detail)
    detail.receipt_button.click()
    assert shown == [("copy", f"Receipt (copy) {order.number}")]


def test_settings_set_up_and_test_the_receipt_printer(
    qtbot: QtBot, services: Services, session_for: SessionFor, manager: Actor, tmp_path: Path
) -> None:
    dialog = SettingsDialog(session_for(manager))
    qtbot.addWidget(dialog)
    assert not dialog.test_button.isEnabled()  # no printer yet
    dialog.printer_kind.setCurrentIndex(dialog.printer_kind.findData("network"))
    assert "192.168.1.50:9100" in dialog.printer_address.placeholderText()
    dialog.printer_address.setText("printer.local:99999")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "receipt printer: '99999' is not a port" in dialog.line.text()
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert "is not a port" in dialog.line.text()
    assert services.settings.current().receipt_printer == "none"  # nothing saved

    target = tmp_path / "lp0"
    dialog.printer_kind.setCurrentIndex(dialog.printer_kind.findData("file"))
    dialog.printer_address.setText(str(target))
    dialog.paper.setCurrentIndex(dialog.paper.findData(58))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == f"test page sent to the printer {target}"
    assert b"PRINTER TEST PAGE" in target.read_bytes() and b"58 mm, 32 columns" in target.read_bytes()
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "settings saved"
    saved = services.settings.current()
    assert (saved.receipt_printer, saved.receipt_paper) == (f"file:{target}", 58)


def test_no_sale_opens_the_drawer_for_a_manager_and_asks_one_for_a_clerk(
    qtbot: QtBot,
    session_for: SessionFor,
    manager: Actor,
    clerk: Actor,
    roll: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boss = DrawerDialog(session_for(manager))
    qtbot.addWidget(boss)
    qtbot.keyClick(boss, Qt.Key.Key_N)
    assert roll.read_bytes().endswith(KICK + b"22") and boss.line.text() == "drawer opened by manager"

    asked: list[str] = []
    answers: list[Approval | None] = [None, Approval("manager", "manager123")]
    monkeypatch.setattr(
        screens, "ask_override", lambda _s, reason, _p: asked.append(reason) or answers.pop(0)
    )
    desk = DrawerDialog(session_for(clerk))
    qtbot.addWidget(desk)
    roll.write_bytes(b"")
    desk.no_sale_button.click()
    assert desk.line.text() == "the drawer stays shut: no manager approved it" and roll.read_bytes() == b""
    desk.no_sale_button.click()
    assert asked[0].startswith("a clerk may not open the cash drawer without a sale")
    assert desk.line.text() == "drawer opened by clerk, approved by manager" and KICK in roll.read_bytes()


class LaterRunner:
    """Work held until told: a printer that answers after the clerk has moved on."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]]] = []

    def submit(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
    ) -> None:
        self.held.append((work, done, failed))

    def wait(self) -> None:
        for work, done, failed in self.held:
            try:
                result = work()
            except Exception as exc:
                failed(exc)
            else:
                done(result)
        self.held.clear()


def test_a_print_that_finishes_after_the_receipt_closed_troubles_nobody(
    qtbot: QtBot, session_for: SessionFor, clerk: Actor, tmp_path: Path, roll: Path
) -> None:
    till = _till(qtbot, session_for, clerk, tmp_path)
    type_into(qtbot, till.scan_edit, "MUG")
    type_into(qtbot, open_payment(qtbot, till).cash_field, "10")
    slip = receipt(till)
    later = LaterRunner()
    till.session.runner = later
    qtbot.keyClick(slip, Qt.Key.Key_F5)  # a copy, still on its way when the clerk presses Enter
    qtbot.keyClick(slip, Qt.Key.Key_Return)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the receipt window is gone
    later.wait()
    assert b"*** COPY ***" in roll.read_bytes()
    type_into(qtbot, till.scan_edit, "TEA")
    assert till.vm.lines.rowCount() == 1


def test_cash_taken_later_for_an_order_prints_its_receipt_and_opens_the_drawer(
    qtbot: QtBot, services: Services, session_for: SessionFor, clerk: Actor, alice: Actor, roll: Path
) -> None:
    from pos_app.domain.cart import Cart, CartLine, CheckoutRequest

    order = services.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("TEA", 1),))))
    detail = OrderDetailDialog(session_for(clerk), order.number)
    qtbot.addWidget(detail)
    payment = detail.take_payment()
    assert payment is not None
    type_into(qtbot, payment.cash_field, "5")
    job = roll.read_bytes()
    assert KICK in job and b"Change" in job and order.number.encode() in job
    assert detail.banner.text() == f"receipt printed on the printer {roll}"
    roll.write_bytes(b"")
    assert services.receipts.print_sale(clerk, order) and KICK not in roll.read_bytes()  # once only
