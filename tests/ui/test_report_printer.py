"""X and Z reports on the till's receipt printer from the cash drawer screen: the report's
"Receipt printer" button (F5) only when the till has one, a Z report printed as the session is
closed here, and a printer that fails saying so in the report while the close stands."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.denominations import count_of_sum
from pos_app.domain.drawer_report import report_lines
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.cash_drawer import DrawerDialog, ReportDialog
from pos_app.viewmodels.cash_drawer import CountModel
from pos_app.viewmodels.receipt import ReceiptPrinting
from tests.gui import SessionFor, sell
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

CUT = b"\x1dV\x00"


@pytest.fixture
def shop(services: Services, manager: Actor) -> Services:
    services.settings.update(manager, {"cash_drawer": "sessions"})
    return services


@pytest.fixture
def roll(shop: Services, manager: Actor, tmp_path: Path) -> Path:
    """The till's printer: a device file (what /dev/usb/lp0 is to Linux), a 58 mm roll."""
    path = tmp_path / "lp0"
    path.write_bytes(b"")
    shop.settings.update(manager, {"receipt_printer": f"file:{path}", "receipt_paper": "58"})
    return path


@pytest.fixture
def shown_reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bool]]:
    """Reports the drawer screen showed (title, message, printer button shown), no modal loop."""
    seen: list[tuple[str, str, bool]] = []

    def exec_(dialog: ReportDialog) -> int:
        seen.append((dialog.title, dialog.status.text(), not dialog.till_button.isHidden()))
        return 1

    monkeypatch.setattr(ReportDialog, "exec", exec_)
    return seen


def test_the_x_report_prints_on_the_receipt_printer_with_f5(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor, roll: Path
) -> None:
    shop.cash.open(clerk, count_of_sum(5000))
    sell(shop, clerk, cash=2000)
    session = session_for(clerk)
    x = shop.cash.x_report(clerk)
    dialog = ReportDialog("X report T1-S0001", report_lines(x), report=x, printing=ReceiptPrinting(session))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen, a window is not made active by itself
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    assert dialog.till_button.isVisible() and dialog.till_button.height() >= 44
    assert dialog.till_button.text() == "Receipt printer  (F5)" and roll.read_bytes() == b""
    qtbot.keyClick(dialog.text, Qt.Key.Key_F5)
    job = roll.read_bytes()
    assert b"X REPORT" in job and b"60.55" in job and job.endswith(CUT)
    assert dialog.status.text() == f"X report T1-S0001 printed on the printer {roll}"
    roll.write_bytes(b"")
    qtbot.mouseClick(dialog.till_button, Qt.MouseButton.LeftButton)  # again: a second copy
    assert b"X REPORT" in roll.read_bytes()


def test_no_receipt_printer_no_button(
    qtbot: QtBot, shop: Services, clerk: Actor, session_for: SessionFor, roll: Path, manager: Actor
) -> None:
    shop.cash.open(clerk, count_of_sum(5000))
    x = shop.cash.x_report(clerk)
    plain = ReportDialog("X report T1-S0001", report_lines(x))  # a report without a till: no button
    qtbot.addWidget(plain)
    assert plain.till_button.isHidden()
    shop.settings.update(manager, {"receipt_printer": "none"})
    dialog = ReportDialog("X", report_lines(x), report=x, printing=ReceiptPrinting(session_for(clerk)))
    qtbot.addWidget(dialog)
    assert dialog.till_button.isHidden()
    qtbot.keyClick(dialog.text, Qt.Key.Key_F5)  # nothing to print on: nothing happens
    assert dialog.status.text() == "" and roll.read_bytes() == b""


def test_closing_the_drawer_here_prints_its_z_report(
    qtbot: QtBot,
    shop: Services,
    clerk: Actor,
    session_for: SessionFor,
    roll: Path,
    shown_reports: list[tuple[str, str, bool]],
) -> None:
    shop.cash.open(clerk, count_of_sum(5000))
    drawer = DrawerDialog(session_for(clerk))
    qtbot.addWidget(drawer)
    count = drawer.vm.new_count()
    assert count.set_pieces(_fifty(count), "1")  # one £50 note
    drawer.vm.close(count)
    assert shown_reports == [("Z report T1-S0001", f"Z report T1-S0001 printed on the printer {roll}", True)]
    assert b"Z REPORT" in roll.read_bytes() and b"Journal head" in roll.read_bytes()
    roll.write_bytes(b"")
    qtbot.keyClick(drawer, Qt.Key.Key_Z)  # the last Z report looked at again: printed on F5 only
    assert shown_reports[-1] == ("Z report T1-S0001", "", True) and roll.read_bytes() == b""


def test_a_printer_that_fails_at_the_close_says_so_and_the_close_stands(
    qtbot: QtBot,
    shop: Services,
    clerk: Actor,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    shown_reports: list[tuple[str, str, bool]],
) -> None:
    unplugged = tmp_path / "usb" / "lp0"
    shop.settings.update(manager, {"receipt_printer": f"file:{unplugged}"})
    shop.cash.open(clerk, count_of_sum(5000))
    drawer = DrawerDialog(session_for(clerk))
    qtbot.addWidget(drawer)
    count = drawer.vm.new_count()
    assert count.set_pieces(_fifty(count), "1")  # one £50 note
    drawer.vm.close(count)
    [(title, said, button)] = shown_reports
    assert title == "Z report T1-S0001" and button
    assert said == (
        f"The printer {unplugged} did not print: there is no {unplugged}: is the printer switched on "
        "and plugged in? Print it on another printer or save it as PDF."
    )
    assert shop.cash.status(clerk).session is None and shop.cash.z_report(clerk).report.label == "T1-S0001"


def _fifty(count: CountModel) -> int:
    return next(n for n, d in enumerate(count.denominations) if d.value == 5000)
