"""Screens opened from the order side, imported on first use so start-up stays light."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from pos_app.domain.receipt import ReceiptKind
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Approval
from pos_app.ui.scan_redirect import redirect_keys
from pos_app.viewmodels.session import Session


def open_checkout(session: Session, parent: QWidget, on_closed: Callable[[], None]) -> QDialog:
    """Show the sale screen, filling the screen, without blocking the window behind it: a modal
    screen would make Qt drop the scanner's first keys, which reach the main window before the
    screen is active."""
    from pos_app.ui.checkout_dialog import CheckoutDialog

    dialog = CheckoutDialog(session, parent)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    redirect = redirect_keys(parent, dialog.scan_edit)

    def closed(_result: int) -> None:
        redirect.stop()
        on_closed()

    dialog.finished.connect(closed)
    dialog.show_on_screen()  # a till's screen is the sale's: no strip of the order list beside it
    dialog.raise_()
    dialog.activateWindow()  # a non-modal window is not focused by itself without a window manager
    return dialog


def ask_override(session: Session, reason: str, parent: QWidget | None) -> Approval | None:
    """A manager's approval for `reason` (checked once here, and again by the service that
    needs it), or None when cancelled."""
    from pos_app.ui.override_dialog import ask_manager_override

    return ask_manager_override(session, reason, parent)


def show_receipt(
    session: Session, order: OrderDetail, parent: QWidget | None, kind: ReceiptKind = ReceiptKind.COPY
) -> None:
    """An order's receipt again: a copy (it says COPY), which can be switched to a gift
    receipt without prices."""
    from pos_app.ui.receipt import ReceiptDialog
    from pos_app.viewmodels.receipt import ReceiptPrinting

    printing = ReceiptPrinting(session)
    dialog = ReceiptDialog(order, session.settings, parent, kind=kind, printing=printing)
    printing.setParent(dialog)
    dialog.exec()
