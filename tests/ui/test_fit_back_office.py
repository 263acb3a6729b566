"""The order side fits a till's screen: the main window, the order detail and the refund dialog,
opened as the app opens them and at full screen, at 1024x768 and 1280x800, with the app's style."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
from pos_app.domain.orders import Fulfilment
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.main_window import MainWindow
from pos_app.ui.order_detail import OrderDetailDialog
from pos_app.ui.refund_dialog import RefundDialog
from pos_app.viewmodels.order_list import TOTAL
from tests.gui import SessionFor
from tests.ui.counter_shop import big_delivery
from tests.ui.fit import TILL_SCREENS, open_at, small_targets
from tests.ui.fit_views import screen_of, show_as_launched, window_problems
from tests.ui.windows import OFFSCREEN_NOISE, ui_settings

pytestmark = [OFFSCREEN_NOISE, pytest.mark.usefixtures("styled")]


def check(qtbot: QtBot, make: object, width: int, height: int) -> QWidget:
    """Open as the app does on that screen, then full-screen: nothing may be broken either way."""
    assert callable(make)
    with screen_of(width, height):
        window = make()
    qtbot.addWidget(window)
    show_as_launched(qtbot, window)
    assert window_problems(window, width, height) == []
    open_at(qtbot, window, width, height)
    assert window_problems(window, width, height) == []
    assert small_targets(window) == []
    return window


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
@pytest.mark.parametrize("who", ["manager", "clerk", "alice"])
def test_the_main_window_fits(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    who: str,
    width: int,
    height: int,
) -> None:
    big_delivery(services, manager, clerk)
    actor = services.auth.login(who, f"{who}123")
    settings = ui_settings(tmp_path)
    window = check(qtbot, lambda: MainWindow(session_for(actor), settings=settings), width, height)
    assert isinstance(window, MainWindow)
    assert window.model.data(window.model.index(0, TOTAL)) == "£1,234.56"


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
def test_the_locked_main_window_fits(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path, width: int, height: int
) -> None:
    session = session_for(manager)
    window = check(qtbot, lambda: MainWindow(session, settings=ui_settings(tmp_path)), width, height)
    session.lock()
    assert window_problems(window, width, height) == []


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
@pytest.mark.parametrize("who", ["manager", "clerk", "alice"])
def test_the_order_detail_fits(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    who: str,
    width: int,
    height: int,
) -> None:
    order = big_delivery(services, manager, clerk)
    actor = services.auth.login(who, f"{who}123")
    check(qtbot, lambda: OrderDetailDialog(session_for(actor), order.number), width, height)


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
def test_the_order_detail_with_every_button_fits(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    alice: Actor,
    session_for: SessionFor,
    width: int,
    height: int,
) -> None:
    """A clerk on a delivery awaiting payment: take payment, process, cancel and refund (both
    with a manager), reprint, close."""
    cart = Cart((CartLine("TEA", 1),), fulfilment=Fulfilment.DELIVERY, ship_to="1 Main St")
    order = services.checkout.checkout(alice, CheckoutRequest(cart))
    dialog = check(qtbot, lambda: OrderDetailDialog(session_for(clerk), order.number), width, height)
    assert isinstance(dialog, OrderDetailDialog) and dialog.status_buttons


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
def test_the_refund_dialog_shows_whole_item_names(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, width: int, height: int
) -> None:
    order = big_delivery(services, manager, clerk)
    check(qtbot, lambda: RefundDialog(order), width, height)


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
def test_the_refund_dialog_fits_a_weighed_line(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, width: int, height: int
) -> None:
    from pos_app.domain.variable_measure import SoldBy
    from tests.gui import sell

    services.catalog.add_product(
        manager, "LOOSETEA", "Loose leaf Assam tea, second flush (per kg)", 2400, 0, sold_by=SoldBy.WEIGHT
    )
    order = sell(services, clerk, lines=(CartLine("LOOSETEA", 99_999, weighed=True), CartLine("MUG", 2)))
    check(qtbot, lambda: RefundDialog(order), width, height)
