"""Choose what to refund: quantities per line (kg, to the gram, for a line sold by weight),
and whether the goods go back to stock.

By keyboard: the first line's quantity has the focus, Tab goes to the next line's (typing a
number replaces the one there), Enter refunds, Esc cancels."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.records import OrderDetail, OrderLineView
from pos_app.domain.variable_measure import GRAMS_PER_KG, SoldBy
from pos_app.ui.order_tables import fill, make_table, wrap_column
from pos_app.ui.screen_fit import fit_to_screen
from pos_app.viewmodels.format import money
from pos_app.viewmodels.measure_text import qty_text

Spin = QSpinBox | QDoubleSpinBox

HEADERS = (
    str(QT_TRANSLATE_NOOP("OrderTables", "SKU")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Item")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Sold")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Left")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Line total")),
    str(QT_TRANSLATE_NOOP("OrderTables", "Refund")),
)
QTY_COLUMN = HEADERS.index("Refund")


class RefundDialog(QDialog):
    def __init__(self, order: OrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refund {0}").format(order.number))
        self.setMinimumWidth(560)
        self.order = order
        self.table: QTableWidget = make_table(HEADERS, "refundLines")
        wrap_column(self.table, HEADERS.index("Item"))
        self.table.setTabKeyNavigation(False)  # Tab goes from one quantity to the next, not cell by cell
        fill(
            self.table,
            [
                [
                    line.sku,
                    line.name,
                    qty_text(line.qty, line.measure),
                    qty_text(line.qty - line.refunded_qty, line.measure),
                    money(line.total, order.currency),
                    "",
                ]
                for line in order.lines
            ],
            right=(2, 3, 4),
        )
        self.spins: list[Spin] = []
        for row, line in enumerate(order.lines):
            spin = _spin(line)
            spin.setMinimumWidth(90)
            spin.setAccessibleName(
                self.tr("Refund weight of %1 in kg").replace("%1", line.name)
                if line.measure is SoldBy.WEIGHT
                else self.tr("Refund quantity of {0}").format(line.name)
            )
            spin.setEnabled(spin.maximum() > 0)
            self.table.setCellWidget(row, QTY_COLUMN, spin)
            self.spins.append(spin)
        if self.spins:
            self.table.horizontalHeader().setSectionResizeMode(QTY_COLUMN, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(QTY_COLUMN, self.spins[0].sizeHint().width() + 24)
        everything = QPushButton(self.tr("&Everything left"))
        everything.setAutoDefault(False)
        everything.clicked.connect(self.select_all)
        self.restock = QCheckBox(self.tr("&Put the goods back in stock"))
        self.restock.setChecked(True)
        self.hint = QLabel(
            self.tr("Tab: next line's quantity · Enter: refund · Money goes back the way it was paid.")
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("&Refund"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("danger")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)  # Esc cancels
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(everything)
        layout.addWidget(self.restock)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        for spin in self.spins:
            spin.valueChanged.connect(self._update)
        # One key from each line's quantity to the next, then on to the rest of the dialog.
        chain: list[QWidget] = [*(s for s in self.spins if s.isEnabled()), everything, self.restock]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.first_field = chain[0]
        self._update()
        self._fit_width(layout.contentsMargins().left() + layout.contentsMargins().right())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ok.setDefault(True)  # Enter refunds: set once the dialog holds its buttons
        self.first_field.setFocus(Qt.FocusReason.TabFocusReason)  # its number selected: typing replaces it

    def select_all(self) -> None:
        for spin in self.spins:
            if isinstance(spin, QDoubleSpinBox):
                spin.setValue(spin.maximum())
            else:
                spin.setValue(spin.maximum())

    def lines(self) -> dict[str, int]:
        """SKU → quantity to refund, grams for a line sold by weight (a SKU on two lines adds up)."""
        chosen: dict[str, int] = {}
        for line, spin in zip(self.order.lines, self.spins, strict=True):
            if amount := _amount(spin):
                chosen[line.sku] = chosen.get(line.sku, 0) + amount
        return chosen

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.lines()))

    def _fit_width(self, margins: int) -> None:
        """Wide enough for every column and the whole item names, where the screen has room
        (on a narrow one the names wrap)."""
        self.ensurePolished()
        table = self.table
        header = table.horizontalHeader()
        columns = sum(
            table.columnWidth(c)
            if header.sectionResizeMode(c) is QHeaderView.ResizeMode.Fixed
            else max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(table.columnCount())
        )
        width = columns + 2 * table.frameWidth() + margins + 48  # and some air
        rows = sum(table.sizeHintForRow(r) for r in range(table.rowCount()))
        height = rows + table.horizontalHeader().sizeHint().height() + 240
        fit_to_screen(self, max(width, self.minimumWidth()), height)


def _spin(line: OrderLineView) -> Spin:
    """A count, or kg with three decimals (a gram) for a line sold by weight."""
    left = line.qty - line.refunded_qty
    if line.measure is SoldBy.WEIGHT:
        weight = QDoubleSpinBox()
        weight.setDecimals(3)
        weight.setSingleStep(0.1)
        weight.setSuffix(" kg")
        weight.setRange(0, left / GRAMS_PER_KG)
        return weight
    count = QSpinBox()
    count.setRange(0, left)
    return count


def _amount(spin: Spin) -> int:
    """Grams from a kg box (three decimals: rounding only drops a float's noise), or the count."""
    if isinstance(spin, QDoubleSpinBox):
        return round(spin.value() * GRAMS_PER_KG)
    return spin.value()
