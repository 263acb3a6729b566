"""Every other window and dialog fits a till's screen (1024x768, 1280x800) with the app's style:
log-in and lock, the manager's screens, approvals, receipts, customers and parked sales, the
cash drawer's screens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.drawer_report import report_lines
from pos_app.domain.orders import Fulfilment
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import (
    admin_settings,
    admin_stock,
    admin_users,
    cash_count,
    cash_drawer,
    customer_dialog,
    first_run_dialog,
    held_sales,
    override_dialog,
    product_form,
    receipt,
    ship_dialog,
    small_dialogs,
)
from pos_app.ui.login_dialog import LoginDialog
from pos_app.viewmodels.cash_drawer import DrawerViewModel
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.first_run import FirstRunViewModel
from pos_app.viewmodels.receipt import ReceiptPrinting
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner
from tests.gui import SessionFor, sell
from tests.ui.fit import TILL_SCREENS, open_at, small_targets
from tests.ui.fit_views import screen_of, show_as_launched, window_problems
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = [OFFSCREEN_NOISE, pytest.mark.usefixtures("styled")]

Make = Callable[[], QWidget]


def dialogs(
    services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp: Path
) -> dict[str, Make]:
    boss = session_for(manager)
    order = sell(services, clerk, "alice", Fulfilment.DELIVERY)

    def sale() -> CheckoutViewModel:
        return CheckoutViewModel(session_for(clerk), tmp / "open-cart.json")

    services.settings.update(manager, {"cash_drawer": "sessions"})
    services.cash.open(clerk, count_of_sum(10000))
    services.cash.cash_out(clerk, 1250, "window cleaner " * 8)
    till = session_for(clerk)
    x_report = services.cash.x_report(clerk)
    z_lines = report_lines(x_report)

    def drawer() -> DrawerViewModel:
        vm = DrawerViewModel(till)
        vm.load()
        return vm

    return {
        "log in": lambda: LoginDialog(Session(services, SyncRunner())),
        "unlock": lambda: LoginDialog(session_for(clerk), locked=True, user="clerk"),
        "users": lambda: admin_users.UsersDialog(boss),
        "products and stock": lambda: admin_stock.StockDialog(boss),
        "settings": lambda: admin_settings.SettingsDialog(boss),
        "settings of this till": lambda: _on_page(admin_settings.SettingsDialog(boss), 1),
        "new product": lambda: product_form.ProductFormDialog(boss),
        "manager approval": lambda: override_dialog.OverrideDialog(boss, "a clerk may not refund"),
        "receipt": lambda: receipt.ReceiptDialog(order, boss.settings),
        "first run": lambda: first_run_dialog.FirstRunDialog(FirstRunViewModel(tmp / "new.sqlite3")),
        "customer": lambda: customer_dialog.CustomerDialog(sale()),
        "parked sales": lambda: held_sales.HeldSalesDialog(sale()),
        "discount": lambda: small_dialogs.EntryDialog("Discount", "Amount or percent", lambda _t: ""),
        "ship": lambda: ship_dialog.ShipDialog(order),
        "cash drawer": lambda: cash_drawer.DrawerDialog(till),
        "open the drawer": lambda: cash_count.OpenDrawerDialog(drawer()),
        "close the drawer": lambda: cash_count.CloseDrawerDialog(drawer()),
        "pay cash out": lambda: cash_drawer.PayDialog(drawer(), into=False),
        "drawer report": lambda: cash_drawer.ReportDialog("Z report T1-S0001", z_lines),
        "drawer report, receipt printer": lambda: cash_drawer.ReportDialog(
            "X report T1-S0001", z_lines, report=x_report, printing=ReceiptPrinting(_printing(till, manager))
        ),
    }


def _printing(session: Session, manager: Actor) -> Session:
    """The till with a receipt printer (a network one: nothing is sent while it is measured)."""
    session.services.settings.update(manager, {"receipt_printer": "network:10.0.0.9"})
    return session


def _on_page(dialog: Any, page: int) -> Any:
    dialog.pages.setCurrentIndex(page)
    return dialog


NAMES = [
    "log in",
    "unlock",
    "users",
    "products and stock",
    "settings",
    "settings of this till",
    "new product",
    "manager approval",
    "receipt",
    "first run",
    "customer",
    "parked sales",
    "discount",
    "ship",
    "cash drawer",
    "open the drawer",
    "close the drawer",
    "pay cash out",
    "drawer report",
    "drawer report, receipt printer",
]


@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
@pytest.mark.parametrize("name", NAMES)
def test_the_dialog_fits(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    name: str,
    width: int,
    height: int,
) -> None:
    makers = dialogs(services, manager, clerk, session_for, tmp_path)
    assert sorted(makers) == sorted(NAMES)
    make = makers[name]
    with screen_of(width, height):
        dialog = make()
    qtbot.addWidget(dialog)
    show_as_launched(qtbot, dialog)
    assert window_problems(dialog, width, height) == []
    open_at(qtbot, dialog, width, height)
    assert window_problems(dialog, width, height) == []
    assert small_targets(dialog) == []
