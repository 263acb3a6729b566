"""The reports window: a manager chooses a range and a grouping by keyboard, sees the rows, the
totals and both charts, and saves the report as CSV or Excel; it fits a till's screen; the
main window opens it with Ctrl+R for managers only."""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from pos_app.domain.cart import CartLine
from pos_app.domain.reports import Grouping
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.main_window import MainWindow
from pos_app.ui.reports_window import ReportsDialog
from tests.gui import SessionFor
from tests.helpers import sell
from tests.services.reports_shop import move_order, ring_up_a_day
from tests.services.xlsx_read import read_xlsx
from tests.ui.fit import TILL_SCREENS, open_at, small_targets
from tests.ui.fit_views import screen_of, show_as_launched, window_problems
from tests.ui.shots import SHOTS
from tests.ui.windows import OFFSCREEN_NOISE, ui_settings

pytestmark = [OFFSCREEN_NOISE]


def today() -> date:
    return datetime.now().astimezone().date()


def totals(dialog: ReportsDialog) -> dict[str, str]:
    form = dialog.totals_form
    shown = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        value = form.itemAt(row, form.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(value, QLabel)
        shown[label.text()] = value.text()
    return shown


def cells(dialog: ReportsDialog) -> list[list[str]]:
    model = dialog.vm.table
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


@pytest.fixture
def dialog(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, alice: Actor, session_for: SessionFor
) -> ReportsDialog:
    ring_up_a_day(services, manager, clerk, alice)
    window = ReportsDialog(session_for(manager), today())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_it_opens_on_today_with_the_totals_and_both_charts(
    dialog: ReportsDialog, services: Services, manager: Actor
) -> None:
    report = services.reports.sales(manager, today(), today(), Grouping.DAY)
    shown = totals(dialog)
    assert shown["Orders"] == "7"
    assert shown["Net sales"] == dialog.vm.money(report.totals.sales.net)
    assert shown["Refunds"] == dialog.vm.money(report.totals.sales.refunds)
    assert shown["Awaiting payment"] == f"{dialog.vm.money(report.totals.awaiting)} (1)"
    assert shown["Cancelled, left out"].startswith("1 (")
    assert cells(dialog)[-1][0] == "Total" and cells(dialog)[0][0] == report.rows[0].label
    assert len(dialog.over_time.values) == 24  # one day: by hour
    assert sum(dialog.over_time.values) == pytest.approx(report.totals.sales.net / 100)
    assert dialog.top_products.labels[0] == "Blue Mug"


def test_a_grouping_and_a_range_are_chosen_by_keyboard(qtbot: QtBot, dialog: ReportsDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert dialog.grouping.hasFocus()
    for _ in range(3):  # day -> hour -> product -> category
        qtbot.keyClick(dialog.grouping, Qt.Key.Key_Down)
    assert dialog.vm.grouping is Grouping.CATEGORY
    assert [row[0] for row in cells(dialog)] == ["Kitchen", "(no category)", "Total"]
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert dialog.preset.hasFocus()
    qtbot.keyClick(dialog.preset, Qt.Key.Key_Down)  # yesterday: nothing sold
    assert (dialog.vm.first, dialog.vm.last) == (today() - timedelta(days=1),) * 2
    assert totals(dialog)["Orders"] == "0" and [row[0] for row in cells(dialog)] == ["Total"]
    qtbot.keyClick(dialog.preset, Qt.Key.Key_Down)  # the last 7 days: by day in the chart
    assert len(dialog.over_time.values) == 7 and totals(dialog)["Orders"] == "7"


def test_typed_days_make_a_custom_range_and_a_backwards_one_is_refused(
    qtbot: QtBot, dialog: ReportsDialog
) -> None:
    dialog.first.setDate(dialog.first.date().addDays(-2))
    dialog.first.editingFinished.emit()
    assert dialog.preset.currentText() == "Custom" and dialog.vm.first == today() - timedelta(days=2)
    dialog.first.setDate(dialog.last.date().addDays(1))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and "before the first" in dialog.message.text()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_save_as_writes_the_report_shown(
    qtbot: QtBot, dialog: ReportsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    dialog.choose(today(), today(), Grouping.PRODUCT)
    target = tmp_path / "report"  # no suffix typed: the chosen filter gives it
    asked: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), next(f for f in filters.split(";;") if f"*.{kind}" in f)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / f"report.{kind}"
    assert asked == [f"sales-by-product-{today().isoformat()}.xlsx"]
    assert dialog.message.text() == f"Saved report.{kind}"
    if kind == "csv":
        with saved.open(newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][:2] == ["SKU", "Product"] and rows[-1][0] == "Total"
        assert len(rows) == dialog.vm.table.rowCount() + 1
    else:
        assert read_xlsx(saved).cell("A4") == "SKU"


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize(("width", "height"), TILL_SCREENS)
@pytest.mark.parametrize("by", [Grouping.PRODUCT, Grouping.METHOD])
def test_the_reports_window_fits(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    clerk: Actor,
    alice: Actor,
    session_for: SessionFor,
    width: int,
    height: int,
    by: Grouping,
) -> None:
    ring_up_a_day(services, manager, clerk, alice)
    services.catalog.edit_product(
        manager, "TEA", name="Green Tea 50 bags, Darjeeling second flush, loose leaf"
    )
    sell(services, clerk, lines=(CartLine("TEA", 12),))
    with screen_of(width, height):
        window = ReportsDialog(session_for(manager), today())
    qtbot.addWidget(window)
    window.choose(today(), today(), by)
    show_as_launched(qtbot, window)
    assert window_problems(window, width, height) == []
    open_at(qtbot, window, width, height)
    assert window_problems(window, width, height) == []
    assert small_targets(window) == []


def test_the_main_window_opens_reports_with_ctrl_r_for_managers_only(
    qtbot: QtBot,
    manager: Actor,
    clerk: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[ReportsDialog] = []
    monkeypatch.setattr(ReportsDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(session_for(manager), settings=ui_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=1000)
    assert window.reports.isVisible() and window.reports.shortcut().toString() == "Ctrl+R"
    qtbot.keyClick(window.orders.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    window.resize(1024, 768)  # a till's toolbar is full: Ctrl+R only
    assert not window.reports_button.isVisible()
    window.resize(1280, 800)  # a back office's has room for its button
    assert window.reports_button.isVisible()
    button = window.toolbar.widgetForAction(window.reports_button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2
    window.session.set_actor(clerk)
    assert not window.reports.isVisible() and not window.reports.isEnabled()
    assert not window.reports_button.isVisible()


@pytest.mark.usefixtures("styled")
@pytest.mark.usefixtures("styled")
def test_screenshot_at_1024x768(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    clerk: Actor,
    alice: Actor,
    session_for: SessionFor,
    db_path: Path,
) -> None:
    """A fortnight of a shop's sales, grouped by category: docs/screenshots/reports.png."""
    rng = random.Random(9)
    skus = [("MUG", 2), ("TEA", 3), ("CARD", 2)]
    ring_up_a_day(services, manager, clerk, alice)
    services.catalog.edit_product(manager, "MUG", category="Kitchen")
    services.catalog.edit_product(manager, "TEA", category="Food & drink")
    services.catalog.edit_product(manager, "CARD", category="Stationery")
    for back in range(1, 14):
        day = today() - timedelta(days=back)
        for _ in range(rng.randint(2, 6)):
            lines = tuple(
                CartLine(sku, rng.randint(1, most)) for sku, most in rng.sample(skus, rng.randint(1, 3))
            )
            order = sell(services, clerk, lines=lines, cash=0)
            moment = datetime.combine(day, time(rng.randint(9, 17), rng.randint(0, 59))).astimezone()
            move_order(db_path, order.number, moment)
    window = ReportsDialog(session_for(manager), today())
    qtbot.addWidget(window)
    window.choose(today() - timedelta(days=13), today(), Grouping.CATEGORY)
    open_at(qtbot, window, 1024, 768)
    assert window.width() <= 1024 and window.height() <= 768
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "reports.png"))
