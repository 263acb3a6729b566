"""Screens opened from the order side, imported on first use so start-up stays light."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor
from pos_app.viewmodels.session import Session


def open_checkout(session: Session, parent: QWidget | None) -> None:
    from pos_app.ui.checkout_dialog import CheckoutDialog

    CheckoutDialog(session, parent).exec()


def ask_override(session: Session, reason: str, parent: QWidget | None) -> Actor | None:
    """A manager's approval for `reason`, or None when refused or cancelled."""
    from pos_app.ui.override_dialog import ask_manager_override

    return ask_manager_override(session, reason, parent)


def show_receipt(session: Session, order: OrderDetail, parent: QWidget | None) -> None:
    from pos_app.ui.receipt import ReceiptDialog

    ReceiptDialog(order, session.settings, parent).exec()
