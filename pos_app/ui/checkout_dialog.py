"""The till's sale screen: scan, search, adjust, discount, attach a customer, park, pay.

The scan field keeps the focus (a barcode scanner types into whatever has it); every action
hands the focus back. Keys: Enter adds what was scanned; + / - / Del work on the selected line
while the scan field is empty; F2 sets its quantity to the number typed; F3 find by name,
F4 customer, F6 line discount, F7 sale discount, F8 park, F9 parked sales, F10 void, F12 pay,
Ctrl+D the cash drawer, Ctrl+L locks the till, Esc clears the field, then closes (the open
sale is kept on disk either way, and comes back when the screen opens again).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.orders import Fulfilment
from pos_app.domain.policy import Action
from pos_app.domain.records import OrderDetail
from pos_app.domain.settings import DISPLAY_HALF
from pos_app.domain.users import Role
from pos_app.ui import sale_dialogs
from pos_app.ui.cart_view import CartView
from pos_app.ui.cash_drawer import DrawerDialog
from pos_app.ui.checkout_style import apply_till_style, show_message, till_button
from pos_app.ui.customer_dialog import CustomerDialog
from pos_app.ui.display_link import DisplayLink
from pos_app.ui.held_sales import HeldSalesDialog
from pos_app.ui.name_search import NameSearch
from pos_app.ui.override_dialog import ask_manager_override
from pos_app.ui.payment_dialog import AskOverride, PaymentDialog
from pos_app.ui.quick_keys_editor import QuickKeysEditor
from pos_app.ui.quick_keys_panel import QuickKeysPanel
from pos_app.ui.receipt import ReceiptDialog
from pos_app.ui.sale_panel import SalePanel
from pos_app.ui.scan_field import ScanField
from pos_app.viewmodels.cart_model import QTY_COLUMN
from pos_app.viewmodels.cash_drawer import DrawerWatch
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.format import percent
from pos_app.viewmodels.product_search import ProductSearch
from pos_app.viewmodels.quick_keys import QuickKeysViewModel
from pos_app.viewmodels.receipt import ReceiptPrinting
from pos_app.viewmodels.session import Session

DEFAULT_SIZE = (1180, 760)  # when not shown full screen: within the screen's room


class CheckoutDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, *, cart_file: Path | None = None):
        super().__init__(parent)
        self.session = session
        self.vm = CheckoutViewModel(session, cart_file, self)
        self.search = ProductSearch(session, self)
        self.quick_keys = QuickKeysViewModel(session, self.vm, self)
        self.drawer = DrawerWatch(session, self)
        # Replaceable so tests can drive the approval dialog without a nested event loop.
        self.ask_override: AskOverride = ask_manager_override
        self.payment_dialog: PaymentDialog | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self.printing = ReceiptPrinting(
            session, self
        )  # outlives each receipt window: prints may take a while
        self.side_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Checkout"))
        self.setAccessibleName(self.tr("Checkout"))
        apply_till_style(self)
        room = self.screen().availableGeometry()
        self.resize(min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height()))
        self._build()
        self._bind()
        self.vm.restore()
        self._refresh()
        self.display = DisplayLink(session, self.vm, self)
        self.scan_edit.setFocus()

    def show_on_screen(self) -> None:
        """Fill the screen; while the customer display is tried on this screen's right half,
        take the left half."""
        if self.session.settings.customer_display != DISPLAY_HALF:
            self.showMaximized()
            return
        room = self.screen().availableGeometry()
        self.setGeometry(room.x(), room.y(), room.width() // 2, room.height())
        self.show()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.scan_edit = ScanField()
        self.search_edit = NameSearch(self.search)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Till message"))
        show_message(self.message_label, "", error=False)
        self.cart_view = CartView(self.vm.lines)

        self.minus_button = till_button("−  (-)", self.tr("Decrease quantity"))
        self.plus_button = till_button("+  (+)", self.tr("Increase quantity"))
        self.qty_button = till_button(self.tr("Qty  (F2)"), self.tr("Set quantity"))
        self.remove_button = till_button(self.tr("Remove  (Del)"), self.tr("Remove line"), "danger")
        self.line_discount_button = till_button(
            self.tr("Discount  (F6)"), self.tr("Discount on selected line")
        )
        self.line_buttons = (
            self.minus_button,
            self.plus_button,
            self.qty_button,
            self.remove_button,
            self.line_discount_button,
        )
        line_row = QHBoxLayout()
        line_row.setSpacing(6)
        for button in self.line_buttons:
            line_row.addWidget(button)

        entry = QHBoxLayout()
        entry.addWidget(self.scan_edit, 3)
        entry.addWidget(self.search_edit, 2)
        self.keys_panel = QuickKeysPanel(self.quick_keys)
        self.side = SalePanel(self.keys_panel)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(entry)
        left.addWidget(self.message_label)
        left.addWidget(self.cart_view, 1)
        left.addLayout(line_row)
        left.addWidget(self.side.customer_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addLayout(left, 3)
        layout.addWidget(self.side, 2)

        chain: list[QWidget] = [self.scan_edit, self.search_edit, self.cart_view, *self.line_buttons]
        for first, second in itertools.pairwise([*chain, *self.side.focus_chain()]):
            QWidget.setTabOrder(first, second)
        # A tap on a button leaves the focus where the scanner types; Tab still reaches them all.
        for widget in [*self.line_buttons, *self.side.focus_chain()]:
            if isinstance(widget, QAbstractButton):
                widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _bind(self) -> None:
        vm = self.vm
        vm.changed.connect(self._refresh)
        self.session.locked_changed.connect(self._locked)
        vm.message.connect(lambda text, error: show_message(self.message_label, text, error=error))
        vm.current_row.connect(self._select)
        vm.return_scanned.connect(self.open_return)
        vm.weight_wanted.connect(lambda sku, name: self._side(sale_dialogs.weight(vm, sku, name, self)))
        self.cart_view.installEventFilter(self)
        self.scan_edit.returnPressed.connect(self.scan)
        self.scan_edit.nudge.connect(lambda delta: vm.change_qty(self.row(), delta))
        self.scan_edit.remove_line.connect(lambda: vm.remove(self.row()))
        self.scan_edit.step.connect(self._move)
        self.search_edit.picked.connect(self._picked)
        self.search_edit.not_found.connect(
            lambda text: vm.refuse(self.tr("no product called “{0}”").format(text))
        )
        self.minus_button.clicked.connect(lambda: self._then_scan(vm.change_qty(self.row(), -1)))
        self.plus_button.clicked.connect(lambda: self._then_scan(vm.change_qty(self.row(), 1)))
        self.qty_button.clicked.connect(self.quantity)
        self.remove_button.clicked.connect(lambda: self._then_scan(vm.remove(self.row())))
        self.line_discount_button.clicked.connect(self.line_discount)
        self.keys_panel.edit_requested.connect(self.edit_keys)
        side = self.side
        side.order_discount_button.clicked.connect(self.order_discount)
        side.customer_button.clicked.connect(self.choose_customer)
        side.fulfilment_chosen.connect(self._fulfilment)
        side.ship_to.editingFinished.connect(lambda: vm.set_ship_to(side.ship_to.text()))
        side.park_button.clicked.connect(self.park)
        side.resume_button.clicked.connect(self.resume)
        side.void_button.clicked.connect(self.void)
        side.pay_button.clicked.connect(self.pay)
        side.drawer_button.clicked.connect(self.open_drawer)
        self.drawer.changed.connect(side.show_drawer)
        self.drawer.check()

    # -- reading the view model ----------------------------------------------------------

    def _refresh(self) -> None:
        self.side.show_sale(self.vm, self.session)
        has_lines = bool(self.vm.cart.lines)
        for button in self.line_buttons:
            button.setEnabled(has_lines)
        self.line_discount_button.setVisible(not self.side.order_discount_button.isHidden())

    def row(self) -> int:
        index = self.cart_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        if 0 <= row < self.vm.lines.rowCount():
            self.cart_view.selectRow(row)
            self.cart_view.scrollTo(self.vm.lines.index(row, 0))

    def _move(self, step: int) -> None:
        count = self.vm.lines.rowCount()
        if count:
            self._select(max(0, min(count - 1, self.row() + step if self.row() >= 0 else count - 1)))

    def _then_scan(self, _ok: object = None) -> None:
        self.scan_edit.setFocus()

    # -- commands ------------------------------------------------------------------------

    def scan(self) -> None:
        if self.vm.scan(self.scan_edit.text()):
            self.scan_edit.clear()
        else:
            self.scan_edit.selectAll()  # the next scan replaces the bad code

    def open_return(self, number: str) -> None:
        """A receipt scanned: its order, with Refund ready (a clerk's asks for a manager)."""
        from pos_app.ui.order_detail import OrderDetailDialog

        dialog = OrderDetailDialog(self.session, number, self)

        def ready() -> None:
            if dialog.vm.order is not None and dialog.refund_button.isEnabled():
                dialog.refund_button.setFocus()

        dialog.vm.changed.connect(ready)
        self._side(dialog)
        ready()  # loaded already when the runner is synchronous

    def _picked(self, sku: str) -> None:
        self.vm.add_sku(sku)
        self.scan_edit.setFocus()

    def _selected_row(self) -> int:
        row = self.row()
        if row < 0:
            self.vm.refuse(self.tr("select a line first"))
        return row

    def quantity(self) -> None:
        """The selected line's quantity on a number pad (touch)."""
        row = self._selected_row()
        if row >= 0:
            self._side(sale_dialogs.quantity(self.vm, row, self))

    def line_discount(self) -> None:
        row = self._selected_row()
        if row >= 0:
            self._side(sale_dialogs.line_discount(self.vm, row, self))

    def order_discount(self) -> None:
        self._side(sale_dialogs.order_discount(self.vm, self))

    def edit_keys(self) -> None:
        self._side(QuickKeysEditor(self.session, self))

    def choose_customer(self) -> None:
        self._side(CustomerDialog(self.vm, self))

    def _fulfilment(self, value: Fulfilment) -> None:
        if not self.vm.set_fulfilment(value):
            self.side.fulfilment_buttons[self.vm.cart.fulfilment].setChecked(True)
        if self.vm.cart.fulfilment is Fulfilment.DELIVERY and not self.vm.cart.ship_to:
            self.side.ship_to.setFocus()

    def park(self) -> None:
        if not self.vm.cart.lines:
            self.vm.refuse(self.tr("there is nothing in the cart to park"))
            return
        self._side(sale_dialogs.park(self.vm, self))

    def resume(self) -> None:
        self._side(HeldSalesDialog(self.vm, self))

    def void(self) -> None:
        if self.vm.cart.lines:
            self._side(sale_dialogs.void(self.vm, self))

    def open_drawer(self) -> None:
        """The cash drawer screen over the sale (open it before the first cash sale, pay in or
        out, close at the end of the day); the sale stays as it is."""
        if self.session.may(Action.CASH_DRAWER) and self.side_dialog is None:
            self._side(DrawerDialog(self.session, self))

    def pay(self) -> None:
        vm = self.vm
        if vm.busy or not vm.cart.lines:
            if not vm.cart.lines:
                vm.refuse(self.tr("scan an item first"))
            return
        if vm.needs_approval:
            limit = self.session.settings.clerk_discount_limit_bp
            reason = self.tr("a discount of {discount} is over the {limit} clerk limit").format(
                discount=percent(vm.discount_bp), limit=percent(limit)
            )
            approval = self.ask_override(self.session, reason, self)
            if approval is None:
                vm.refuse(self.tr("the discount needs a manager's approval"))
                self.scan_edit.setFocus()
                return
            vm.approve(approval)
        if self.session.actor.role is Role.CUSTOMER:
            # Staff take the money: a customer's own sale is placed and paid at the counter.
            vm.finished.connect(self._placed_unpaid)
            vm.checkout_failed.connect(self._place_failed)
            vm.checkout([])
            return
        dialog = PaymentDialog(vm, self.ask_override, self)
        self.payment_dialog = dialog
        dialog.finished.connect(lambda result: self._paid(dialog, result))
        dialog.open()

    def _placed_unpaid(self, order: OrderDetail) -> None:
        self._place_failed("")
        self.show_receipt(order)

    def _place_failed(self, text: str) -> None:
        self.vm.finished.disconnect(self._placed_unpaid)
        self.vm.checkout_failed.disconnect(self._place_failed)
        if text:
            self.vm.refuse(text)

    def _paid(self, dialog: PaymentDialog, result: int) -> None:
        dialog.deleteLater()
        self.payment_dialog = None
        self.drawer.check()  # cash may have been refused for want of an open drawer
        order = self.vm.last_order
        if result == QDialog.DialogCode.Accepted and order is not None:
            self.show_receipt(order)
        else:
            self.scan_edit.setFocus()

    def show_receipt(self, order: OrderDetail) -> None:
        """The receipt on screen, and on the till's printer when it has one (a cash sale's
        opens the drawer); a printer that fails says so there, with print and PDF beside it."""
        # Owned by this screen, not the receipt window: a print may finish after the next sale began.
        printing = ReceiptPrinting(self.session, self)
        dialog = ReceiptDialog(order, self.session.settings, self, printing=printing)
        self.receipt_dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.finished.connect(lambda _result: _release(printing))
        dialog.open()
        dialog.print_on_till()

    def _side(self, dialog: QDialog) -> None:
        self.side_dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        dialog.deleteLater()
        if isinstance(dialog, DrawerDialog):
            self.drawer.check()
        if self.side_dialog is dialog:
            self.side_dialog = None
        if self.receipt_dialog is dialog:
            self.receipt_dialog = None
        self.scan_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_F2: self.set_qty,
            Qt.Key.Key_F3: self.search_edit.setFocus,
            Qt.Key.Key_F4: self.choose_customer,
            Qt.Key.Key_F6: self.line_discount,
            Qt.Key.Key_F7: self.order_discount,
            Qt.Key.Key_F8: self.park,
            Qt.Key.Key_F9: self.resume,
            Qt.Key.Key_F10: self.void,
            Qt.Key.Key_F12: self.pay,
        }
        key = event.key()
        if key in actions:
            actions[key]()
        elif key == Qt.Key.Key_L and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.session.lock()
        elif key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.open_drawer()
        elif key == Qt.Key.Key_Escape and self.scan_edit.text():
            self.scan_edit.clear()
        elif key == Qt.Key.Key_Escape and not self.scan_edit.hasFocus():
            self.scan_edit.setFocus()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.scan_edit.setFocus()  # never a default button: Enter belongs to the fields
        else:
            super().keyPressEvent(event)

    def _locked(self, locked: bool) -> None:
        # Nothing of the sale stays on screen while the till is locked; the cart is on disk.
        if locked and self.isVisible():
            self.reject()

    def set_qty(self) -> None:
        """F2: the number typed in the scan field becomes the selected line's quantity."""
        text = self.scan_edit.text()
        if text:
            if self.vm.set_qty_text(self.row(), text):
                self.scan_edit.clear()
        elif self.row() >= 0:
            index = self.vm.lines.index(self.row(), QTY_COLUMN)
            self.cart_view.setCurrentIndex(index)
            self.cart_view.edit(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The cart table takes +, - and Del for the selected line, like the scan field does.
        if watched is self.cart_view and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
                self.vm.change_qty(self.row(), 1 if key == Qt.Key.Key_Plus else -1)
                return True
            if key == Qt.Key.Key_Delete:
                self.vm.remove(self.row())
                return True
        return super().eventFilter(watched, event)


def _release(printing: ReceiptPrinting) -> None:
    """Let a sale's printing go once its receipt window is closed and nothing is printing."""
    if not printing.busy:
        printing.deleteLater()
        return
    printing.busy_changed.connect(lambda busy: None if busy else printing.deleteLater())
