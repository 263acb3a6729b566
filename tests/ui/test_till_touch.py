"""The sale screen by touch: quick keys, the number pads, the change shown while cash is typed,
whole names on the cart lines and in the F3 suggestions, and the room of a large screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.domain.quick_keys import QuickKey, QuickKeys, QuickPage
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.ui import screens
from pos_app.ui.checkout_dialog import CheckoutDialog
from pos_app.ui.number_pad import ENTER
from pos_app.ui.override_dialog import OverrideDialog
from pos_app.ui.payment_dialog import PaymentDialog
from pos_app.ui.quick_keys_editor import QuickKeysEditor
from pos_app.ui.small_dialogs import EntryDialog
from pos_app.viewmodels.cart_model import SKU_COLUMN
from tests.gui import SessionFor
from tests.ui.fit import MIN_TOUCH_PX, fit_problems, open_at, small_targets
from tests.ui.till_screens import LONG_NAMES, add_long_names, styled, till_with_sale

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

KEYS = QuickKeys(
    (
        QuickPage("Counter", (QuickKey("Card", "CARD", "pink"), QuickKey("Tea", "TEA", "green"))),
        QuickPage("Mugs", (QuickKey("Blue mug", "MUG", "blue"),)),
    )
)


def sale_screen(qtbot: QtBot, session_for: SessionFor, actor: Actor, tmp_path: Path) -> CheckoutDialog:
    till = CheckoutDialog(session_for(actor), cart_file=tmp_path / "open_cart.json")
    qtbot.addWidget(till)
    styled(till)
    open_at(qtbot, till, 1024, 768)
    return till


def test_a_quick_key_adds_its_product_and_the_scanner_keeps_the_focus(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    services.quick_keys.save(manager, KEYS)
    till = sale_screen(qtbot, session_for, clerk, tmp_path)
    panel = till.keys_panel
    assert [b.text() for b in panel.page_buttons] == ["Counter", "Mugs"]
    assert not panel.edit_button.isVisible()  # a clerk does not set keys up
    for key in panel.keys:
        assert key.width() >= MIN_TOUCH_PX and key.height() >= MIN_TOUCH_PX
    qtbot.mouseClick(panel.keys[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.keys[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.page_buttons[1], Qt.MouseButton.LeftButton)
    assert [k.label.text() for k in panel.keys] == ["Blue mug"]
    qtbot.mouseClick(panel.keys[0], Qt.MouseButton.LeftButton)
    assert [(line.sku, line.qty) for line in till.vm.cart.lines] == [("CARD", 2), ("MUG", 1)]
    assert till.scan_edit.hasFocus()
    qtbot.keyClicks(till.scan_edit, "TEA")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_Return)  # the scanner goes on where the tap left off
    assert len(till.vm.cart.lines) == 3


def test_a_manager_sets_up_keys_from_the_sale_screen(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    till = sale_screen(qtbot, session_for, manager, tmp_path)
    panel = till.keys_panel
    assert panel.empty.isVisible() and panel.edit_button.isVisible()
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    editor = till.side_dialog
    assert isinstance(editor, QuickKeysEditor)
    open_at(qtbot, editor, 1024, 768)
    assert fit_problems(editor, 1024, 768) == [] and small_targets(editor) == []
    qtbot.keyClicks(editor.page_name, "Bags")
    qtbot.keyClick(editor.page_name, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.product, "CARD")
    qtbot.keyClicks(editor.label, "Card")
    editor.colours.button(7).click()
    qtbot.mouseClick(editor.add_key_button, Qt.MouseButton.LeftButton)
    assert editor.keys.count() == 1
    assert editor.preview is not None and editor.preview.label.text() == "Card"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=1000)
    assert [k.label.text() for k in panel.keys] == ["Card"]
    assert not panel.empty.isVisible()


def test_an_unsaved_editor_asks_before_it_closes(
    qtbot: QtBot, manager: Actor, session_for: SessionFor, services: Services
) -> None:
    editor = QuickKeysEditor(session_for(manager))
    qtbot.addWidget(editor)
    editor.show()
    editor.vm.add_page("Bakery")
    editor.close_button.click()
    assert editor.isVisible() and "not saved" in editor.message.text()
    editor.close_button.click()
    assert not editor.isVisible()
    assert services.quick_keys.current() == QuickKeys()


def test_the_quantity_pad_sets_the_selected_lines_quantity(
    qtbot: QtBot, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    till = sale_screen(qtbot, session_for, clerk, tmp_path)
    till.vm.scan("MUG")
    qtbot.mouseClick(till.qty_button, Qt.MouseButton.LeftButton)
    dialog = till.side_dialog
    assert isinstance(dialog, EntryDialog) and dialog.pad is not None
    assert small_targets(dialog) == []
    for key in ("3", ENTER):
        qtbot.mouseClick(dialog.pad.buttons[key], Qt.MouseButton.LeftButton)  # 1 selected: replaced
    assert till.vm.cart.lines[0].qty == 3
    assert not dialog.isVisible()


def test_the_payment_pad_previews_the_change_and_pays(
    qtbot: QtBot, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    till = sale_screen(qtbot, session_for, clerk, tmp_path)
    till.vm.scan("MUG")
    till.vm.scan("TEA")  # 6.55
    qtbot.mouseClick(till.side.pay_button, Qt.MouseButton.LeftButton)
    payment = till.payment_dialog
    assert isinstance(payment, PaymentDialog)
    qtbot.waitUntil(payment.cash_field.hasFocus, timeout=1000)
    pad = payment.pad.buttons
    qtbot.mouseClick(pad["5"], Qt.MouseButton.LeftButton)
    assert (payment.change_heading.text(), payment.change.text()) == ("SHORT", "£1.55")
    qtbot.mouseClick(pad["0"], Qt.MouseButton.LeftButton)
    assert (payment.change_heading.text(), payment.change.text()) == ("CHANGE", "£43.45")
    qtbot.mouseClick(pad[ENTER], Qt.MouseButton.LeftButton)
    assert till.vm.last_order is not None and till.vm.last_order.change_given == 4345
    assert not payment.isVisible()


def test_a_mistakes_message_is_cleared_on_screen_by_the_next_good_action(
    qtbot: QtBot, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    till = sale_screen(qtbot, session_for, clerk, tmp_path)
    qtbot.mouseClick(till.side.void_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F6)
    assert till.message_label.text() == "select a line first"
    till.vm.scan("MUG")
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_Minus)
    assert "at least 1" in till.message_label.text()
    qtbot.mouseClick(till.plus_button, Qt.MouseButton.LeftButton)
    assert till.message_label.text() == ""


def test_long_names_are_whole_on_their_lines_and_warn_of_stock(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    add_long_names(services, manager)
    till = till_with_sale(qtbot, session_for(clerk), tmp_path)
    till.vm.set_qty(0, 5)  # 3 on the shelf
    open_at(qtbot, till, 1024, 768)
    view = till.cart_view
    for row, name in enumerate(LONG_NAMES.values()):
        lines = view.shown_name(row)
        assert " ".join(lines) == name, lines  # every word, nothing cut
        assert view.rowHeight(row) >= len(lines) * view.fontMetrics().lineSpacing()
    assert view.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == "only 3 in stock"
    assert view.rowHeight(0) > view.rowHeight(1)  # the warning has a line of its own
    assert view.isColumnHidden(SKU_COLUMN)  # at 1024 the name has the SKU's room


def test_the_name_search_shows_suggestions_whole_at_the_tills_type_size(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    add_long_names(services, manager)
    till = sale_screen(qtbot, session_for, clerk, tmp_path)
    qtbot.keyClick(till.scan_edit, Qt.Key.Key_F3)
    qtbot.keyClicks(till.search_edit, "vintage")
    popup = till.search_edit.popup
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    labels = till.search.model.stringList()
    assert len(labels) == 2 and all(label.endswith("£12.50") for label in labels)
    assert popup.font().pixelSize() >= till.cart_view.font().pixelSize() >= 17
    needed = max(popup.fontMetrics().horizontalAdvance(label) for label in labels)
    assert popup.viewport().width() >= needed
    left = popup.mapToGlobal(popup.rect().topLeft()).x() - till.mapToGlobal(till.rect().topLeft()).x()
    assert left >= 0 and left + popup.width() <= till.width()


def test_the_sale_screen_fills_a_large_screen_and_uses_the_room(
    qtbot: QtBot, services: Services, manager: Actor, clerk: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    services.quick_keys.save(manager, KEYS)
    add_long_names(services, manager)
    parent = QWidget()
    qtbot.addWidget(parent)
    till = screens.open_checkout(session_for(clerk), parent, lambda: None)
    assert isinstance(till, CheckoutDialog)
    assert till.windowState() & Qt.WindowState.WindowMaximized
    till.showNormal()  # this test's screen is no 1920x1080 one: it is sized as one below
    styled(till)
    till.vm.scan("MUG-RED")
    open_at(qtbot, till, 1920, 1080)
    assert fit_problems(till, 1920, 1080) == [] and small_targets(till) == []
    assert till.cart_view.width() > 1000 and not till.cart_view.isColumnHidden(SKU_COLUMN)
    assert till.keys_panel._columns >= 5
    assert till.side.pay_button.width() > 600
    till.reject()


def test_a_manager_approves_with_a_pin_on_the_pad(
    qtbot: QtBot, clerk: Actor, session_for: SessionFor
) -> None:
    dialog = OverrideDialog(session_for(clerk), "a discount of 25% is over the 10% clerk limit")
    qtbot.addWidget(dialog)
    styled(dialog)
    dialog.show()
    assert not dialog.pad.isVisible()
    qtbot.keyClicks(dialog.name, "manager")
    qtbot.mouseClick(dialog.use_pin, Qt.MouseButton.LeftButton)
    assert dialog.pad.isVisible() and small_targets(dialog) == []
    for key in ("1", "2", "3", "4", ENTER):
        qtbot.mouseClick(dialog.pad.buttons[key], Qt.MouseButton.LeftButton)
    assert dialog.approval is not None and dialog.approval.pin
    assert not dialog.isVisible()
