"""One order in a dialog: everything it holds, and the actions the logged-in user may take."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.orders import OrderStatus
from pos_app.domain.policy import Action
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Approval
from pos_app.ui import screens
from pos_app.ui.order_tables import HISTORY_HEADERS, fill, history_rows, make_table
from pos_app.ui.order_tabs import ItemsTab, ShippingTab
from pos_app.ui.payment_dialog import PaymentDialog
from pos_app.ui.refund_dialog import RefundDialog
from pos_app.ui.screen_fit import fit_to_screen
from pos_app.ui.ship_dialog import ShipDialog
from pos_app.viewmodels.format import local_time
from pos_app.viewmodels.names import fulfilment_name, status_name
from pos_app.viewmodels.order_detail import OrderDetailViewModel
from pos_app.viewmodels.order_payment import OrderPayment
from pos_app.viewmodels.receipt import ReceiptPrinting
from pos_app.viewmodels.session import Session

# Each action answers Alt and its underlined letter (reprint also Ctrl+P, close Esc).
STATUS_VERBS = {  # translated where shown (context "OrderDetailDialog")
    OrderStatus.PROCESSING: str(QT_TRANSLATE_NOOP("OrderDetailDialog", "Start &processing")),
    OrderStatus.READY: str(QT_TRANSLATE_NOOP("OrderDetailDialog", "Read&y for pickup")),
    OrderStatus.SHIPPED: str(QT_TRANSLATE_NOOP("OrderDetailDialog", "Mark &shipped…")),
    OrderStatus.DELIVERED: str(QT_TRANSLATE_NOOP("OrderDetailDialog", "Mark &delivered")),
    OrderStatus.COLLECTED: str(QT_TRANSLATE_NOOP("OrderDetailDialog", "Mark c&ollected")),
}


# Shown on a button a clerk can use only with a manager's approval.
_MANAGER_MARK = str(QT_TRANSLATE_NOOP("OrderDetailDialog", " (manager)"))


class OrderDetailDialog(QDialog):
    def __init__(self, session: Session, order_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vm = OrderDetailViewModel(session, self)
        self.changed_something = False
        self.setObjectName("orderDetail")
        self.setWindowTitle(self.tr("Order"))
        fit_to_screen(self, 1100, 760)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.attention = QLabel()
        self.attention.setObjectName("attention")
        self.attention.setWordWrap(True)
        self.attention.setVisible(False)
        self.looked_at = QPushButton(self.tr("&Looked at"))
        self.looked_at.setToolTip(
            self.tr("Mark what is flagged as looked at (Alt+L): the flag goes on every till")
        )
        self.looked_at.setAutoDefault(False)
        self.looked_at.setVisible(False)
        self._keep_edits = False  # a reload for a change made elsewhere keeps unsaved typing
        self.number = QLabel()
        self.number.setObjectName("title")
        self.status = QLabel()
        self.status.setObjectName("statusBadge")
        self.meta = QLabel()
        self.meta.setObjectName("hint")
        self.meta.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.number)
        head.addWidget(self.status)
        head.addStretch(1)

        self.items = ItemsTab()
        self.shipping = ShippingTab()
        # The parts tests and refreshes reach for, by their old names.
        self.lines, self.payments, self.totals = self.items.lines, self.items.payments, self.items.totals
        self.customer, self.ship_to, self.tracking = (
            self.shipping.customer,
            self.shipping.ship_to,
            self.shipping.tracking,
        )
        self.note, self.save_note = self.shipping.note, self.shipping.save_note
        self.save_shipping = self.shipping.save_shipping
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items, self.tr("&Items && payments"))
        self.tabs.addTab(self.shipping, self.tr("C&ustomer && shipping"))
        self.history = make_table(HISTORY_HEADERS, "history")
        self.tabs.addTab(self.history, self.tr("&History"))

        self.status_bar = QHBoxLayout()
        self.status_buttons: dict[OrderStatus, QPushButton] = {}
        self.cancel_button = QPushButton(self.tr("&Cancel order…"))
        self.cancel_button.setObjectName("danger")
        self.refund_button = QPushButton(self.tr("&Refund…"))
        self.refund_button.setObjectName("danger")
        self.receipt_button = QPushButton(self.tr("Reprint rec&eipt"))
        self.receipt_button.setToolTip(self.tr("Reprint the receipt (Ctrl+P)"))
        QShortcut(QKeySequence.StandardKey.Print, self, self._receipt)
        self.pay_button = QPushButton(self.tr("&Take payment…"))
        self.pay_button.setObjectName("primary")
        self.payment_dialog: PaymentDialog | None = None
        self.printing = ReceiptPrinting(session, self)  # the receipt of a payment taken here
        self.printing.printed.connect(lambda text: self._say(text, error=False))
        self.printing.failed.connect(self._printer_failed)
        self.ship_dialog: ShipDialog | None = None
        close = QPushButton(self.tr("Close"))
        close.setToolTip(self.tr("Close (Esc)"))
        for button in (self.cancel_button, self.refund_button, self.receipt_button, self.pay_button, close):
            button.setAutoDefault(False)  # Enter never presses an action by accident
        actions = QHBoxLayout()
        actions.addWidget(self.pay_button)
        actions.addLayout(self.status_bar)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.refund_button)
        actions.addStretch(1)
        actions.addWidget(self.receipt_button)
        actions.addWidget(close)

        layout = QVBoxLayout(self)
        flagged = QHBoxLayout()
        flagged.addWidget(self.attention, 1)
        flagged.addWidget(self.looked_at)
        layout.addLayout(flagged)
        layout.addWidget(self.banner)
        layout.addLayout(head)
        layout.addWidget(self.meta)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)

        self.looked_at.clicked.connect(self.vm.resolve_attention)
        self.pay_button.clicked.connect(self.take_payment)
        self.cancel_button.clicked.connect(self._cancel)
        self.refund_button.clicked.connect(self._refund)
        self.receipt_button.clicked.connect(self._receipt)
        self.save_shipping.clicked.connect(self._save_shipping)
        self.save_note.clicked.connect(lambda: self.vm.save_note(self.note.toPlainText()))
        close.clicked.connect(self.accept)
        self.vm.changed.connect(self._show)
        self.vm.message.connect(lambda text: self._say(text, error=True))
        self.vm.saved.connect(self._saved)
        self.vm.busy_changed.connect(lambda busy: self.tabs.setEnabled(not busy))
        self.vm.load(order_ref)

    # -- layout ----------------------------------------------------------------------------

    # -- showing ---------------------------------------------------------------------------

    def refresh_orders(self, ids: frozenset[str]) -> None:
        """Orders changed at another till: show this one anew if it is among them, keeping
        what the user has typed and not yet saved."""
        if self.vm.order is not None and self.vm.order.id in ids:
            self._keep_edits = True
            self.vm.refresh_orders(ids)

    def _show(self) -> None:
        order = self.vm.order
        if order is None:
            return
        keep, self._keep_edits = self._keep_edits, False
        self.attention.setText(self.tr("Needs a manager's attention: {0}").format(order.attention))
        self.attention.setVisible(bool(order.attention))
        self.looked_at.setVisible(self.vm.reason(Action.RESOLVE_ATTENTION) is None)
        self.setWindowTitle(self.tr("Order {0}").format(order.number))
        self.number.setText(order.number)
        self.status.setText(status_name(order.status).upper())
        self.status.setProperty("status", order.status.value)
        self.status.style().polish(self.status)
        fulfilment = fulfilment_name(order.fulfilment)
        self.meta.setText(
            self.tr("{0} · till {1} · served by {2} · {3} · {4} · version {5}").format(
                local_time(order.created_at),
                order.till,
                order.clerk_name or "—",
                fulfilment,
                order.customer_name or self.tr("no customer"),
                order.version,
            )
        )
        self.items.show_order(order)
        fill(self.history, history_rows(order))
        self.shipping.show_order(order, keep_edits=keep)
        self._show_actions(order)

    def _show_actions(self, order: OrderDetail) -> None:
        for button in self.status_buttons.values():
            button.deleteLater()
        self.status_buttons = {}
        for status in self.vm.next_statuses:
            button = QPushButton(
                self.tr(STATUS_VERBS[status]) if status in STATUS_VERBS else status_name(status)
            )
            button.setObjectName("primary")
            button.setAutoDefault(False)
            if status is OrderStatus.SHIPPED:
                button.clicked.connect(self.mark_shipped)
            else:
                button.clicked.connect(lambda _c=False, s=status: self.vm.set_status(s))
            self.status_bar.addWidget(button)
            self.status_buttons[status] = button
        self._bind(self.pay_button, Action.TAKE_PAYMENT)
        self.pay_button.setVisible(self.vm.reason(Action.TAKE_PAYMENT) is None)
        self._bind(self.cancel_button, Action.CANCEL)
        self._bind(self.refund_button, Action.REFUND)
        self._bind(self.save_shipping, Action.EDIT_SHIPPING)
        self._bind(self.save_note, Action.ADD_NOTE)
        self.shipping.allow(order)

    def _bind(self, button: QPushButton, action: Action) -> None:
        """Enabled when allowed; for a clerk, enabled through a manager override; else why not."""
        reason = self.vm.reason(action)
        overridable = self.vm.overridable(action)
        button.setEnabled(reason is None or overridable)
        mark = self.tr(_MANAGER_MARK)
        base = button.text().removesuffix(mark)
        button.setText(base + mark if overridable else base)
        button.setProperty("override", overridable)
        if reason is None:
            button.setToolTip("")
        elif overridable:
            button.setToolTip(self.tr("{0}: a manager can approve it").format(reason))
        else:
            button.setToolTip(reason)

    def _say(self, text: str, *, error: bool) -> None:
        self.banner.setText(text)
        self.banner.setObjectName("error" if error else "ok")
        self.banner.style().polish(self.banner)
        self.banner.setVisible(True)

    def _saved(self, text: str) -> None:
        self.changed_something = True
        self._say(text, error=False)

    # -- actions ---------------------------------------------------------------------------

    def _approver(self, action: Action) -> tuple[bool, Approval | None]:
        """(go on, approval): asks a manager first when this user needs an override."""
        if not self.vm.overridable(action):
            return True, None
        reason = self.vm.reason(action) or action.value
        approver = screens.ask_override(self.session, reason, self)
        return approver is not None, approver

    def confirm_cancel(self) -> tuple[bool, bool]:
        """(cancel it, restock) from the user."""
        order = self.vm.order
        assert order is not None
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Cancel {0}").format(order.number))
        box.setText(self.tr("Cancel {0}? Everything paid is given back.").format(order.number))
        restock = QCheckBox(self.tr("Put the goods back in stock"))
        restock.setChecked(True)
        box.setCheckBox(restock)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes, restock.isChecked()

    def choose_refund(self) -> tuple[dict[str, int] | None, bool] | None:
        """(SKU → qty, restock) from the refund dialog, or None when cancelled."""
        assert self.vm.order is not None
        dialog = RefundDialog(self.vm.order, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.lines(), dialog.restock.isChecked()

    def take_payment(self) -> PaymentDialog | None:
        """Open the till's payment dialog on what the order still owes (not modal to the test)."""
        if self.vm.order is None or self.vm.reason(Action.TAKE_PAYMENT) is not None:
            return None
        dialog = PaymentDialog(OrderPayment(self.vm), screens.ask_override, self)
        self.payment_dialog = dialog
        dialog.setWindowTitle(self.tr("Take payment for {0}").format(self.vm.order.number))
        dialog.accepted.connect(self._print_paid)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _print_paid(self) -> None:
        """Paid at the counter: its receipt on the till's printer (cash opens the drawer)."""
        if self.vm.order is not None and self.printing.configured:
            self.printing.print_sale(self.vm.order)

    def _printer_failed(self, reason: str) -> None:
        self._say(self.tr("{0}; the payment is saved: reprint it with Alt+E").format(reason), error=True)

    def mark_shipped(self) -> ShipDialog | None:
        """Ask for the tracking number, then mark shipped with it in one change (not modal to
        the test: it goes on when the dialog is accepted)."""
        if self.vm.order is None or OrderStatus.SHIPPED not in self.vm.next_statuses:
            return None
        dialog = ShipDialog(self.vm.order, self)
        self.ship_dialog = dialog
        dialog.accepted.connect(lambda: self._ship(dialog.tracking()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _ship(self, tracking: str) -> None:
        ok, approver = self._approver(Action.EDIT_SHIPPING)
        if ok:
            self.vm.ship(tracking, approver)

    def _cancel(self) -> None:
        go, restock = self.confirm_cancel()
        if not go:
            return
        ok, approver = self._approver(Action.CANCEL)
        if ok:
            self.vm.cancel(restock, approver)

    def _refund(self) -> None:
        choice = self.choose_refund()
        if choice is None:
            return
        ok, approver = self._approver(Action.REFUND)
        if ok:
            self.vm.refund(choice[0], choice[1], approver)

    def _save_shipping(self) -> None:
        ok, approver = self._approver(Action.EDIT_SHIPPING)
        if ok:
            self.vm.save_shipping(self.ship_to.toPlainText(), self.tracking.text(), approver)

    def _receipt(self) -> None:
        if self.vm.order is not None:
            screens.show_receipt(self.session, self.vm.order, self)
