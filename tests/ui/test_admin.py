"""The manager's screens: users, products and stock, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from pos_app.ui.admin_settings import SettingsDialog
from pos_app.ui.admin_stock import StockDialog
from pos_app.ui.admin_users import UsersDialog
from tests.gui import SessionFor
from tests.ui.windows import OFFSCREEN_NOISE, main_window

pytestmark = OFFSCREEN_NOISE


def test_a_manager_adds_a_clerk(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = UsersDialog(session_for(manager))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 4
    qtbot.keyClicks(dialog.name, "dana")
    qtbot.keyClicks(dialog.password, "dana1234")
    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "added dana (clerk)"
    assert dialog.table.rowCount() == 5 and dialog.name.text() == ""
    assert services.auth.login("dana", "2468", pin=True).role is Role.CLERK
    qtbot.keyClicks(dialog.name, "dana")
    qtbot.keyClicks(dialog.password, "x")
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert dialog.line.objectName() == "error" and "at least 4 characters" in dialog.line.text()


def test_stock_is_found_received_and_adjusted(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["CARD", "MUG", "TEA"]
    qtbot.keyClicks(dialog.search, "mug")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=2000)
    dialog.table.selectRow(0)
    dialog.qty.setValue(5)
    qtbot.mouseClick(dialog.receive, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "MUG: 15 on hand"
    dialog.qty.setValue(-2)
    qtbot.mouseClick(dialog.adjust, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "say why the stock is adjusted"
    dialog.note.setText("broken")
    qtbot.mouseClick(dialog.adjust, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 2).text() == "13"


def test_settings_change_the_till_name_shown(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    session = session_for(manager)
    window = main_window(qtbot, session, tmp_path)
    dialog = SettingsDialog(session, window)
    dialog.till.setText("T7")
    dialog.store_name.setText("Corner Shop")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "settings saved"
    assert window.till_label.text() == "Till T7"
    assert services.settings.current().store_name == "Corner Shop"
    dialog.currency.setText("1X")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert "three-letter code" in dialog.line.text()


def test_products_are_imported_with_progress_and_exported(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    seen: list[tuple[int, int]] = []
    dialog.files.progress.connect(lambda done, total: seen.append((done, total)))
    source = tmp_path / "new.csv"
    source.write_text("sku,barcode,name,price,tax_rate,on_hand\nSCARF,,Wool Scarf,15.00,20,4\n")
    dialog.files.import_csv(source)
    assert seen[-1] == (1, 1)
    assert "imported 1 products" in dialog.findChildren(type(dialog.line))[-1].text()
    assert "SCARF" in [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,barcode,name,price,tax_rate,on_hand\nHAT,,Hat,lots,20,1\n")
    dialog.files.import_csv(bad)
    assert "line 2, column price" in dialog.findChildren(type(dialog.line))[-1].text()
    assert services.catalog.search("hat") == []
    target = tmp_path / "out.csv"
    dialog.files.export_csv(target)
    assert target.read_text().count("\n") == 5  # header + 4 products
