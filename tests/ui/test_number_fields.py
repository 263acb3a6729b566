"""The window's number and date fields stay within the ranges the services accept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.numbers import ADJUST_QTY, LAST_DAY
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui.admin_stock import StockDialog
from tests.gui import SessionFor, sell
from tests.helpers import dump
from tests.ui.test_main_window import shown_numbers
from tests.ui.windows import OFFSCREEN_NOISE, main_window

pytestmark = OFFSCREEN_NOISE


def test_the_last_day_box_stops_at_the_stated_range(
    qtbot: QtBot, services: Services, clerk: Actor, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    sell(services, clerk)
    window = main_window(qtbot, session_for(manager), tmp_path)
    bar = window.orders
    bar.until.setDate(QDate(9999, 12, 31))
    assert bar.until.date() == QDate(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day)
    assert len(shown_numbers(window)) == 1 and bar.info.text() != "no orders match"


def test_the_product_form_refuses_other_scripts_digits_in_place(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor, db_path: Path
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    assert (dialog.qty.minimum(), dialog.qty.maximum()) == (ADJUST_QTY.low, ADJUST_QTY.high)
    dialog.table.selectRow(1)  # MUG
    qtbot.mouseClick(dialog.edit_product, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    before = dump(db_path)
    for price, tax in (("٣.٩٩", "20"), ("3.99", "²"), ("1e3", "20"), ("3.99", "1_0")):
        form.price.setText(price)
        form.tax_rate.setText(tax)
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
        shown = form.errors["price"].text() + form.errors["tax_rate"].text()
        assert "is not" in shown, (price, tax)
        assert dump(db_path) == before
