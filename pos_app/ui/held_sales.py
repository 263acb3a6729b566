"""Parked sales: pick one to resume on this till, or discard it. They live in the database, so
they survive restarts and can be resumed at any till."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.records import HeldSale
from pos_app.ui.checkout_style import apply_till_style, set_role, show_message
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.receipt import local_time


class HeldSalesDialog(QDialog):
    def __init__(self, vm: CheckoutViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.sales: list[HeldSale] = []
        self.setWindowTitle(self.tr("Parked sales"))
        self.setAccessibleName(self.tr("Parked sales"))
        apply_till_style(self)
        self.resize(680, 460)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Lines"), self.tr("Parked by"), self.tr("When")]
        )
        self.table.setAccessibleName(self.tr("Parked sales list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.doubleClicked.connect(self.resume)
        self.error = QLabel()
        self.error.setWordWrap(True)
        show_message(self.error, "", error=True)
        self.resume_button = QPushButton(self.tr("Resume  (Enter)"))
        set_role(self.resume_button, "go")
        self.discard_button = QPushButton(self.tr("Discard  (Del)"))
        set_role(self.discard_button, "danger")
        close = QPushButton(self.tr("Close  (Esc)"))
        for button, name in (
            (self.resume_button, self.tr("Resume parked sale")),
            (self.discard_button, self.tr("Discard parked sale")),
            (close, self.tr("Close parked sales")),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.resume_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resume_button.clicked.connect(self.resume)
        self.discard_button.clicked.connect(self.discard)
        close.clicked.connect(self.reject)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        self.sales = self.vm.held_sales()
        self.table.setRowCount(len(self.sales))
        for row, sale in enumerate(self.sales):
            lines = sale.cart.get("lines")
            count = len(lines) if isinstance(lines, list) else 0
            texts = (sale.label, str(count), sale.created_by, local_time(sale.created_at))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.sales:
            self.table.selectRow(0)
        show_message(self.error, "" if self.sales else self.tr("No parked sales."), error=False)
        self.resume_button.setEnabled(bool(self.sales))
        self.discard_button.setEnabled(bool(self.sales))

    def _selected(self) -> HeldSale | None:
        row = self.table.currentRow()
        return self.sales[row] if 0 <= row < len(self.sales) else None

    def resume(self) -> None:
        sale = self._selected()
        if sale is None:
            return
        if self.vm.resume(sale.id):
            self.accept()
        else:
            show_message(self.error, self.vm.message_text, error=True)
            self.reload_keep_message()

    def discard(self) -> None:
        sale = self._selected()
        if sale is not None and not self.vm.discard_held(sale.id):
            show_message(self.error, self.vm.message_text, error=True)
            return
        self.reload()

    def reload_keep_message(self) -> None:
        text = self.error.text()
        self.reload()
        if text:
            show_message(self.error, text, error=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.resume()
        elif key == Qt.Key.Key_Delete:
            self.discard()
        else:
            super().keyPressEvent(event)
