"""A day at the counter, by touch, from the sale screen: the drawer button says it is closed and
cash is refused; the float is counted on the pad note by note; a cash sale, a line taken off a
sale, a pay-in with a usual reason, a pay-out over the limit that a manager approves; the X
report shows the voided line; the close is short over the limit, a manager approves, and the
Z report is saved as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.ui import screens
from pos_app.ui.cash_count import CloseDrawerDialog, OpenDrawerDialog
from pos_app.ui.cash_drawer import DrawerDialog, PayDialog, ReportDialog
from pos_app.ui.checkout_dialog import CheckoutDialog
from tests.gui import SessionFor
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

MUG, TEA = "4006381333931", "5012345000008"


def answering(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, kind: type[QDialog], act: Callable[[QDialog], None]
) -> None:
    """`kind` dialogs opened modally are shown and answered by `act`, without a nested loop."""

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        dialog.activateWindow()  # offscreen, a window is not made active by itself
        qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(kind, "exec", exec_)


def tap(pad_owner: OpenDrawerDialog | CloseDrawerDialog | PayDialog, keys: str) -> None:
    for key in keys:
        pad_owner.pad.buttons[key].click()


def scan(qtbot: QtBot, till: CheckoutDialog, code: str) -> None:
    qtbot.keyClicks(till.scan_edit, code)
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_Return)


def test_a_day_at_the_counter_by_touch(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    till = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(till)
    till.show()
    qtbot.waitExposed(till)
    assert till.side.drawer_button.text() == "Drawer closed  (Ctrl+D)"

    # Cash is refused until the drawer is opened: the payment says how.
    scan(qtbot, till, MUG)
    till.side.pay_button.click()
    payment = till.payment_dialog
    assert payment is not None
    payment.cash_field.setText("10")
    payment.pay_cash()
    assert "open the drawer with its float" in payment.error.text()
    payment.reject()

    # The float, counted on the pad: 2 x 20.00 and 10 x 1.00 coins.
    def count_float(dialog: QDialog) -> None:
        assert isinstance(dialog, OpenDrawerDialog)
        dialog.panel.field_for(2000).setFocus()
        tap(dialog, "2")
        dialog.panel.field_for(100).setFocus()
        tap(dialog, "10")
        assert dialog.go.text() == "&Open with £50.00"
        dialog.go.click()

    answering(qtbot, monkeypatch, OpenDrawerDialog, count_float)
    till.side.drawer_button.click()
    drawer = till.side_dialog
    assert isinstance(drawer, DrawerDialog)
    drawer.open_button.click()
    assert "T1-S0001 opened with £50.00" in drawer.line.text()
    drawer.done_button.click()
    assert till.side.drawer_button.text() == "Drawer  (Ctrl+D)"

    till.side.pay_button.click()  # the mug, 4.00, paid with a 10.00 note
    payment = till.payment_dialog
    assert payment is not None
    payment.cash_field.setText("10")
    payment.pay_cash()
    assert till.receipt_dialog is not None
    till.receipt_dialog.reject()

    scan(qtbot, till, TEA)  # rung up, then taken off before paying
    till.remove_button.click()
    assert not till.vm.cart.lines

    # A pay-in with a usual reason; a pay-out over the 50.00 limit a manager approves.
    def pay_in(dialog: QDialog) -> None:
        assert isinstance(dialog, PayDialog)
        tap(dialog, "20")
        dialog.reason_buttons[0].click()  # "Change from the bank"
        dialog.go.click()

    asked: list[str] = []
    monkeypatch.setattr(
        screens, "ask_override", lambda _s, why, _p: asked.append(why) or Approval("manager", "manager123")
    )

    def pay_out(dialog: QDialog) -> None:
        assert isinstance(dialog, PayDialog)
        tap(dialog, "60")
        dialog.reason_buttons[1].click()  # "Supplier paid"
        dialog.go.click()

    till.side.drawer_button.click()
    drawer = till.side_dialog
    assert isinstance(drawer, DrawerDialog)
    answering(qtbot, monkeypatch, PayDialog, pay_in)
    drawer.pay_in.click()
    answering(qtbot, monkeypatch, PayDialog, pay_out)
    drawer.pay_out.click()
    assert asked == [
        "a pay-out of 60.00 is over the 50.00 limit: a clerk may not pay out cash or accept a drawer "
        "difference over the limit; a manager can approve it"
    ]
    assert "£14.00 expected in the drawer" in drawer.headline.text()  # 50 + 4 + 20 - 60

    shown: list[ReportDialog] = []
    answering(qtbot, monkeypatch, ReportDialog, shown.append)  # type: ignore[arg-type]
    drawer.x_button.click()
    x = shown[-1].text.toPlainText()
    assert "in       20.00  Change from the bank\n      (clerk)" in x
    assert "out      60.00  Supplier paid\n      (clerk, approved by manager)" in x
    assert "  clerk                        1          2.55" in x  # the tea taken off

    def count_short(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseDrawerDialog)
        dialog.panel.field_for(500).setFocus()
        tap(dialog, "1")
        assert dialog.difference.text() == "Expected £14.00 · counted £5.00 · Short by £9.00"
        dialog.go.click()

    answering(qtbot, monkeypatch, CloseDrawerDialog, count_short)
    drawer.close_button.click()
    z = shown[-1]
    assert z.title == "Z report T1-S0001"
    text = z.text.toPlainText()
    assert "difference approved by manager" in text and "Over/short (short by 9.00)" in text
    pdf = tmp_path / "Z-report-T1-S0001.pdf"
    z.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and z.status.text() == "saved Z-report-T1-S0001.pdf"
    assert "is closed: cash is refused until it is opened" in drawer.headline.text()
    drawer.done_button.click()
    assert till.side.drawer_button.text() == "Drawer closed  (Ctrl+D)"
