"""The sale screen and the dialogs a clerk opens from it fit a till's screen (1024x768, 1280x800):
nothing off the window, no text cut short, every button big enough for a finger."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import sale_dialogs
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.customer_dialog import CustomerDialog
from pos_app.ui.held_sales import HeldSalesDialog
from pos_app.ui.override_dialog import OverrideDialog
from pos_app.ui.payment_dialog import PaymentDialog
from pos_app.ui.quick_keys_editor import QuickKeysEditor
from pos_app.ui.receipt import ReceiptDialog
from pos_app.ui.small_dialogs import EntryDialog
from tests.gui import SessionFor
from tests.ui.fit import TILL_SCREENS, fit_problems, open_at, small_targets
from tests.ui.till_screens import add_long_names, till_with_sale
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

TWO_LINE_ERROR = (
    "cash tendered £1.00 is less than £37.52 due; use “Add as part payment” to take it and pay "
    "the rest another way"
)


@pytest.fixture
def till(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> CheckoutDialog:
    add_long_names(services, manager)
    return till_with_sale(qtbot, session_for(clerk), tmp_path)


def place(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", TILL_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_sale_screen_fits_and_every_target_takes_a_finger(
    qtbot: QtBot, till: CheckoutDialog, size: tuple[int, int]
) -> None:
    open_at(qtbot, till, *size)
    assert fit_problems(till, *size) == []
    assert small_targets(till) == []
    pay = till.side.pay_button
    assert pay.text() == "Pay  £37.52   (F12)" and pay.isVisible()
    assert till.side.totals.total.text() == "£37.52"


@pytest.mark.parametrize("size", TILL_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_payment_window_fits_with_a_two_line_error(
    qtbot: QtBot, till: CheckoutDialog, size: tuple[int, int]
) -> None:
    payment = PaymentDialog(till.vm, till.ask_override, till)
    width, height = size
    hint = payment.sizeHint()
    assert hint.width() <= width and hint.height() <= height, f"it opens at {hint.width()}x{hint.height()}"
    open_at(qtbot, payment, *size)
    payment.vm.message.emit(TWO_LINE_ERROR)
    qtbot.wait(10)
    assert fit_problems(payment, *size) == []
    assert small_targets(payment) == []
    error = place(payment.error, payment)
    for button in payment.findChildren(QPushButton):
        if button.isVisible():
            assert not place(button, payment).intersects(error), f"{button.text()} is under the error"
    for name in ("Finish sale  (F12)", "Back to sale  (Esc)"):
        [button] = [b for b in payment.findChildren(QPushButton) if b.text() == name]
        assert button.isVisible()


def _customer(till: CheckoutDialog) -> QDialog:
    return CustomerDialog(till.vm, till)


def _parked(till: CheckoutDialog) -> QDialog:
    return HeldSalesDialog(till.vm, till)


def _override(till: CheckoutDialog) -> QDialog:
    return OverrideDialog(till.session, "a discount of 25% is over the 10% clerk limit", till)


def _override_pin(till: CheckoutDialog) -> QDialog:
    dialog = OverrideDialog(till.session, "a discount of 25% is over the 10% clerk limit", till)
    dialog.use_pin.setChecked(True)  # a PIN pad for a touch till
    return dialog


def _discount(till: CheckoutDialog) -> QDialog:
    return EntryDialog(
        "Line discount",
        "Discount on Vintage Billboard Enamel Camping Mug Route 66 Red: type 10% or an amount "
        "such as 1.50 (0 removes it).",
        lambda _text: "",
        till,
    )


def _quantity(till: CheckoutDialog) -> QDialog:
    return sale_dialogs.quantity(till.vm, 0, till)


def _void(till: CheckoutDialog) -> QDialog:
    return sale_dialogs.void(till.vm, till)


def _receipt(till: CheckoutDialog) -> QDialog:
    till.vm.checkout([Tender(PaymentMethod.CASH, 5000)])
    assert till.vm.last_order is not None
    return ReceiptDialog(till.vm.last_order, till.session.settings, till)


def _keys(till: CheckoutDialog) -> QDialog:
    return QuickKeysEditor(till.session, till)


@pytest.mark.parametrize(
    "make",
    [_customer, _parked, _override, _override_pin, _discount, _quantity, _void, _receipt, _keys],
    ids=lambda f: f.__name__[1:],
)
@pytest.mark.parametrize("size", TILL_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_dialogs_of_the_sale_fit(
    qtbot: QtBot, till: CheckoutDialog, size: tuple[int, int], make: Callable[[CheckoutDialog], QDialog]
) -> None:
    dialog = make(till)
    # The size it opens at: its own choice if it made one, else what its layout asks for.
    opens = dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) else dialog.sizeHint()
    assert opens.width() <= size[0] and opens.height() <= size[1]
    open_at(qtbot, dialog, *size)
    assert fit_problems(dialog, *size) == []
    assert small_targets(dialog) == []
