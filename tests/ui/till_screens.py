"""The till's screens as a shop has them, for fit and screenshot tests: the app's stylesheet on
the window itself (whatever another test left on the application), and a sale with long names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.config import resources_dir
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.viewmodels.session import Session

# Two mugs whose names differ only at the end: a cart that cuts names short shows them alike.
LONG_NAMES = {
    "MUG-RED": "Vintage Billboard Enamel Camping Mug Route 66 Red",
    "MUG-BLUE": "Vintage Billboard Enamel Camping Mug Route 66 Blue",
}


def styled(widget: QWidget) -> QWidget:
    """The app's one stylesheet on this window (a dialog it opens is its child and shares it)."""
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))
    widget.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
    return widget


def add_long_names(services: Services, manager: Actor) -> None:
    for sku, name in LONG_NAMES.items():
        services.catalog.add_product(manager, sku, name, 1250, 2000)
        services.stock.receive(manager, sku, 3)


def till_with_sale(qtbot: QtBot, session: Session, tmp_path: Path) -> CheckoutDialog:
    """The sale screen, styled, with five lines: both long mugs, a mug, tea and cards."""
    till = CheckoutDialog(session, cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(till)
    styled(till)
    for code in ("MUG-RED", "MUG-BLUE", "4006381333931", "5012345000008", "3*CARD"):
        assert till.vm.scan(code), till.vm.message_text
    return till
