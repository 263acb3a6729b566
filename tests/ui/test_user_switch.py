"""Who sees what after a switch at the till: the last user's search and filters go, manager
buttons show only for a manager at an unlocked till, and a customer never gets a clerk's sale."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.orders import OrderQuery
from pos_app.ui import main_window as main_window_module
from pos_app.ui.main_window import MainWindow
from pos_app.viewmodels.open_cart import wait_for_writes
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner
from tests.gui import SessionFor, sell
from tests.ui.windows import OFFSCREEN_NOISE, main_window, ui_settings

pytestmark = OFFSCREEN_NOISE


def narrow_everything(window: MainWindow) -> None:
    bar = window.orders
    bar.search.setText("bob")
    bar.filters.search_now()
    bar.status.setCurrentIndex(bar.status.findText("Placed"))
    bar.since.setDate(QDate(2026, 1, 1))
    bar.until.setDate(QDate(2026, 12, 31))
    bar.customer.setText("bob")
    bar.customer.editingFinished.emit()
    bar.till.setText("T1")
    bar.till.editingFinished.emit()
    bar.attention.setChecked(True)
    assert window.model.query != OrderQuery()


def admin_shown(window: MainWindow) -> bool:
    return any(action.isVisible() or action.isEnabled() for action in window.admin_actions)


def test_the_next_user_starts_with_no_search_and_no_filters(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    sold = sell(services, clerk, "alice")
    session = Session(services, SyncRunner())
    session.set_actor(manager)
    window = main_window(qtbot, session, tmp_path)
    narrow_everything(window)
    session.set_actor(None)
    session.set_actor(clerk)
    bar = window.orders
    assert (bar.search.text(), bar.customer.text(), bar.till.text()) == ("", "", "")
    assert bar.status.currentIndex() == 0 and not bar.attention.isChecked()
    assert bar.since.day() is None and bar.until.day() is None
    assert window.model.query == OrderQuery()
    assert [window.model.order_at(r).id for r in range(window.model.rowCount())] == [sold.id]  # type: ignore[union-attr]


def test_another_user_unlocking_gets_a_clean_list_the_same_one_keeps_theirs(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, tmp_path: Path
) -> None:
    session = Session(services, SyncRunner())
    session.set_actor(manager)
    window = main_window(qtbot, session, tmp_path)
    narrow_everything(window)
    session.lock()
    session.unlock(services.auth.login("manager", "manager123"))  # back from the stockroom
    assert window.orders.search.text() == "bob" and window.model.query.since == date(2026, 1, 1)
    session.lock()
    session.unlock(clerk)
    assert window.orders.search.text() == "" and window.model.query == OrderQuery()


def test_no_manager_buttons_while_nobody_is_logged_in(
    qtbot: QtBot, services: Services, manager: Actor, tmp_path: Path
) -> None:
    session = Session(services, SyncRunner())
    window = MainWindow(session, settings=ui_settings(tmp_path))  # before anyone has logged in
    qtbot.addWidget(window)
    assert not admin_shown(window)
    session.set_actor(manager)
    assert admin_shown(window)
    session.lock()
    assert not admin_shown(window)  # locked: nobody is at the till
    session.unlock(manager)
    assert admin_shown(window)
    session.set_actor(None)
    assert not admin_shown(window)


def test_a_customer_logging_in_at_the_till_never_gets_the_clerks_open_sale(
    qtbot: QtBot,
    services: Services,
    clerk: Actor,
    alice: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = session_for(clerk)
    window = main_window(qtbot, session, tmp_path)
    window.open_checkout()
    assert window.checkout is not None
    window.checkout.vm.scan("2*MUG")  # type: ignore[attr-defined]
    next_user: list[Actor] = [alice]
    log_in = main_window_module.LoginDialog
    monkeypatch.setattr(log_in, "exec", lambda self: session.unlock(next_user[0]) or 1)
    window.lock()  # the clerk walks away; alice logs in on the lock screen
    wait_for_writes()
    assert session.actor.name == "alice"
    window.open_checkout()
    assert window.checkout is not None and window.checkout.vm.cart.lines == ()  # type: ignore[attr-defined]
    window.checkout.close()
    next_user[0] = services.auth.login("clerk", "clerk123")
    window.lock()
    window.open_checkout()
    lines = window.checkout.vm.cart.lines  # type: ignore[attr-defined]
    assert [(line.sku, line.qty) for line in lines] == [("MUG", 2)]
