"""Screens another part of the app provides, imported only when used and missing gracefully."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from pos_app.domain.users import Actor
from pos_app.viewmodels.session import Session

log = logging.getLogger(__name__)


def optional(module: str, name: str) -> Any | None:
    """`module.name`, or None when that module is not there (yet); other import errors raise."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        log.info("%s is not available", module)
        return None
    return getattr(loaded, name, None)


def open_checkout(session: Session, parent: QWidget | None) -> bool:
    """Run the checkout dialog; False (after telling the user) when there is none."""
    dialog_class = optional("pos_app.ui.checkout_dialog", "CheckoutDialog")
    if dialog_class is None:
        QMessageBox.information(parent, "New sale", "Checkout is not available in this build yet.")
        return False
    dialog_class(session, parent).exec()
    return True


def ask_override(session: Session, reason: str, parent: QWidget | None) -> Actor | None:
    """A manager's approval for `reason`, or None when refused, cancelled or unavailable."""
    ask = optional("pos_app.ui.override_dialog", "ask_manager_override")
    if ask is None:
        QMessageBox.information(
            parent, "Manager override", f"{reason}.\nManager override is not available in this build yet."
        )
        return None
    approver = ask(session, reason, parent)
    return approver if isinstance(approver, Actor) else None


def show_receipt(session: Session, order: object, parent: QWidget | None) -> bool:
    """Show the order's receipt (to print or save) when the receipt screen is there."""
    dialog_class = optional("pos_app.ui.receipt", "ReceiptDialog")
    if dialog_class is None:
        return False
    dialog_class(order, session.settings, parent).exec()
    return True
