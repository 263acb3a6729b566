"""Two tabs of the order detail: its items and payments, and its customer and shipping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.orders import Fulfilment
from pos_app.domain.records import OrderDetail
from pos_app.ui.order_tables import (
    LINE_HEADERS,
    PAYMENT_HEADERS,
    TotalsPanel,
    fill,
    line_rows,
    make_table,
    payment_rows,
    wrap_column,
)
from pos_app.viewmodels.names import fulfilment_name


class ItemsTab(QSplitter):
    """The lines above (names wrap rather than being cut), payments and totals below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.lines = make_table(LINE_HEADERS, "lines")
        wrap_column(self.lines, LINE_HEADERS.index("Item"))
        self.payments = make_table(PAYMENT_HEADERS, "payments")
        self.totals = TotalsPanel()
        bottom = QWidget()
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.payments, 3)
        row.addWidget(self.totals, 1)
        self.addWidget(self.lines)
        self.addWidget(bottom)
        self.setChildrenCollapsible(False)

    def show_order(self, order: OrderDetail) -> None:
        fill(self.lines, line_rows(order), right=(2, 3, 4, 5, 6))
        fill(self.payments, payment_rows(order), right=(3, 4, 5))
        self.totals.show_order(order)


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


class ShippingTab(QWidget):
    """Customer, fulfilment, the address and tracking, and the note; Tab moves through them
    (the two text boxes take no Tab characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer = QLabel()
        self.fulfilment = QLabel()
        self.ship_to = QPlainTextEdit()
        self.ship_to.setMaximumHeight(80)
        self.ship_to.setTabChangesFocus(True)  # an address has no tabs: Tab goes on to Tracking
        self.tracking = QLineEdit()
        self.save_shipping = QPushButton(self.tr("Sa&ve shipping"))
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.note.setTabChangesFocus(True)
        self.save_note = QPushButton(self.tr("Save &note"))
        for button in (self.save_shipping, self.save_note):
            button.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Fulfilment"), self.fulfilment)
        form.addRow(self.tr("Ship to"), self.ship_to)
        form.addRow(self.tr("Tracking"), self.tracking)
        form.addRow("", _right(self.save_shipping))
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", _right(self.save_note))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_order(self, order: OrderDetail, *, keep_edits: bool) -> None:
        """The order's values; with `keep_edits`, text typed and not yet saved stays."""
        self.customer.setText(order.customer_name or self.tr("— (walk-in)"))
        self.fulfilment.setText(fulfilment_name(order.fulfilment))
        if not (keep_edits and self.ship_to.document().isModified()):
            self.ship_to.setPlainText(order.ship_to)
        if not (keep_edits and self.tracking.isModified()):
            self.tracking.setText(order.tracking)
        if not (keep_edits and self.note.document().isModified()):
            self.note.setPlainText(order.note)

    def allow(self, order: OrderDetail) -> None:
        """Editable as far as the save buttons (bound to the user's rights) are enabled."""
        shipping_open = self.save_shipping.isEnabled()
        self.ship_to.setReadOnly(not shipping_open)
        self.tracking.setReadOnly(not shipping_open)
        self.note.setReadOnly(not self.save_note.isEnabled())
        in_store = order.fulfilment is Fulfilment.IN_STORE
        self.ship_to.setEnabled(not in_store or bool(order.ship_to))
