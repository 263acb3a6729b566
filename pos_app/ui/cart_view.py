"""The cart's lines on the sale screen. The item name takes the room the other columns leave and
wraps onto a second (or third) line rather than being cut short, so two long names that differ
only at the end stay apart; a line selling more than the shelf holds says so under its name.

Columns have fixed widths (sizing to contents re-measures every cell on every scan); only the
rows' heights follow their names, measured from the name alone.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from pos_app.viewmodels.cart_model import (
    DISCOUNT_COLUMN,
    NAME_COLUMN,
    SKU_COLUMN,
    STOCK_NOTE_ROLE,
    CartTableModel,
)

Index = QModelIndex | QPersistentModelIndex

# Widths of SKU, qty, price, discount and total; the item name stretches.
COLUMN_WIDTHS = (120, 64, 92, 100, 104)
SKU_FROM_WIDTH = 900  # narrower carts leave the SKU out (it is in the tooltip) for the name's sake
MAX_NAME_LINES = 3
ROW_MIN = 52  # a finger's height
PAD_X, PAD_Y = 8, 6
WARNING = QColor("#b45309")


def wrap(text: str, font: QFont, width: int, max_lines: int = MAX_NAME_LINES) -> list[str]:
    """`text` broken into lines of at most `width` px; past `max_lines` the last is elided."""
    return list(_wrap(text, font.toString(), width, max_lines))


@lru_cache(maxsize=512)  # every repaint of the cart asks again for the same few names
def _wrap(text: str, font_text: str, width: int, max_lines: int) -> tuple[str, ...]:
    font = QFont()
    font.fromString(font_text)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [
            *lines[: max_lines - 1],
            QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width),
        ]
    return tuple(lines)


class NameDelegate(QStyledItemDelegate):
    """The item name, wrapped; the stock warning, if any, on a line of its own in amber."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        lines = wrap(name, opt.font, rect.width())
        note = str(index.data(STOCK_NOTE_ROLE) or "")
        spacing = QFontMetrics(opt.font).lineSpacing()
        note_font = QFont(opt.font)
        note_font.setPixelSize(max(QFontMetrics(opt.font).height() * 3 // 4, 11))
        note_font.setBold(True)
        height = spacing * len(lines) + (QFontMetrics(note_font).lineSpacing() if note else 0)
        top = rect.top() + max((rect.height() - height) // 2, 0)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(opt.palette.ColorGroup.Normal, opt.palette.ColorRole.Text))
        for n, line in enumerate(lines):
            painter.drawText(QRect(rect.left(), top + n * spacing, rect.width(), spacing), _LEFT, line)
        if note:
            painter.setFont(note_font)
            painter.setPen(WARNING)
            shown = QFontMetrics(note_font).elidedText(f"⚠ {note}", Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), top + len(lines) * spacing, rect.width(), spacing), _LEFT, shown
            )
        painter.restore()


_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)


class CartView(QTableView):
    def __init__(self, model: CartTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.cart = model
        self.setAccessibleName(self.tr("Cart lines"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        # A tap selects a line but leaves the focus in the scan field (the scanner types there);
        # the keyboard still reaches the table with Tab.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_MIN)
        self.names = NameDelegate(self)
        self.setItemDelegateForColumn(NAME_COLUMN, self.names)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS, start=1):
            header.resizeSection(column, width)
        model.rowsInserted.connect(lambda _parent, first, last: self._fit_rows(first, last))
        model.dataChanged.connect(lambda first, last, _roles: self._fit_rows(first.row(), last.row()))
        model.modelReset.connect(self._lines_reset)

    def shown_name(self, row: int) -> list[str]:
        """The item name of `row` as drawn: its lines (the last ends in … if it had to be cut)."""
        return wrap(self.cart.row_at(row).name, self.font(), self.name_width() - 2 * PAD_X)

    def name_width(self) -> int:
        """What the other columns leave the name (the header applies it a moment later)."""
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(1, self.cart.columnCount())
            if not header.isSectionHidden(column)
        )
        return max(self.viewport().width() - others, 40)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setColumnHidden(SKU_COLUMN, event.size().width() < SKU_FROM_WIDTH)
        super().resizeEvent(event)
        self._lines_reset()

    def _lines_reset(self) -> None:
        self._fit_rows(0, self.cart.rowCount() - 1)

    def _fit_rows(self, first: int, last: int) -> None:
        # The discount column only while a line has a discount: otherwise its room goes to the name.
        hide = not self.cart.has_discounts
        if hide != self.isColumnHidden(DISCOUNT_COLUMN):
            self.setColumnHidden(DISCOUNT_COLUMN, hide)
            first, last = 0, self.cart.rowCount() - 1
        metrics = QFontMetrics(self.font())
        for row in range(max(first, 0), min(last, self.cart.rowCount() - 1) + 1):
            lines = len(self.shown_name(row))
            if self.cart.row_at(row).stock_note:
                lines += 1
            height = max(ROW_MIN, lines * metrics.lineSpacing() + 2 * PAD_Y + 4)
            if self.rowHeight(row) != height:  # a resize lays out every row below it again
                self.setRowHeight(row, height)
