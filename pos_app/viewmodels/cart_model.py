"""The cart's lines as a table the till shows: item, SKU, quantity, price, discount, total."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import format_amount
from pos_app.domain.numbers import is_ascii_digits
from pos_app.domain.variable_measure import SoldBy, parse_weight
from pos_app.viewmodels.measure_text import kg_edit_text, price_text, qty_text

Index = QModelIndex | QPersistentModelIndex

HEADERS = (  # translated when shown (context "CartModel")
    str(QT_TRANSLATE_NOOP("CartModel", "Item")),
    str(QT_TRANSLATE_NOOP("CartModel", "SKU")),
    str(QT_TRANSLATE_NOOP("CartModel", "Qty")),
    str(QT_TRANSLATE_NOOP("CartModel", "Price")),
    str(QT_TRANSLATE_NOOP("CartModel", "Discount")),
    str(QT_TRANSLATE_NOOP("CartModel", "Total")),
)
NAME_COLUMN, SKU_COLUMN, QTY_COLUMN, DISCOUNT_COLUMN = 0, 1, 2, 4
# The line's stock warning ('' when none), for the view to show on the line.
STOCK_NOTE_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
# Plain ints: the view asks data() for a dozen roles per cell on every paint, so the checks
# there must be cheap (comparing to Qt's enum members is not).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_NOTE = STOCK_NOTE_ROLE
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_CENTER = Qt.AlignmentFlag.AlignCenter.value
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_ALIGNMENTS = (_LEFT, _LEFT, _CENTER, _RIGHT, _RIGHT, _RIGHT)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_QTY_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable


@dataclass(frozen=True)
class CartRow:
    name: str
    sku: str
    qty: int
    unit_price: int
    discount: int
    total: int
    stock_note: str = ""  # more sold than on the shelf: what to tell the clerk on the line
    measure: SoldBy = SoldBy.EACH  # by weight: qty is grams, unit_price per kg


class CartTableModel(QAbstractTableModel):
    """Rows are replaced whole after each change (a cart is tens of lines, not thousands)."""

    def __init__(self, edit_qty: Callable[[int, int], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CartRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._edit_qty = edit_qty

    def set_rows(self, rows: list[CartRow], currency: str) -> None:
        """Show `rows`, telling the view only what changed so it repaints only that."""
        texts = [self._row_texts(row, currency) for row in rows]
        old = self._texts
        if len(texts) < len(old):
            self.beginResetModel()  # a line went: redraw all
            self._rows, self._texts = rows, texts
            self.endResetModel()
            return
        notes = [row.stock_note for row in self._rows]
        changed = [n for n in range(len(old)) if texts[n] != old[n] or rows[n].stock_note != notes[n]]
        if len(texts) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(texts) - 1)
            self._rows, self._texts = rows, texts
            self.endInsertRows()
        else:
            self._rows, self._texts = rows, texts
        if changed:
            last = len(HEADERS) - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def row_at(self, row: int) -> CartRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return QCoreApplication.translate("CartModel", HEADERS[section])
        if role == _ALIGN:
            return _ALIGNMENTS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _QTY_FLAGS if index.column() == QTY_COLUMN else _FLAGS

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self._texts[index.row()][index.column()]
        if role == _ALIGN:
            return _ALIGNMENTS[index.column()]
        if role == _NOTE:
            return self._rows[index.row()].stock_note
        if role == _EDIT and index.column() == QTY_COLUMN:
            row = self._rows[index.row()]
            return kg_edit_text(row.qty) if row.measure is SoldBy.WEIGHT else row.qty
        if role in (_TOOLTIP, _ACCESSIBLE):
            row = self._rows[index.row()]
            text = (
                self._texts[index.row()][index.column()] if role == _ACCESSIBLE else f"{row.name} ({row.sku})"
            )
            return (
                f"{text}, {row.stock_note}" if row.stock_note and index.column() in (0, QTY_COLUMN) else text
            )
        return None

    def setData(self, index: Index, value: Any, role: int = 2) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != QTY_COLUMN:
            return False
        if self._rows[index.row()].measure is SoldBy.WEIGHT:
            # A weight is typed in kg ('0.350'); the line holds grams.
            try:
                value = parse_weight(str(value))
            except InvalidInput:
                return False
        # A spin box gives an int; typed text must be ASCII digits (never int('1_0') or a float).
        elif isinstance(value, str) and is_ascii_digits(value.strip(), 9):
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return self._edit_qty(index.row(), value)

    @property
    def has_discounts(self) -> bool:
        return any(row.discount for row in self._rows)

    @staticmethod
    def _row_texts(row: CartRow, currency: str) -> tuple[str, ...]:
        return (
            row.name,
            row.sku,
            qty_text(row.qty, row.measure),
            price_text(row.unit_price, row.measure, currency, format_amount),
            f"-{format_amount(row.discount, currency)}" if row.discount else "",
            format_amount(row.total, currency),
        )
