"""The order detail dialog: what it shows, the buttons each user gets, and what they do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.cart import CartLine
from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.ui import screens
from pos_app.ui.order_detail import OrderDetailDialog
from tests.gui import SessionFor, sell
from tests.ui.windows import OFFSCREEN_NOISE, detail

pytestmark = OFFSCREEN_NOISE


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_it_shows_lines_taxes_payments_and_history(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "alice", lines=(CartLine("MUG", 2), CartLine("CARD", 1)), cash=2000)
    dialog = detail(qtbot, session_for, manager, order.number)
    assert dialog.windowTitle() == f"Order {order.number}"
    assert dialog.status.text() == "COMPLETED"
    assert dialog.lines.rowCount() == 2
    assert dialog.lines.item(0, 1).text() == "Blue Mug"
    assert dialog.lines.item(0, 5).text() == "£1.33 (20%)"
    assert dialog.totals.labels["Total"].text() == "£9.99"
    assert dialog.payments.item(0, 4).text() == "£20.00"  # tendered
    assert dialog.payments.item(0, 5).text() == "£10.01"  # change
    assert dialog.customer.text() == "alice"
    assert dialog.history.rowCount() >= 1 and dialog.history.item(0, 1).text() == "clerk"


def test_a_manager_moves_an_order_through_its_statuses(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    dialog = detail(qtbot, session_for, manager, order.number)
    for target in (OrderStatus.PROCESSING, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        assert list(dialog.status_buttons) == [target]
        click(qtbot, dialog.status_buttons[target])
        if target is OrderStatus.SHIPPED:  # asks for the tracking number first
            assert dialog.ship_dialog is not None
            dialog.ship_dialog.field.setText("RM1")
            click(qtbot, dialog.ship_dialog.ok)
        assert dialog.status.text() == target.value.upper()
    assert dialog.status_buttons == {}
    assert dialog.banner.text() == f"{order.number}: status set to delivered"
    history = [dialog.history.item(r, 3).text() for r in range(dialog.history.rowCount())]
    moves = [text for text in history if text]
    assert moves[-3:] == ["Placed → Processing", "Processing → Shipped", "Shipped → Delivered"]
    assert not dialog.cancel_button.isEnabled()
    assert "cannot be cancelled" in dialog.cancel_button.toolTip()


def test_shipping_details_are_edited_in_place(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    dialog = detail(qtbot, session_for, manager, order.number)
    dialog.ship_to.setPlainText("9 Side Road")
    dialog.tracking.setText("TRK9")
    click(qtbot, dialog.save_shipping)
    assert services.orders.get_order(manager, order.number).tracking == "TRK9"
    assert "shipping details saved" in dialog.banner.text()


def test_a_stale_edit_is_refused_with_a_clear_message_and_reloaded(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.DELIVERY)
    dialog = detail(qtbot, session_for, manager, order.number)
    services.orders.update_order(manager, order.number, note="someone else was here")
    click(qtbot, dialog.status_buttons[OrderStatus.PROCESSING])
    assert dialog.banner.isVisibleTo(dialog)
    assert dialog.banner.text().startswith(f"{order.number} was changed by someone else")
    assert dialog.status.text() == "PLACED"
    assert dialog.note.toPlainText() == "someone else was here"  # reloaded
    click(qtbot, dialog.status_buttons[OrderStatus.PROCESSING])
    assert dialog.status.text() == "PROCESSING"


def test_a_clerk_gets_refund_only_through_a_manager_override(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = sell(services, clerk)
    dialog = detail(qtbot, session_for, clerk, order.number)
    assert dialog.refund_button.isEnabled()
    assert dialog.refund_button.toolTip() == "a clerk may not refund: a manager can approve it"
    assert not dialog.cancel_button.isEnabled()
    monkeypatch.setattr(OrderDetailDialog, "choose_refund", lambda self: ({"MUG": 1}, True))
    asked: list[str] = []

    def no_manager(_session: object, reason: str, _parent: object) -> None:
        asked.append(reason)

    monkeypatch.setattr(screens, "ask_override", no_manager)
    click(qtbot, dialog.refund_button)
    assert asked == ["a clerk may not refund"]
    assert dialog.vm.order is not None and dialog.vm.order.refunded == 0  # nobody approved
    monkeypatch.setattr(screens, "ask_override", lambda _s, _r, _p: Approval("manager", "manager123"))
    click(qtbot, dialog.refund_button)
    assert dialog.vm.order.refunded == 400
    assert "approved by manager" in dialog.history.item(dialog.history.rowCount() - 1, 1).text()


def test_a_manager_cancels_and_chooses_about_stock(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order = sell(services, clerk, "bob", Fulfilment.PICKUP)
    before = services.catalog.find("MUG").on_hand
    dialog = detail(qtbot, session_for, manager, order.number)
    monkeypatch.setattr(OrderDetailDialog, "confirm_cancel", lambda self: (True, False))
    click(qtbot, dialog.cancel_button)
    assert dialog.status.text() == "CANCELLED"
    assert services.catalog.find("MUG").on_hand == before  # not restocked, as chosen
    assert not dialog.refund_button.isEnabled() and dialog.status_buttons == {}


def test_a_customer_can_see_but_not_refund(
    qtbot: QtBot, services: Services, clerk: Actor, alice: Actor, session_for: SessionFor
) -> None:
    order = sell(services, clerk, "alice")
    dialog = detail(qtbot, session_for, alice, order.number)
    assert not dialog.refund_button.isEnabled()
    assert dialog.refund_button.toolTip() == "a customer may not refund"
    assert dialog.status_buttons == {}


def test_the_refund_dialog_collects_quantities(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor
) -> None:
    from pos_app.ui.refund_dialog import RefundDialog

    order = sell(services, clerk, lines=(CartLine("MUG", 3), CartLine("TEA", 1)))
    dialog = RefundDialog(order)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.spins[0].setValue(2)
    assert dialog.lines() == {"MUG": 2} and dialog.ok.isEnabled()
    dialog.select_all()
    assert dialog.lines() == {"MUG": 3, "TEA": 1}


def test_a_clerk_takes_payment_for_an_order_awaiting_it(
    qtbot: QtBot, services: Services, clerk: Actor, alice: Actor, session_for: SessionFor
) -> None:
    from pos_app.domain.cart import Cart, CheckoutRequest

    order = services.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("TEA", 1),))))
    dialog = detail(qtbot, session_for, clerk, order.number)
    assert dialog.status.text() == "PLACED"
    assert dialog.totals.labels["Due"].text() == "£2.55 awaiting payment"
    assert not dialog.pay_button.isHidden() and dialog.pay_button.isEnabled()
    payment = dialog.take_payment()
    assert payment is not None and payment.vm.total == 255
    qtbot.keyClicks(payment.cash_field, "5")
    qtbot.keyClick(payment.cash_field, Qt.Key.Key_Return)
    assert dialog.status.text() == "COMPLETED"
    assert dialog.totals.labels["Due"].text() == "—"
    assert dialog.totals.labels["Change"].text() == "£2.45"
    assert dialog.banner.text() == f"{order.number}: payment taken"
    assert dialog.pay_button.isHidden()
    assert services.orders.get_order(clerk, order.number).balance_due == 0


def test_a_customer_sees_what_is_due_but_cannot_take_payment(
    qtbot: QtBot, services: Services, alice: Actor, session_for: SessionFor
) -> None:
    from pos_app.domain.cart import Cart, CheckoutRequest

    order = services.checkout.checkout(alice, CheckoutRequest(Cart((CartLine("TEA", 1),))))
    dialog = detail(qtbot, session_for, alice, order.number)
    assert dialog.totals.labels["Due"].text() == "£2.55 awaiting payment"
    assert dialog.pay_button.isHidden()
    assert dialog.take_payment() is None
