"""Pictures of the main screens (build/screenshots; `make screenshots` refreshes docs/screenshots)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.config import resources_dir
from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.login_dialog import LoginDialog
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.refund_dialog import RefundDialog
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner
from tests.gui import SessionFor, sell
from tests.ui.counter_shop import big_delivery
from tests.ui.fit_views import screen_of
from tests.ui.shots import SHOTS
from tests.ui.windows import OFFSCREEN_NOISE, main_window

pytestmark = OFFSCREEN_NOISE


def save(qtbot: QtBot, widget: QWidget, name: str, width: int, height: int) -> Path:
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))
    return path


def shop(services: Services, clerk: Actor, manager: Actor) -> str:
    """A morning's trade; returns a delivery order that has been through a few hands."""
    customers = [None, "alice", "bob", None, "alice"]
    for n in range(24):
        fulfilment = (Fulfilment.IN_STORE, Fulfilment.PICKUP, Fulfilment.DELIVERY)[n % 3]
        lines = (CartLine("MUG", 1 + n % 3), CartLine("TEA", 1)) if n % 2 else (CartLine("CARD", 2),)
        sell(services, clerk, customers[n % 5], fulfilment, lines, cash=5000 if n % 4 == 0 else 0)
    order = sell(services, clerk, "alice", Fulfilment.DELIVERY, (CartLine("MUG", 2), CartLine("CARD", 1)))
    services.orders.update_order(manager, order.number, status=OrderStatus.PROCESSING, note="gift wrap")
    services.orders.update_order(manager, order.number, status=OrderStatus.SHIPPED, tracking="RM123456789GB")
    return order.number


@pytest.mark.usefixtures("styled")
def test_screenshots(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    assert (resources_dir() / "style.qss").exists()
    login = LoginDialog(Session(services, SyncRunner()))
    qtbot.addWidget(login)
    login.user.setText("clerk")
    assert save(qtbot, login, "login.png", 440, 330).stat().st_size > 0
    login.tabs.setCurrentIndex(1)
    assert save(qtbot, login, "login_pin.png", 440, 330).stat().st_size > 0


@pytest.mark.usefixtures("styled")
def test_back_office_screenshots_at_1024x768(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    """The order side on the commonest till screen, each window at the size it takes there."""
    number = shop(services, clerk, manager)
    big = big_delivery(services, manager, clerk)
    services.orders.update_order(manager, big.number, status=OrderStatus.PROCESSING)
    session = session_for(manager)
    window = main_window(qtbot, session, tmp_path)
    assert save(qtbot, window, "main_window.png", 1024, 768).stat().st_size > 0
    with screen_of(1024, 768):
        dialog = OrderDetailDialog(session, number)
        refund = RefundDialog(big)
        shipping = OrderDetailDialog(session, big.number)
    for widget in (dialog, refund, shipping):
        qtbot.addWidget(widget)
    assert save(qtbot, dialog, "order_detail.png", dialog.width(), dialog.height()).stat().st_size > 0
    assert save(qtbot, refund, "refund_dialog.png", refund.width(), refund.height()).stat().st_size > 0
    ship = shipping.mark_shipped()
    assert ship is not None
    ship.field.setText("RM123456785GB")
    assert save(qtbot, ship, "ship_dialog.png", ship.width(), ship.height()).stat().st_size > 0
    session.lock()
    assert save(qtbot, window, "locked.png", 1024, 768).stat().st_size > 0
