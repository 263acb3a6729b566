"""Choose what to refund: quantities per line, and whether the goods go back to stock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.records import OrderDetail
from pos_app.ui.order_tables import fill, make_table
from pos_app.viewmodels.format import money


class RefundDialog(QDialog):
    def __init__(self, order: OrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Refund {order.number}")
        self.setMinimumWidth(560)
        self.order = order
        self.table: QTableWidget = make_table(
            ("SKU", "Item", "Sold", "Left", "Line total", "Refund"), "refundLines"
        )
        self.table.verticalHeader().setDefaultSectionSize(48)  # room for the quantity boxes
        fill(
            self.table,
            [
                [
                    line.sku,
                    line.name,
                    str(line.qty),
                    str(line.qty - line.refunded_qty),
                    money(line.total, order.currency),
                    "",
                ]
                for line in order.lines
            ],
            right=(2, 3, 4),
        )
        self.spins: list[QSpinBox] = []
        for row, line in enumerate(order.lines):
            spin = QSpinBox()
            spin.setRange(0, line.qty - line.refunded_qty)
            self.table.setCellWidget(row, 5, spin)
            self.spins.append(spin)
        everything = QPushButton("Everything left")
        everything.clicked.connect(self.select_all)
        self.restock = QCheckBox("Put the goods back in stock")
        self.restock.setChecked(True)
        self.hint = QLabel("Money goes back the way it was paid.")
        self.hint.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton("Refund", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("danger")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(everything)
        layout.addWidget(self.restock)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        for spin in self.spins:
            spin.valueChanged.connect(self._update)
        self._update()

    def select_all(self) -> None:
        for spin in self.spins:
            spin.setValue(spin.maximum())

    def lines(self) -> dict[str, int]:
        """SKU → quantity to refund (a SKU on two lines adds up)."""
        chosen: dict[str, int] = {}
        for line, spin in zip(self.order.lines, self.spins, strict=True):
            if spin.value():
                chosen[line.sku] = chosen.get(line.sku, 0) + spin.value()
        return chosen

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.lines()))
