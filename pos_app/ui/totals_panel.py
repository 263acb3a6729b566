"""The sale's totals, large enough to read from the customer's side of the counter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from pos_app.domain.formatting import number
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.open_sale import Totals


def _label(text: str = "", **props: object) -> QLabel:
    label = QLabel(text)
    for key, value in props.items():
        label.setProperty(key, value)
    return label


class TotalsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setAccessibleName(self.tr("Sale totals"))
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 14, 18, 14)
        grid.setVerticalSpacing(4)
        self.items = _label(muted=True)
        self.subtotal = _label(amount=True)
        self.discount = _label(amount=True)
        self.tax_name = _label(self.tr("Tax"))
        self.tax = _label(amount=True)
        self.total = _label()
        self.total.setObjectName("totalValue")
        self.cash = _label(muted=True)
        rows = [
            (_label(self.tr("Subtotal")), self.subtotal),
            (_label(self.tr("Discount")), self.discount),
            (self.tax_name, self.tax),
        ]
        for row, (name, value) in enumerate(rows):
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        total_name = _label(self.tr("TOTAL"), heading=True)
        grid.addWidget(total_name, 3, 0, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(self.items, 3, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.total, 4, 0, 1, 2)
        self.cash.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.cash, 5, 0, 1, 2)

    def show_totals(self, totals: Totals) -> None:
        cur = totals.currency
        self.items.setText(
            self.tr("1 item")
            if totals.items == 1
            else self.tr("{count} items").format(count=number(totals.items))
        )
        self.subtotal.setText(money(totals.subtotal, cur))
        self.discount.setText(f"-{money(totals.discount, cur)}" if totals.discount else money(0, cur))
        self.tax_name.setText(self.tr("Tax included") if totals.prices_include_tax else self.tr("Tax"))
        self.tax.setText(money(totals.tax, cur))
        self.total.setText(money(totals.total, cur))
        self.total.setAccessibleName(self.tr("Total {amount}").format(amount=money(totals.total, cur)))
        rounded = totals.cash_due != totals.total
        self.cash.setText(
            self.tr("Cash: {amount} (rounded)").format(amount=money(totals.cash_due, cur)) if rounded else ""
        )
        self.cash.setVisible(rounded)
