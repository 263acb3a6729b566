"""The manager's screens: users, products and stock, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.errors import LoginFailed
from pos_app.domain.users import Actor, Role
from pos_app.services import Services
from pos_app.ui.admin_settings import SettingsDialog
from pos_app.ui.admin_stock import StockDialog
from pos_app.ui.admin_users import UsersDialog
from pos_app.ui.product_form import ProductFormDialog
from tests.gui import SessionFor
from tests.helpers import dump
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


def _select(dialog: UsersDialog, name: str) -> None:
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == name)
    dialog.table.selectRow(row)


def test_a_manager_deactivates_a_clerk_and_resets_a_password(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = UsersDialog(session_for(manager))
    qtbot.addWidget(dialog)
    assert not dialog.selected_box.isEnabled()
    _select(dialog, "clerk")
    assert dialog.toggle_active.text() == "Deactivate"
    qtbot.mouseClick(dialog.toggle_active, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "deactivated clerk"
    with pytest.raises(LoginFailed):
        services.auth.login("clerk", "clerk123")
    # The row stays chosen, now offering the way back.
    assert dialog.selected_name() == "clerk" and dialog.toggle_active.text() == "Activate"
    qtbot.mouseClick(dialog.toggle_active, Qt.MouseButton.LeftButton)
    assert services.auth.login("clerk", "clerk123").role is Role.CLERK
    qtbot.keyClicks(dialog.new_password, "fresh123")
    qtbot.mouseClick(dialog.reset_password, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "new password set for clerk" and dialog.new_password.text() == ""
    assert services.auth.login("clerk", "fresh123").name == "clerk"
    # Enter in the PIN field sets the PIN (and adds no user).
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.new_pin.setFocus()
    qtbot.keyClicks(dialog.new_pin, "5555")
    qtbot.keyClick(dialog.new_pin, Qt.Key.Key_Return)
    assert dialog.line.text() == "new PIN set for clerk" and dialog.table.rowCount() == 4
    assert services.auth.login("clerk", "5555", pin=True).name == "clerk"
    qtbot.mouseClick(dialog.clear_pin, Qt.MouseButton.LeftButton)
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == "—"
    _select(dialog, "manager")
    qtbot.mouseClick(dialog.toggle_active, Qt.MouseButton.LeftButton)
    assert dialog.line.objectName() == "error" and "cannot deactivate yourself" in dialog.line.text()


def _open_form(qtbot: QtBot, dialog: StockDialog, button: object) -> ProductFormDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.form is not None and dialog.form.isVisible()
    return dialog.form


def test_a_manager_adds_a_product_then_changes_its_price(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    form = _open_form(qtbot, dialog, dialog.new_product)
    qtbot.keyClicks(form.sku, "SCARF")
    qtbot.keyClicks(form.name, "Wool Scarf")
    qtbot.keyClicks(form.barcode, "96385074")
    qtbot.keyClicks(form.price, "15.00")
    qtbot.keyClicks(form.tax_rate, "12.5")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert dialog.form is None and dialog.line.text() == "added SCARF Wool Scarf"
    scarf = services.catalog.find("96385074")
    assert (scarf.sku, scarf.price, scarf.tax_rate_bp, scarf.track_stock) == ("SCARF", 1500, 1250, True)
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("SCARF")
    dialog.table.selectRow(row)
    dialog.table.cellDoubleClicked.emit(row, 1)
    assert dialog.form is not None
    form = dialog.form
    assert (form.sku.text(), form.sku.isReadOnly(), form.price.text(), form.tax_rate.text()) == (
        "SCARF",
        True,
        "15.00",
        "12.5",
    )
    form.price.setText("14.50")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "saved SCARF Wool Scarf"
    assert services.catalog.find("SCARF").price == 1450


def test_a_bad_barcode_or_price_is_shown_in_the_form_and_changes_nothing(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor, db_path: Path
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)  # MUG
    form = _open_form(qtbot, dialog, dialog.edit_product)
    before = dump(db_path)
    form.barcode.setText("4006381333932")
    form.price.setText("3.99")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "wrong check digit" in form.errors["barcode"].text()
    assert form.errors["barcode"].isVisible() and not form.errors["price"].isVisible()
    assert dialog.form is form and form.isVisible() and dump(db_path) == before
    form.price.setText("3.999")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "more than 2 decimal places" in form.errors["price"].text()
    assert dump(db_path) == before
    form.barcode.setText("5012345000008")  # TEA's
    form.price.setText("3.99")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "already on another product" in form.errors["barcode"].text()
    assert dump(db_path) == before
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.form is None and services.catalog.find("MUG").price == 400


def test_a_new_product_needs_a_free_sku(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    form = _open_form(qtbot, dialog, dialog.new_product)
    assert not form.sku.isReadOnly() and not form.active.isVisible()
    form.sku.setText("MUG")
    form.name.setText("Another mug")
    form.price.setText("5")
    form.tax_rate.setText("20")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "already a product with SKU MUG" in form.errors["sku"].text()
    assert services.catalog.find("MUG").name == "Blue Mug"


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


def test_settings_set_the_shops_scale_labels(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = SettingsDialog(session_for(manager))
    qtbot.addWidget(dialog)
    dialog.weight_prefixes.setText("23, 24")
    dialog.price_prefixes.setText("02,20")
    dialog.item_digits.setValue(6)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.line.text() == "settings saved"
    layout = services.settings.current().label_layout
    assert (layout.weight_prefixes, layout.price_prefixes, layout.item_digits) == (
        ("23", "24"),
        ("02", "20"),
        6,
    )
    dialog.price_prefixes.setText("02,23")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert "cannot mean both" in dialog.line.text()


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


def test_enter_in_the_search_box_books_no_stock(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(1)
    qtbot.keyClicks(dialog.search, "mug")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert services.stock.levels(manager, "MUG")[0].on_hand == 10


def test_import_counts_stock_only_when_asked(
    qtbot: QtBot,
    services: Services,
    manager: Actor,
    session_for: SessionFor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    source = tmp_path / "count.csv"
    source.write_text("sku,barcode,name,price,tax_rate,on_hand\nMUG,4006381333931,Blue Mug,4.00,20,3\n")
    monkeypatch.setattr(
        "pos_app.ui.catalog_files.QFileDialog.getOpenFileName", lambda *args: (str(source), "")
    )
    bar = dialog.files_bar
    qtbot.mouseClick(bar.import_button, Qt.MouseButton.LeftButton)
    assert "on-hand left as it was for 1" in dialog.findChildren(type(dialog.line))[-1].text()
    assert services.catalog.find("MUG").on_hand == 10
    bar.count_stock.setChecked(True)
    qtbot.mouseClick(bar.import_button, Qt.MouseButton.LeftButton)
    assert "1 stock level(s) set" in dialog.findChildren(type(dialog.line))[-1].text()
    assert services.catalog.find("MUG").on_hand == 3
