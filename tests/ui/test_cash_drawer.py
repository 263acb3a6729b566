"""The cash drawer screens, driven by keyboard: open with a count by note and coin (running
total), pay in and out (a manager over the limit), the X report on screen, the close with the
difference shown as it is counted and a manager over the limit; pictures at 1024x768."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.drawer import DrawerMode
from pos_app.domain.drawer_report import report_lines
from pos_app.domain.users import Actor, Approval
from pos_app.services import Services
from pos_app.ui import screens
from pos_app.ui.admin_settings import SettingsDialog
from pos_app.ui.cash_count import CloseDrawerDialog, OpenDrawerDialog
from pos_app.ui.cash_drawer import DrawerDialog, PayDialog, ReportDialog
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.launch import load_style
from pos_app.viewmodels.cash_drawer import DrawerViewModel
from tests.gui import SessionFor, sell
from tests.ui.shots import SHOTS
from tests.ui.windows import OFFSCREEN_NOISE, main_window

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def shop(services: Services, manager: Actor) -> Services:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    return services


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Reports shown (their text), without a modal loop."""
    shown: list[str] = []

    def exec_(dialog: ReportDialog) -> int:
        shown.append(dialog.text.toPlainText())
        return 1

    monkeypatch.setattr(ReportDialog, "exec", exec_)
    return shown


def vm_for(qtbot: QtBot, session_for: SessionFor, actor: Actor) -> DrawerViewModel:
    vm = DrawerViewModel(session_for(actor))
    vm.load()
    return vm


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # offscreen, a window is not made active by itself
    qtbot.waitUntil(widget.isActiveWindow, timeout=1000)


def test_the_float_is_counted_note_by_note_with_a_running_total(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor
) -> None:
    vm = vm_for(qtbot, session_for, clerk)
    dialog = OpenDrawerDialog(vm)
    shown(qtbot, dialog)
    twenties = dialog.panel.field_for(2000)
    assert dialog.panel.fields[0].hasFocus()  # the £50 notes, first
    qtbot.keyClick(dialog.panel.fields[0], Qt.Key.Key_Return)  # Enter moves on, as Tab does
    assert twenties.hasFocus()
    qtbot.keyClicks(twenties, "3")
    qtbot.keyClick(twenties, Qt.Key.Key_Tab)
    coins = dialog.panel.field_for(50)
    coins.setFocus()
    qtbot.keyClicks(coins, "10")
    assert dialog.panel.total.text() == "Counted: £65.00"
    assert dialog.panel.line_totals[dialog.panel.fields.index(twenties)].text() == "£60.00"
    assert dialog.go.text() == "&Open with £65.00"
    dialog.go.setFocus()
    qtbot.keyClick(dialog.go, Qt.Key.Key_Return)
    assert dialog.result() == 1
    status = shop.cash.status(clerk)
    assert status.session is not None and status.session.float_amount == 6500
    assert "T1-S0001 open since" in vm.headline()


def test_pay_out_by_keyboard_and_a_manager_over_the_limit(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop.cash.open(clerk, count_of_sum(20000))
    vm = vm_for(qtbot, session_for, clerk)
    asked: list[str] = []
    monkeypatch.setattr(screens, "ask_override", lambda _s, reason, _p: asked.append(reason) or None)
    dialog = PayDialog(vm, into=False)
    shown(qtbot, dialog)
    qtbot.keyClicks(dialog.amount, "60.00")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.reason.hasFocus()
    qtbot.keyClicks(dialog.reason, "supplier")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert asked and "a pay-out of 60.00 is over the 50.00 limit" in asked[0]
    assert "over the 50.00 limit" in dialog.error.text() and dialog.isVisible()  # no manager: refused
    assert shop.cash.status(clerk).expected == 20000
    monkeypatch.setattr(screens, "ask_override", lambda _s, _r, _p: Approval("manager", "manager123"))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert shop.cash.status(clerk).expected == 14000
    entry = shop.cash.x_report(clerk).facts.cash_entries[0]
    assert (entry.amount, entry.reason, entry.approver) == (-6000, "supplier", "manager")


def test_the_close_shows_the_difference_as_the_drawer_is_counted(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop.cash.open(clerk, count_of_sum(10000))
    sell(shop, clerk, cash=2000)  # 10.55 in cash: 110.55 expected
    vm = vm_for(qtbot, session_for, clerk)
    z: list[object] = []
    vm.report_ready.connect(z.append)
    monkeypatch.setattr(screens, "ask_override", lambda _s, _r, _p: Approval("manager", "manager123"))
    dialog = CloseDrawerDialog(vm)
    shown(qtbot, dialog)
    assert "It should hold £110.55" in dialog.intro.text()
    qtbot.keyClicks(dialog.panel.field_for(5000), "2")
    assert dialog.difference.text() == "Expected £110.55 · counted £100.00 · Short by £10.55"
    dialog.go.click()  # over the 5.00 limit: the manager approves
    assert dialog.result() == 1
    title, lines, report = z[0]  # type: ignore[misc]
    assert title == "Z report T1-S0001" and "difference approved by manager" in "\n".join(lines)
    assert report.difference == -1055
    assert shop.cash.status(clerk).session is None


def test_the_drawer_screen_follows_the_drawer_and_shows_the_x_report(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor, reports: list[str]
) -> None:
    dialog = DrawerDialog(session_for(clerk))
    shown(qtbot, dialog)
    assert "is closed: cash is refused until it is opened" in dialog.headline.text()
    assert dialog.open_button.isEnabled() and not dialog.close_button.isEnabled()
    assert not dialog.z_button.isEnabled()
    shop.cash.open(clerk, count_of_sum(5000))
    sell(shop, clerk, cash=2000)
    dialog.vm.load()
    assert "1 sales, £60.55 expected in the drawer" in dialog.headline.text()
    assert not dialog.open_button.isEnabled() and dialog.close_button.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_X)
    assert reports and reports[0].startswith("X REPORT (session still open)")
    assert "Expected in the drawer                 60.55" in reports[0]
    shop.cash.close(clerk, count_of_sum(6055))
    dialog.vm.load()
    qtbot.keyClick(dialog, Qt.Key.Key_Z)
    assert reports[1].startswith("Z REPORT") and "Journal head" in reports[1]


def test_the_main_window_opens_the_drawer_for_staff_only(
    qtbot: QtBot, shop: Services, clerk: Actor, alice: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    window = main_window(qtbot, session_for(clerk), tmp_path)
    assert window.cash_drawer.shortcut().toString() == "Ctrl+D" and window.cash_drawer.isVisible()
    assert window.cash_drawer in window.till_menu.actions()  # its Till menu, as well as the key
    customer = main_window(qtbot, session_for(alice), tmp_path)
    assert not customer.cash_drawer.isVisible()


def test_the_sale_screen_opens_the_drawer_by_touch_or_ctrl_d_for_staff_only(
    qtbot: QtBot, shop: Services, clerk: Actor, alice: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    till = CheckoutDialog(session_for(clerk), cart_file=tmp_path / "clerk.json")
    shown(qtbot, till)
    button = till.side.drawer_button
    assert button.isVisible()  # a finger's size: tests/ui/test_till_fit.py
    assert button.text() == "Drawer closed  (Ctrl+D)"  # cash would be refused: it says so first
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    drawer = till.side_dialog
    assert isinstance(drawer, DrawerDialog) and drawer.isVisible()
    assert "cash is refused until it is opened" in drawer.headline.text()
    shop.cash.open(clerk, count_of_sum(5000))
    drawer.reject()
    assert till.side_dialog is None and till.scan_edit.hasFocus()  # back to scanning
    assert button.text() == "Drawer  (Ctrl+D)"
    button.click()
    assert isinstance(till.side_dialog, DrawerDialog)
    till.side_dialog.reject()

    own = CheckoutDialog(session_for(alice), cart_file=tmp_path / "alice.json")
    shown(qtbot, own)
    assert not own.side.drawer_button.isVisible()
    qtbot.keyClick(own.scan_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert own.side_dialog is None


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    load_style(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.mark.usefixtures("styled")
def test_screenshots_at_1024x768(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor, reports: list[str]
) -> None:
    shop.cash.open(clerk, count_of_sum(10000))
    for n in range(6):
        sell(shop, clerk, cash=2000 if n % 2 else 0)
    shop.cash.cash_out(clerk, 1250, "window cleaner")
    session = session_for(clerk)
    SHOTS.mkdir(parents=True, exist_ok=True)
    hub = DrawerDialog(session)
    shown(qtbot, hub)
    hub.move(0, 0)
    close = CloseDrawerDialog(hub.vm)
    shown(qtbot, close)
    close.panel.field_for(5000).setText("2")
    close.panel.field_for(100).setText("11")
    qtbot.keyClick(hub, Qt.Key.Key_X)
    report = ReportDialog("X report T1-S0001", reports[0].splitlines())
    shown(qtbot, report)
    for widget, name in ((hub, "cash_drawer.png"), (close, "cash_close.png"), (report, "cash_x_report.png")):
        assert widget.width() <= 1024 and widget.height() <= 768, name
        assert widget.grab().save(str(SHOTS / name))


def test_a_manager_sets_how_the_till_takes_cash_and_the_limits(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = SettingsDialog(session_for(manager))
    qtbot.addWidget(dialog)
    assert dialog.cash_drawer.currentData() == DrawerMode.UNTRACKED  # a database from before sessions
    assert (dialog.payout_limit.text(), dialog.difference_limit.text()) == ("50.00", "5.00")
    dialog.cash_drawer.setCurrentIndex(dialog.cash_drawer.findData(DrawerMode.CARD_ONLY))
    dialog.payout_limit.setText("abc")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.line.text().startswith("pay-out limit:")
    assert services.settings.current().cash_drawer is DrawerMode.UNTRACKED
    dialog.payout_limit.setText("20.00")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "settings saved"
    saved = services.settings.current()
    assert (saved.cash_drawer, saved.cash_payout_limit, saved.cash_difference_limit) == (
        DrawerMode.CARD_ONLY,
        2000,
        500,
    )


def test_the_z_report_is_saved_as_a_private_pdf(
    qtbot: QtBot, shop: Services, clerk: Actor, tmp_path: Path
) -> None:
    shop.cash.open(clerk, count_of_sum(1000))
    closed = shop.cash.close(clerk, count_of_sum(1000))
    dialog = ReportDialog("Z report T1-S0001", report_lines(closed.report, closed.journal_hash))
    qtbot.addWidget(dialog)
    target = tmp_path / "z.pdf"
    dialog.save_pdf(target)
    assert dialog.status.text() == "saved z.pdf"
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_mode & 0o777 == 0o600
    dialog.save_pdf(tmp_path / "no-such-folder" / "z.pdf")
    assert dialog.status.text().startswith("there is no folder")
