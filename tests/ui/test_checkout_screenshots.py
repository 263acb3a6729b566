"""Screenshots of the till for the docs: a sale in progress and the payment screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from pytestqt.qtbot import QtBot

from pos_app.config import resources_dir
from pos_app.domain.users import Actor
from pos_app.ui.checkout_dialog import CheckoutDialog
from tests.gui import SessionFor
from tests.ui.shots import SHOTS

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_checkout_and_payment_screenshots(
    qtbot: QtBot, session_for: SessionFor, clerk: Actor, tmp_path: Path
) -> None:
    till = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(till)
    # The app's one stylesheet, on this window only (its payment dialog is its child).
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))
    till.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    till.resize(1280, 800)
    till.show()
    qtbot.waitExposed(till)
    for code in ("4006381333931", "5012345000008", "2*CARD", "4006381333931"):
        qtbot.keyClicks(till.scan_edit, code)
        qtbot.keyClick(till.scan_edit, Qt.Key.Key_Return)
    till.vm.set_line_discount(1, "10%")
    till.vm.create_customer("Carol Jones", "carol@example.com")
    till.vm.scan("TEA")
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(20)  # let the layout settle before the grab
    assert till.grab().save(str(SHOTS / "checkout.png"))

    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F12)
    payment = till.payment_dialog
    assert payment is not None
    payment.vm.pay_card("5.00", "AUTH-5521")
    payment.resize(660, payment.sizeHint().height())
    qtbot.waitExposed(payment)
    qtbot.wait(20)
    assert payment.grab().save(str(SHOTS / "payment.png"))
