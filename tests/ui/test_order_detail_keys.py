"""The order detail by keyboard alone: every action on a key, shipping with its tracking number
in one step, Tab through the address, and the refund dialog one key per line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import screens
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.refund_dialog import RefundDialog
from tests.gui import SessionFor, sell
from tests.ui.counter_shop import big_delivery
from tests.ui.windows import OFFSCREEN_NOISE, detail

pytestmark = OFFSCREEN_NOISE
ALT = Qt.KeyboardModifier.AltModifier


def active(qtbot: QtBot, window: QWidget) -> QWidget:
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)
    return window


def key_of(text: str) -> str:
    """'Mark &shipped…' -> 'Alt+S'."""
    return QKeySequence.mnemonic(text).toString()


def processing_delivery(services: Services, clerk: Actor, manager: Actor) -> str:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    services.orders.update_order(manager, order.number, status=OrderStatus.PROCESSING)
    return order.number


def test_every_action_has_its_own_key(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, alice: Actor, session_for: SessionFor
) -> None:
    awaiting = services.checkout.checkout(
        alice, CheckoutRequest(Cart((CartLine("TEA", 1),), fulfilment=Fulfilment.PICKUP))
    )
    shipping = processing_delivery(services, clerk, manager)
    seen: set[str] = set()
    for who, ref in ((clerk, awaiting.number), (manager, awaiting.number), (manager, shipping)):
        dialog = detail(qtbot, session_for, who, ref)
        buttons = [
            b
            for b in dialog.findChildren(QAbstractButton)
            if b.isVisibleTo(dialog) and b.text() and b.text() != "Close"
        ]
        tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        keys = [key_of(b.text()) for b in buttons] + [key_of(t) for t in tabs]
        assert all(keys), [b.text() for b in buttons]
        assert len(set(keys)) == len(keys), keys  # no two share a letter
        seen |= {b.text().replace("&", "").removesuffix(" (manager)") for b in buttons}
    assert {
        "Take payment…",
        "Start processing",
        "Ready for pickup",
        "Mark shipped…",
        "Cancel order…",
        "Refund…",
        "Reprint receipt",
    } <= seen
    assert {key_of(v) for v in ("Mark &delivered", "Mark c&ollected")} == {"Alt+D", "Alt+O"}


def test_alt_s_asks_for_the_tracking_number_and_ships_in_one_step(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    number = processing_delivery(services, clerk, manager)
    dialog = detail(qtbot, session_for, clerk, number)
    active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: dialog.ship_dialog is not None, timeout=1000)  # a mnemonic clicks in 100 ms
    ship = dialog.ship_dialog
    assert ship is not None
    qtbot.waitUntil(ship.field.hasFocus, timeout=1000)
    assert "1 Main St" in [label.text() for label in ship.findChildren(type(dialog.number))]
    qtbot.keyClicks(ship.field, "RM123456789GB")  # typed, or scanned with an Enter after it
    qtbot.keyClick(ship.field, Qt.Key.Key_Return)
    order = services.orders.get_order(manager, number)
    assert order.status is OrderStatus.SHIPPED and order.tracking == "RM123456789GB"
    assert dialog.banner.text() == f"{number}: shipped, tracking RM123456789GB"
    assert [e.action for e in order.events][-2:] == ["status", "shipping"]  # one change, both


def test_shipping_without_a_number_is_asked_for_not_assumed(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    number = processing_delivery(services, clerk, manager)
    dialog = detail(qtbot, session_for, manager, number)
    ship = dialog.mark_shipped()
    assert ship is not None
    qtbot.keyClick(ship.field, Qt.Key.Key_Return)  # Enter with nothing typed
    assert ship.isVisible() and ship.error.isVisible()
    assert services.orders.get_order(manager, number).status is OrderStatus.PROCESSING
    ship.untracked.setChecked(True)
    qtbot.keyClick(ship.ok, Qt.Key.Key_Return)
    assert services.orders.get_order(manager, number).status is OrderStatus.SHIPPED
    assert dialog.banner.text() == f"{number}: shipped without a tracking number"


def test_escape_leaves_the_order_as_it_was(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    number = processing_delivery(services, clerk, manager)
    dialog = detail(qtbot, session_for, manager, number)
    ship = dialog.mark_shipped()
    assert ship is not None
    qtbot.keyClicks(ship.field, "RM9")
    qtbot.keyClick(ship.field, Qt.Key.Key_Escape)
    order = services.orders.get_order(manager, number)
    assert order.status is OrderStatus.PROCESSING and order.tracking == ""


def test_tab_goes_through_the_address_box(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    number = processing_delivery(services, clerk, manager)
    dialog = detail(qtbot, session_for, manager, number)
    active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_U, ALT)  # the Customer & shipping tab
    assert dialog.tabs.currentWidget() is dialog.shipping
    dialog.ship_to.setFocus()
    qtbot.waitUntil(dialog.ship_to.hasFocus, timeout=1000)
    qtbot.keyClick(dialog.ship_to, Qt.Key.Key_Tab)
    assert dialog.tracking.hasFocus() and "\t" not in dialog.ship_to.toPlainText()


def test_ctrl_p_reprints_the_receipt(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = sell(services, clerk)
    shown: list[str] = []
    monkeypatch.setattr(screens, "show_receipt", lambda _s, o, _p: shown.append(o.number))
    dialog = detail(qtbot, session_for, manager, order.number)
    active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown == [order.number]
    qtbot.keyClick(dialog, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(lambda: shown == [order.number, order.number], timeout=1000)


def test_the_refund_dialog_takes_one_key_per_line(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor
) -> None:
    order = big_delivery(services, manager, clerk)
    dialog = RefundDialog(order)
    qtbot.addWidget(dialog)
    active(qtbot, dialog)
    first, second, third = dialog.spins
    qtbot.waitUntil(first.hasFocus, timeout=1000)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus()
    qtbot.keyClicks(second, "1")  # the quantity there is selected: typing replaces it
    qtbot.keyClick(second, Qt.Key.Key_Tab)
    assert third.hasFocus()
    qtbot.keyClick(third, Qt.Key.Key_Return)
    assert dialog.result() == RefundDialog.DialogCode.Accepted
    assert dialog.lines() == {"VBMUG2": 1}


def test_refund_from_the_order_by_keyboard(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = sell(services, clerk, lines=(CartLine("MUG", 3), CartLine("TEA", 1)))
    dialog = detail(qtbot, session_for, manager, order.number)
    active(qtbot, dialog)

    def choose(refund: RefundDialog) -> int:
        active(qtbot, refund)
        qtbot.waitUntil(refund.spins[0].hasFocus, timeout=1000)
        qtbot.keyClicks(refund.spins[0], "2")
        qtbot.keyClick(refund.spins[0], Qt.Key.Key_Return)
        return int(refund.result())

    monkeypatch.setattr(RefundDialog, "exec", choose)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: services.orders.get_order(manager, order.number).lines[0].refunded_qty == 2)
    assert isinstance(dialog, OrderDetailDialog) and "refunded" in dialog.banner.text()
