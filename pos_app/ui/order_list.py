"""The order list: a filter bar over a lazily filled table. Double-click or Enter opens an order.

By keyboard: Ctrl+F to the search, Down (or Enter, once the search has run) to the first row,
Enter opens it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.formatting import number
from pos_app.domain.users import Role
from pos_app.ui.order_filters import OrderFilters
from pos_app.viewmodels.order_list import (
    ATTENTION_MARK,
    COLUMNS,
    CUSTOMER,
    DATE,
    ITEMS,
    NUMBER,
    PAYMENT,
    STATUS,
    TILL,
    TOTAL,
    OrderListModel,
)

# The widest text each column is made for: a column is never narrower than these need.
COLUMN_SAMPLES = {
    NUMBER: "T10-000000",
    DATE: "2026-12-31 23:59",
    ITEMS: "9,999",
    TOTAL: "£99,999.99",
    STATUS: ATTENTION_MARK + "Processing",
    PAYMENT: "cash+card",
    TILL: "T10",
}
_SORT_MARK_PX = 22  # room the header keeps for the sort arrow
_CELL_PADDING_PX = 24  # the stylesheet's 8 px each side, the grid and a little air


class _OrderTable(QTableView):
    open_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class OrderListWidget(QWidget):
    open_order = Signal(str)  # order id

    def __init__(self, model: OrderListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filters = OrderFilters(model)
        self.search = self.filters.search
        self.status = self.filters.status
        self.since = self.filters.since
        self.until = self.filters.until
        self.customer = self.filters.customer
        self.till = self.filters.till
        self.attention = self.filters.attention

        self.table = _OrderTable()
        self.table.setObjectName("orderTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)

        self.fit_columns(exact=True)

        self.info = QLabel()
        self.info.setObjectName("hint")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)

        self._to_first_row = False  # Enter in the search: go to the first row once it is there
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._search_entered)
        header.sortIndicatorChanged.connect(self._sort)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.open_row.connect(self._open)
        model.error.connect(self._show_error)
        model.loaded.connect(self._loaded)
        model.modelReset.connect(self._reset)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_role(self, role: Role) -> None:
        self.filters.set_role(role)

    def clear_filters(self) -> None:
        """Search and filters back to "all orders" (a new user at the till); not reloaded here."""
        self._to_first_row = False
        self.filters.clear()
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)

    def go_to_first_row(self) -> bool:
        """Select the first order and put the keyboard in the list; False when it is empty."""
        if self.model.rowCount() == 0:
            return False
        self.table.setCurrentIndex(self.model.index(0, NUMBER))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and not event.modifiers():
                self.filters.search_now()
                self._first_row_when_loaded()
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()

    def fit_columns(self, *, exact: bool = False) -> None:
        """Each column as wide as its widest usual text; unless `exact`, a width a user chose
        (or one remembered) that is wider stays."""
        self.table.ensurePolished()
        cells = self.table.fontMetrics()
        heads = self.table.horizontalHeader().fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            head = heads.horizontalAdvance(COLUMNS[column]) * 11 // 10 + _SORT_MARK_PX  # bold
            needed = max(cells.horizontalAdvance(sample), head) + _CELL_PADDING_PX
            if exact or self.table.columnWidth(column) < needed:
                self.table.setColumnWidth(column, needed)

    def _search_entered(self) -> None:
        self.filters.search_now()
        self._first_row_when_loaded()

    def _first_row_when_loaded(self) -> None:
        if self.model.loading:
            self._to_first_row = True  # the search is running: its first row is not there yet
        else:
            self.go_to_first_row()

    def _loaded(self) -> None:
        if self._to_first_row and not self.model.loading:
            self._to_first_row = False
            self.go_to_first_row()
        self._update_info()

    def _sort(self, section: int, order: Qt.SortOrder) -> None:
        if section != DATE:
            # Only the date order is indexed; keep the indicator honest.
            newest = self.model.query.newest_first
            self.table.horizontalHeader().setSortIndicator(
                DATE, Qt.SortOrder.DescendingOrder if newest else Qt.SortOrder.AscendingOrder
            )
            return
        self.model.set_newest_first(order is Qt.SortOrder.DescendingOrder)

    def _open(self, row: int) -> None:
        order = self.model.order_at(row)
        if order is not None:
            self.open_order.emit(order.id)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _reset(self) -> None:
        self.error.setVisible(False)  # a new query: an old error no longer applies
        self._update_info()

    def _update_info(self) -> None:
        count = self.model.rowCount()
        if self.model.loading:
            text = self.tr("loading…")
        elif count == 0:
            text = self.tr("no orders match")
        else:
            many = self.tr("{count} orders shown").format(count=number(count))
            shown = self.tr("1 order shown") if count == 1 else many
            text = shown if self.model.complete else self.tr("{shown} — scroll for more").format(shown=shown)
        self.info.setText(text)
